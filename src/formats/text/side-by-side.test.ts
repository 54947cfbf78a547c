import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEED_TXT } from '../../../test/fixtures/build-form.ts';
import { importText } from './index.ts';
import { sideBySide } from './side-by-side.ts';

const SEED = readFileSync(SEED_TXT, 'utf8');
const isLayoutWarning = (m: string) => m.includes('pdftotext -layout');

// An excerpt in the shape `pdftotext -layout` prints a form's indicator table: cells of one row
// side by side, a cell's wrapped lines indented to its column.
const LAYOUT = [
  '                              项目支出绩效自评表',
  '                                 （2021年度）',
  '   项目名称            2021年中关村海外联络工作支持资金项目',
  '       一级指标      二级指标     三级指标                     年度指标值            实际完成值        分值     得分',
  '                     政策宣讲会受众人数         6900人次                       9000人次             2        2',
  '       产出指标      数量指标',
  '                     对接企业需求            140家次                        150家次              2        2',
  '                     联络高校院所、知名',
  '                     企业、组织机构数量      190个                  200个                            2        2',
  '                                   宣讲会有针对性、及时性，聚焦科技',
  '                     政策宣讲会                                         联合海外科技类协会、学联',
  '                                   创新受众',
].join('\n');

describe('side-by-side (pdftotext -layout) text', () => {
  it('is recognised, and the import says so first, naming the line and what to do instead', () => {
    const s = sideBySide(LAYOUT);
    expect(s).not.toBeNull();
    expect(s!.lines).toBe(12);
    expect(s!.first).toBe(1);
    const { warnings } = importText(LAYOUT);
    const w = warnings.find((x) => isLayoutWarning(x.message));
    expect(w).toBeDefined();
    expect(w!.message).toContain('请直接导入 PDF 文件');
    expect(w!.confidence).toBeLessThanOrEqual(0.2);
    expect(w!.source).toEqual({ line: 1 });
  });

  it('is not claimed for the layouts the importer reads: the seed, flattened rows, `|` tables', () => {
    const dir = join(ROOT, 'test', 'fixtures', 'text');
    for (const text of [
      SEED,
      readFileSync(join(dir, 'flattened-spaces.txt'), 'utf8'),
      readFileSync(join(dir, 'flattened-tabs.txt'), 'utf8'),
      readFileSync(join(dir, 'pipe-table.txt'), 'utf8'),
    ]) {
      expect(sideBySide(text)).toBeNull();
      expect(importText(text).warnings.filter((w) => isLayoutWarning(w.message))).toEqual([]);
    }
  });

  it('needs several such lines: a few indented lines or wide gaps in prose are not a layout', () => {
    const lines = SEED.split('\n');
    lines.splice(
      40,
      0,
      '          一段缩进的说明文字',
      '说明   中间有空格',
      '          又一段缩进   并有空格',
    );
    expect(sideBySide(lines.join('\n'))).toBeNull();
  });
});

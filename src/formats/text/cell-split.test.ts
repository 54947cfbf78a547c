import { describe, expect, it } from 'vitest';
import { type Column, splitConfidence, splitLines } from './cell-split.ts';
import { measureLine } from './lines.ts';
import { estimateWidth } from './widths.ts';

/** Lines as printed; a leading '' marks a blank line before the next one. */
function measured(lines: string[]) {
  const out = [];
  let blank = false;
  for (const l of lines) {
    if (l === '') blank = true;
    else {
      out.push(measureLine(l, blank));
      blank = false;
    }
  }
  return out;
}
const free = (optional = false): Column => ({ width: null, optional });

describe('splitLines', () => {
  it('cuts after a short last line (seed: 政策宣讲会)', () => {
    const lines = measured([
      '政策宣讲会',
      '宣讲会有针对性、及时性，聚焦科技创新',
      '受众。每场受众人数达到要求，宣讲效果',
      '',
      '影响大、并具有及时性',
      '',
      '联合海外科技类协会、学联等组织，针对有',
      '回国创新创业意愿的海外人才举办政策宣讲',
      '',
      '群达4.9万人次',
    ]);
    const split = splitLines(lines, [free(), free(), free()]);
    expect(split.starts).toEqual([0, 1, 4, 7]);
    expect(splitConfidence(split)).toBeGreaterThan(0.8);
  });

  it('tells two full-width cells apart by their wrap widths once the widths are known', () => {
    // Target lines wrap at 18, actual lines at 19; the target's last line is full too.
    const lines = measured([
      '引荐联络海外科技创新创业人才，与中关',
      '村创新主体开展对接交流，促进创新合作',
      '',
      '搭建中关村论坛国际交流平台，邀请了罗杰',
      '专利局副主席斯蒂芬·罗文、中芬创新企业',
      '',
      '落户北京',
    ]);
    const split = splitLines(lines, [
      { width: 18.25, optional: false },
      { width: 19.25, optional: false },
    ]);
    expect(split.starts).toEqual([0, 2, 5]);
  });

  it('gives the previous row its deviation note only when the widths say so', () => {
    const lines = measured([
      '因两委合署，相关资金工作需',
      '交接融合统筹安排，收款拨付',
      '',
      '展',
      '',
      '经费支出进度',
      '2021年6月30日前支出94.87%，2021年12',
      '',
      '月31日前支出100%',
    ]);
    expect(splitLines(lines, [free(true), free(), free()]).starts).toEqual([0, 3, 4, 6]);
    expect(splitLines(lines.slice(3), [free(true), free(), free()]).starts).toEqual([0, 0, 1, 3]);
  });

  it('never starts a cell with `。` nor ends one with `：`', () => {
    const lines = measured([
      '引荐联络海外科技创新创业人才，与中关',
      '村创新主体开展对接交流，促进创新合作',
      '',
      '。国际化人才交往氛围活跃。',
      '',
      '完成情况：',
      '搭建中关村论坛',
    ]);
    expect(splitLines(lines, [free(), free()]).starts).toEqual([0, 3, 5]);
  });

  it('leaves a required cell empty only when there are too few lines', () => {
    const split = splitLines(measured(['名称']), [free(), free()]);
    expect(split.starts[2]).toBe(1);
    expect(split.cost).toBeGreaterThan(3);
  });
});

describe('estimateWidth', () => {
  it('finds where most cells agree', () => {
    expect(
      estimateWidth([
        { lo: 18, hi: 18.5 },
        { lo: 17.5, hi: 18.5 },
        { lo: 18, hi: 19 },
        { lo: 30, hi: 31 },
      ]),
    ).toBe(18.25);
  });

  it('needs two cells', () => {
    expect(estimateWidth([{ lo: 18, hi: 19 }])).toBeNull();
    expect(
      estimateWidth([
        { lo: 18, hi: Number.POSITIVE_INFINITY },
        { lo: 18, hi: 19 },
      ]),
    ).toBeNull();
  });
});

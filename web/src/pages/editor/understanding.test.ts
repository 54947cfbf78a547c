import { describe, expect, it } from 'vitest';
import { zh } from '../../app/strings.ts';
import { understandCell } from './understanding.ts';

const target = { year: 2021, role: 'target' as const, isCost: false };
const actual = { year: 2021, role: 'actual' as const, isCost: false };

describe('how a value cell was understood', () => {
  it.each([
    ['不少于180篇', target, 'ok', '≥ 180 篇'],
    ['180项', target, 'ok', '≥ 180 项（默认 ≥）'],
    ['2926万元', { ...target, isCost: true }, 'ok', '≤ 2926 万元（默认 ≤）'],
    ['185篇', actual, 'ok', '185 篇'],
    ['2021年6月30日前拨付', target, 'ok', '截止 2021-06-30 拨付'],
    ['6月底前完成', target, 'ok', '截止 2021-06-30 完成'],
    ['≥90%', target, 'ok', '≥ 90%'],
    ['达成年度指标', actual, 'ok', '达成（定性）'],
    ['不适用', actual, 'muted', '不适用'],
    ['', actual, 'warn', '未填写'],
    ['——', actual, 'warn', '占位符，视为未填写'],
  ] as const)('%s → %s', (text, ctx, tone, shown) => {
    const u = understandCell(text, ctx, zh);
    expect(u.tone).toBe(tone);
    expect(u.text).toBe(shown);
  });

  it('says why a cell could not be read', () => {
    const u = understandCell('无', actual, zh);
    expect(u.tone).toBe('error');
    expect(u.text).toMatch(/^未能识别：“无”含义不明/);
  });

  it('counts the numbers quoted in prose', () => {
    const u = understandCell('组织15个海外分会场，221位海外嘉宾参与论坛开幕式', actual, zh);
    expect(u.tone).toBe('muted');
    expect(u.text).toMatch(/^叙述（含 \d+ 个数字），按判断行计分$/);
  });
});

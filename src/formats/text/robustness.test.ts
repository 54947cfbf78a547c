import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_TXT } from '../../../test/fixtures/build-form.ts';
import { validateForm } from '../../core/form/validate.ts';
import { importText } from './index.ts';

const seedText = readFileSync(SEED_TXT, 'utf8');

/** Strings built by repeat() are ropes; flatten first so the timing is the importer's own. */
const flat = (s: string) => {
  s.indexOf('\u0000');
  return s;
};

describe('importText returns a partial form with warnings, never an exception', () => {
  it('an empty string', () => {
    const r = importText('');
    expect(validateForm(r.form).ok).toBe(true);
    expect(r.form.indicators).toEqual([]);
    expect(r.warnings.map((w) => w.path)).toEqual(
      expect.arrayContaining(['title', 'projectName', 'funds', 'goals', 'indicators']),
    );
    expect(r.confidence).toEqual({});
  });

  it('not a string at all (a JavaScript caller)', () => {
    expect(() => importText(undefined as unknown as string)).not.toThrow();
    expect(() => importText(42 as unknown as string)).not.toThrow();
  });

  it('a form with no indicators: header, funds and goals are kept', () => {
    const text = seedText.slice(0, seedText.indexOf('绩效指标'));
    const r = importText(text);
    expect(r.form.projectName).toBe('2021年中关村海外联络工作支持资金项目');
    expect(r.form.funds.total?.executed).toBe(2736);
    expect(r.form.goals.expected).toContain('年度目标');
    expect(r.form.indicators).toEqual([]);
    expect(r.warnings.find((w) => w.path === 'indicators')?.message).toContain('绩效指标');
  });

  it('a table whose rows lack weight and score: the text is reported, not invented', () => {
    const r = importText(
      '项目支出绩效自评表\n绩效指标\n一级指标 二级指标 三级指标\n产出指标\n数量指标\n培训人数 100人 120人\n总分',
    );
    expect(r.form.indicators).toEqual([]);
    expect(r.warnings.some((w) => w.message.includes('分值 得分'))).toBe(true);
  });

  it('warnings say what was expected and what was found, with the line number', () => {
    const text = seedText.replace(
      '年度资金总额 2,926.000000 2,926.000000 2,736.000000 10 93.51% 9.35',
      '年度资金总额 2,926.000000 abc 93.51%',
    );
    const r = importText(text);
    const w = r.warnings.filter((x) => x.path === 'funds.total');
    expect(w.length).toBeGreaterThan(0);
    expect(w[0]!.source?.line).toBe(16);
    expect(w.map((x) => x.message).join()).toMatch(/应为|应有/);
    expect(r.confidence['funds.total']).toBeLessThan(0.9);
  });

  it('50 MB of repeated forms in well under a few seconds (only the first form is read)', () => {
    const big = flat(seedText.repeat(Math.ceil(50e6 / seedText.length)));
    const t0 = performance.now();
    const r = importText(big);
    const ms = performance.now() - t0;
    expect(r.form.indicators).toHaveLength(28);
    expect(r.warnings.some((w) => w.message.includes('未读取'))).toBe(true);
    expect(ms).toBeLessThan(2500);
  });

  it('50 MB on one line, and 50 MB of short lines, in linear time', () => {
    for (const big of [
      flat('中'.repeat(25e6)),
      flat('政策宣讲会受众人数 6900人次 9000人次 2 2\n'.repeat(1.9e6)),
      flat('一二 三四 '.repeat(8e6)),
    ]) {
      const t0 = performance.now();
      const r = importText(big);
      expect(performance.now() - t0).toBeLessThan(2500);
      expect(validateForm(r.form).ok).toBe(true);
    }
  });

  it('a pathological narrative run (thousands of wrapped lines before one score line)', () => {
    const lines = ['项目支出绩效自评表', '绩效指标', '产出指标', '数量指标'];
    for (let k = 0; k < 5000; k++)
      lines.push(k % 2 ? '联合海外科技类协会、学联等组织，针对有' : '宣讲会有针对性、及时性，聚焦科技创新');
    lines.push('2 2', '总分 2 2');
    const t0 = performance.now();
    const r = importText(lines.join('\n'));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.form.indicators).toHaveLength(1);
    expect(r.warnings.some((w) => w.message.includes('过多'))).toBe(true);
  });
});

describe('values outside the schema are not taken', () => {
  it('a year before 1990 is not the budget year', () => {
    const r = importText('项目支出绩效自评表\n（1950年度）\n项目名称 某项目');
    expect(validateForm(r.form).ok).toBe(true);
    expect(r.form.year).not.toBe(1950);
    expect(r.warnings.some((w) => w.path === 'year')).toBe(true);
  });
});

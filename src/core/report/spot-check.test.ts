import { describe, expect, it } from 'vitest';
import { profile, seedForm } from '../../../test/fixtures/build-form.ts';
import { cleanForm } from '../../../test/fixtures/report-forms.ts';
import { evaluateForm } from '../evaluate.ts';
import type { Form } from '../form/schema.ts';
import { documentText } from './document.ts';
import { buildSpotCheck, describeFilter, spotCheckEntry } from './spot-check.ts';
import { spotCheckDocument } from './spot-check-document.ts';

const national = profile('national');
const entry = (id: string, form: Form, unit?: string) =>
  spotCheckEntry({ id, ...(unit ? { unit } : {}), status: '已提交' }, form, evaluateForm(form, national));

describe('spot-check report data', () => {
  const seed = seedForm();
  const low = cleanForm({
    projectName: '低执行项目',
    funds: {
      total: { initialBudget: 100, annualBudget: 100, executed: 60, weight: 10, executionRate: 60, score: 6 },
      fiscal: null,
      carryover: null,
      other: null,
    },
    totalScore: 96,
  });
  const entries = [entry('a', seed), entry('b', cleanForm()), entry('c', low, '某市职业技能培训指导中心')];
  const r = buildSpotCheck(entries, { scope: describeFilter({ year: 2021 }), source: '测试' });

  it('sums up like the dashboard: totals, grades, bands, families', () => {
    expect(r.totals.forms).toBe(3);
    expect(r.totals.errors).toBe(entries.reduce((s, e) => s + e.errorCount, 0));
    expect(r.totals.withFindings).toBe(entries.filter((e) => e.findings.length).length);
    expect(r.gradeCounts.reduce((s, g) => s + g.count, 0)).toBe(3);
    expect(r.executionRate.find((b) => b.label === '90%–95%')!.count).toBe(1);
    expect(r.executionRate.find((b) => b.label === '100% 及以上')!.count).toBe(1);
    expect(r.executionRate.find((b) => b.label === '60%–70%')!.count).toBe(1);
    expect(r.findingsByFamily.reduce((s, f) => s + f.count, 0)).toBe(
      r.totals.errors + r.totals.warnings + r.totals.infos,
    );
  });

  it('groups by unit and ranks by risk with reasons', () => {
    expect(r.byUnit.map((u) => u.unit).sort()).toEqual(
      ['中关村科技园区管理委员会本级', '某市职业技能培训指导中心'].sort(),
    );
    expect(r.byUnit.find((u) => u.unit === '某市职业技能培训指导中心')!.forms).toBe(2);
    expect(r.ranking[0]!.form.id).toBe('a');
    expect(r.ranking.map((x) => x.form.id)).toContain('c');
    expect(r.ranking.map((x) => x.form.id)).not.toContain('b');
    expect(r.ranking.find((x) => x.form.id === 'c')!.reasons.map((x) => x.kind)).toContain('low-execution');
  });

  it('keeps every finding with its row, indicator and evidence', () => {
    const seedEntry = entries[0]!;
    const late = seedEntry.findings.find((f) => f.code === 'scoring.late-full-marks')!;
    expect(late.row).toBe(16);
    expect(late.indicator).toBe('定额工作经费');
    expect(late.evidence).toBeTypeOf('object');
  });

  it('writes a document with the scope, the charts and the ranking', () => {
    const doc = spotCheckDocument(r);
    const text = documentText(doc);
    expect(text).toContain('2021 年度；全部单位；全部状态');
    expect(doc.blocks.filter((b) => b.type === 'chart')).toHaveLength(5);
    // no indicator was self-scored below its weight: said in words, not drawn as an empty chart
    expect(text).toContain('最常未达满分的指标：暂无数据。');
    expect(text).toContain(seed.projectName);
    expect(text).toContain('执行率仅 60.00%');
  });

  it('says so when there is nothing in scope', () => {
    const empty = spotCheckDocument(buildSpotCheck([], { scope: '2030 年度', source: '测试' }));
    const text = documentText(empty);
    expect(text).toContain('没有符合条件的自评表。');
    expect(text).toContain('审核未发现问题。');
  });
});

import type { Family, Severity } from '../audit/types.ts';
import type { Evaluation } from '../evaluate.ts';
import type { Form } from '../form/schema.ts';
import { round2 } from '../scoring/round.ts';
import {
  bucketIndex,
  EXECUTION_RATE_BOUNDS,
  executionHistogram,
  leniencyHistogram,
  SELF_MINUS_RULE_BOUNDS,
} from './buckets.ts';
import type { Bucket, FamilyCount, GradeCount, MissedIndicator } from './chart-options.ts';
import { type RiskRow, spotCheckList } from './risk.ts';

// 抽查报告 (the finance bureau's spot-check report) as data: every form evaluated, then summed up
// the way the dashboard sums them (same bands, same ranking), plus what the dashboard cannot show:
// every finding with its form, row and evidence. formats/report turns it into a workbook and a PDF.

export type SpotCheckFinding = {
  row: number | null;
  /** the indicator's name, when the finding is about a row. */
  indicator: string;
  code: string;
  family: Family;
  severity: Severity;
  field: string;
  message: string;
  evidence: Record<string, unknown>;
};

export type SpotCheckEntry = {
  /** the stored form's id, or the file it was read from. */
  id: string;
  projectName: string;
  /** 实施单位: the org the form is filed under, or the form's own 实施单位. */
  unit: string;
  year: number;
  /** the workflow status in words; null for files. */
  status: string | null;
  selfTotal: number | null;
  ruleTotal: number | null;
  grade: string | null;
  executionRate: number | null;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  findings: SpotCheckFinding[];
  /** indicators self-scored below their weight (the dashboard's 最常未达满分). */
  missed: Array<{ level2: string; name: string }>;
};

/** One evaluated form as a spot-check entry (keeps only what the report prints). */
export function spotCheckEntry(
  meta: { id: string; unit?: string; status?: string | null },
  form: Form,
  ev: Evaluation,
): SpotCheckEntry {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  const findings: SpotCheckFinding[] = ev.findings.map((f) => {
    if (f.severity === 'error') errorCount++;
    else if (f.severity === 'warning') warningCount++;
    else infoCount++;
    return {
      row: f.row ?? null,
      indicator: f.row === undefined ? '' : (form.indicators[f.row]?.name ?? ''),
      code: f.code,
      family: f.family,
      severity: f.severity,
      field: f.field,
      message: f.message,
      evidence: f.evidence,
    };
  });
  const missed: SpotCheckEntry['missed'] = [];
  for (const i of form.indicators)
    if (i.weight !== null && i.score !== null && i.score < i.weight)
      missed.push({ level2: i.level2, name: i.name });
  return {
    id: meta.id,
    projectName: form.projectName,
    unit: (meta.unit ?? form.implementingUnit).trim() || '（未填写单位）',
    year: form.year,
    status: meta.status ?? null,
    selfTotal: ev.score.selfTotal,
    ruleTotal: ev.score.ruleTotal,
    grade: ev.score.grade ?? null,
    executionRate: ev.score.executionRate,
    errorCount,
    warningCount,
    infoCount,
    findings,
    missed,
  };
}

export type SpotCheckFilter = {
  year?: number | undefined;
  unit?: string | undefined;
  status?: string | undefined;
};

export type UnitRow = {
  unit: string;
  forms: number;
  avgSelfTotal: number | null;
  avgRuleTotal: number | null;
  avgExecutionRate: number | null;
  /** average of self − rule over forms with both. */
  avgLeniency: number | null;
  withFindings: number;
  errors: number;
  warnings: number;
  infos: number;
};

export type SpotCheckReport = {
  /** the filter in words, e.g. `2022 年度；单位：…；状态：已提交`. */
  scope: string;
  /** where the forms came from, e.g. `数据库（SQLite data/jixiao.db）` or a folder. */
  source: string;
  totals: {
    forms: number;
    withFindings: number;
    errors: number;
    warnings: number;
    infos: number;
    avgSelfTotal: number | null;
    avgRuleTotal: number | null;
    avgExecutionRate: number | null;
    lenient: number;
  };
  gradeCounts: GradeCount[];
  executionRate: Bucket[];
  selfMinusRule: Bucket[];
  mostMissed: MissedIndicator[];
  findingsByFamily: FamilyCount[];
  /** finding codes by how often they occur. */
  byCode: Array<{ code: string; family: Family; severity: Severity; count: number; forms: number }>;
  byUnit: UnitRow[];
  /** every form with any risk, riskiest first. */
  ranking: Array<RiskRow<SpotCheckEntry>>;
  entries: SpotCheckEntry[];
};

const FAMILIES: Family[] = ['arithmetic', 'structure', 'scoring', 'cross-field', 'narrative', 'value'];
const GRADE_ORDER = ['优', '良', '中', '差'];

class Mean {
  sum = 0;
  n = 0;
  add(v: number | null): void {
    if (v === null) return;
    this.sum += v;
    this.n++;
  }
  get value(): number | null {
    return this.n === 0 ? null : round2(this.sum / this.n);
  }
}

export function describeFilter(f: SpotCheckFilter): string {
  const parts = [
    f.year !== undefined ? `${f.year} 年度` : '全部年度',
    f.unit ? `单位：${f.unit}` : '全部单位',
    f.status ? `状态：${f.status}` : '全部状态',
  ];
  return parts.join('；');
}

/** Sums up the entries (already filtered) into the report. */
export function buildSpotCheck(
  entries: SpotCheckEntry[],
  meta: { scope: string; source: string },
): SpotCheckReport {
  const self = new Mean();
  const rule = new Mean();
  const rates = new Mean();
  const totals = { forms: entries.length, withFindings: 0, errors: 0, warnings: 0, infos: 0, lenient: 0 };
  const grades = new Map<string, number>();
  const rateCounts = new Map<number, number>();
  const diffCounts = new Map<number, number>();
  const families = new Map<string, number>();
  const missed = new Map<string, MissedIndicator>();
  const codes = new Map<string, SpotCheckReport['byCode'][number] & { last: string }>();
  const units = new Map<string, { self: Mean; rule: Mean; rate: Mean; lenient: Mean; row: UnitRow }>();
  for (const e of entries) {
    self.add(e.selfTotal);
    rule.add(e.ruleTotal);
    rates.add(e.executionRate);
    if (e.findings.length) totals.withFindings++;
    totals.errors += e.errorCount;
    totals.warnings += e.warningCount;
    totals.infos += e.infoCount;
    if (e.grade) grades.set(e.grade, (grades.get(e.grade) ?? 0) + 1);
    const rate = e.executionRate === null ? null : round2(e.executionRate);
    const ri = bucketIndex(rate, EXECUTION_RATE_BOUNDS);
    rateCounts.set(ri, (rateCounts.get(ri) ?? 0) + 1);
    const diff = e.selfTotal !== null && e.ruleTotal !== null ? e.selfTotal - e.ruleTotal : null;
    if (diff !== null) {
      const di = bucketIndex(diff, SELF_MINUS_RULE_BOUNDS);
      diffCounts.set(di, (diffCounts.get(di) ?? 0) + 1);
      if (diff > 0.005) totals.lenient++;
    }
    for (const f of e.findings) {
      families.set(f.family, (families.get(f.family) ?? 0) + 1);
      const c = codes.get(f.code) ?? {
        code: f.code,
        family: f.family,
        severity: f.severity,
        count: 0,
        forms: 0,
        last: '',
      };
      c.count++;
      if (c.last !== e.id) {
        c.forms++;
        c.last = e.id;
      }
      codes.set(f.code, c);
    }
    for (const m of e.missed) {
      const key = `${m.level2}\u0000${m.name}`;
      const cur = missed.get(key) ?? { level2: m.level2, name: m.name, missed: 0 };
      cur.missed++;
      missed.set(key, cur);
    }
    let u = units.get(e.unit);
    if (!u) {
      u = {
        self: new Mean(),
        rule: new Mean(),
        rate: new Mean(),
        lenient: new Mean(),
        row: {
          unit: e.unit,
          forms: 0,
          avgSelfTotal: null,
          avgRuleTotal: null,
          avgExecutionRate: null,
          avgLeniency: null,
          withFindings: 0,
          errors: 0,
          warnings: 0,
          infos: 0,
        },
      };
      units.set(e.unit, u);
    }
    u.row.forms++;
    u.self.add(e.selfTotal);
    u.rule.add(e.ruleTotal);
    u.rate.add(e.executionRate);
    u.lenient.add(diff);
    if (e.findings.length) u.row.withFindings++;
    u.row.errors += e.errorCount;
    u.row.warnings += e.warningCount;
    u.row.infos += e.infoCount;
  }
  const byUnit = [...units.values()]
    .map((u) => ({
      ...u.row,
      avgSelfTotal: u.self.value,
      avgRuleTotal: u.rule.value,
      avgExecutionRate: u.rate.value,
      avgLeniency: u.lenient.value,
    }))
    .sort((a, b) => b.errors - a.errors || b.forms - a.forms || a.unit.localeCompare(b.unit, 'zh'));
  const rank = (g: string) => (GRADE_ORDER.indexOf(g) + 5) % 5;
  return {
    scope: meta.scope,
    source: meta.source,
    totals: {
      ...totals,
      avgSelfTotal: self.value,
      avgRuleTotal: rule.value,
      avgExecutionRate: rates.value,
    },
    gradeCounts: [...grades]
      .map(([grade, count]) => ({ grade, count }))
      .sort((a, b) => rank(a.grade) - rank(b.grade)),
    executionRate: executionHistogram(rateCounts),
    selfMinusRule: leniencyHistogram(diffCounts),
    mostMissed: [...missed.values()]
      .sort(
        (a, b) =>
          b.missed - a.missed ||
          (a.level2 < b.level2 ? -1 : a.level2 > b.level2 ? 1 : 0) ||
          (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
      )
      .slice(0, 10),
    findingsByFamily: FAMILIES.map((family) => ({ family, count: families.get(family) ?? 0 })),
    byCode: [...codes.values()]
      .map(({ last: _last, ...c }) => c)
      .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)),
    byUnit,
    ranking: spotCheckList(entries, Number.POSITIVE_INFINITY),
    entries,
  };
}

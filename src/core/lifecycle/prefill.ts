import type { Form, FundsKey, FundsRow, Indicator } from '../form/schema.ts';
import { FUNDS_KEYS } from '../form/schema.ts';
import { withIndicatorIds } from './ids.ts';
import { declaredAmount } from './values.ts';

// lifecycle.md §3: a self-evaluation starts from the latest approved version (goal, rows, targets,
// initial targets, declared weights, initial budget) and a monitoring report from the version in
// force at its 1–N月. The unit fills everything else; nothing is guessed, so the cells it must fill
// are left blank ("" / null, Form JSON v1 blanks).

/** The row fields that travel from the declaration to every later stage. */
function carriedRow(r: Indicator): Indicator {
  const out: Indicator = {
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    target: r.target,
    actual: '',
    weight: r.weight,
    score: null,
    deviation: '',
  };
  if (r.indicatorId !== undefined) out.indicatorId = r.indicatorId;
  if (r.initialTarget !== undefined) out.initialTarget = r.initialTarget;
  if (r.comparator !== undefined) out.comparator = r.comparator;
  if (r.unit !== undefined) out.unit = r.unit;
  if (r.valueType !== undefined) out.valueType = r.valueType;
  if (r.targetParts !== undefined) out.targetParts = r.targetParts;
  if (r.isCore !== undefined) out.isCore = r.isCore;
  if (r.goalRef !== undefined) out.goalRef = r.goalRef;
  return out;
}

function header(
  d: Form,
): Pick<
  Form,
  | 'year'
  | 'projectName'
  | 'competentDepartment'
  | 'implementingUnit'
  | 'fundsUnit'
  | 'projectLead'
  | 'phone'
  | 'projectCode'
  | 'competentDepartmentCode'
  | 'divisionCode'
> {
  const h: ReturnType<typeof header> = {
    year: d.year,
    projectName: d.projectName,
    competentDepartment: d.competentDepartment,
    implementingUnit: d.implementingUnit,
    fundsUnit: d.fundsUnit,
  };
  if (d.projectLead !== undefined) h.projectLead = d.projectLead;
  if (d.phone !== undefined) h.phone = d.phone;
  if (d.projectCode !== undefined) h.projectCode = d.projectCode;
  if (d.competentDepartmentCode !== undefined) h.competentDepartmentCode = d.competentDepartmentCode;
  if (d.divisionCode !== undefined) h.divisionCode = d.divisionCode;
  return h;
}

type Funds = Form['funds'];

function fundsFrom(d: Form, row: (key: FundsKey, declared: number | null) => FundsRow | null): Funds {
  const out = {} as Funds;
  for (const key of FUNDS_KEYS) {
    const declared = declaredAmount(d.funds[key]);
    out[key] = d.funds[key] ? row(key, declared) : null;
  }
  return out;
}

export function prefillSelfEvaluation(declaration: Form, monitoring?: Form | null): Form {
  const d = withIndicatorIds(declaration);
  const funds = fundsFrom(d, (key, declared) => {
    // The 全年预算数 may have moved since the year-start: the monitoring report's is newer.
    const m = monitoring?.funds[key];
    const initial = d.funds[key]?.initialBudget ?? declared;
    return {
      initialBudget: m?.initialBudget ?? initial,
      annualBudget: m?.annualBudget ?? declared,
      executed: null,
    };
  });
  const monitored = new Map<string, Indicator>();
  if (monitoring) for (const r of withIndicatorIds(monitoring).indicators) monitored.set(r.indicatorId!, r);
  const indicators = d.indicators.map((r) => {
    const row = carriedRow(r);
    // Evidence gathered for the mid-year report is the start of the year-end evidence.
    const evidence = monitored.get(r.indicatorId!)?.evidence;
    if (evidence !== undefined && evidence.trim() !== '') row.evidence = evidence;
    return row;
  });
  const form: Form = {
    kind: 'project-self-evaluation',
    title: '项目支出绩效自评表',
    ...header(d),
    funds,
    goals: { expected: d.goals.expected, actual: '' },
    indicators,
    totalWeight: d.totalWeight,
    totalScore: null,
    targetVersion: d.version ?? 1,
  };
  return form;
}

export function prefillMonitoring(declaration: Form, asOfMonth: number): Form {
  const d = withIndicatorIds(declaration);
  const funds = fundsFrom(d, (key, declared) => ({
    initialBudget: d.funds[key]?.initialBudget ?? declared,
    annualBudget: declared,
    executedToDate: null,
    forecastExecuted: null,
  }));
  const indicators = d.indicators.map((r) => ({
    ...carriedRow(r),
    weight: null,
    progress: '',
    forecast: '',
    likelihood: '',
  }));
  return {
    kind: 'project-monitoring',
    title: '项目支出绩效运行监控表',
    ...header(d),
    asOfMonth,
    funds,
    goals: { expected: d.goals.expected, actual: '', progress: '' },
    indicators,
    totalWeight: null,
    totalScore: null,
    targetVersion: d.version ?? 1,
  };
}

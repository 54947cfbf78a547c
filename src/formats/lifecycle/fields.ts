import type { Form, FormKind, FundsRow, Indicator } from '../../core/form/schema.ts';

// What the lifecycle layouts print and read, field by field (lifecycle.md §2.1–2.3, Form JSON v1.2).
// Both sides walk these lists, so a field printed is a field read. Labels come from the vocabulary
// (templates/vocabulary.json `lifecycle`), never from here.
//
// Presence is kept exactly (Form JSON: a field exists only where the form prints it): a label row is
// printed only for a field the form has; in a table, a column is printed when any row has the
// field, and a row without it shows the not-printed mark `／` (blank means "" or null).

export type FieldType = 'text' | 'int' | 'month' | 'bool' | 'status' | 'grade' | 'points';

export type FieldSpec = { path: string; type: FieldType; place: 'head' | 'tail' };

export const FIELD_SPECS: readonly FieldSpec[] = [
  { path: 'projectName', type: 'text', place: 'head' },
  { path: 'projectCode', type: 'text', place: 'head' },
  { path: 'department', type: 'text', place: 'head' },
  { path: 'departmentCode', type: 'text', place: 'head' },
  { path: 'competentDepartment', type: 'text', place: 'head' },
  { path: 'competentDepartmentCode', type: 'text', place: 'head' },
  { path: 'implementingUnit', type: 'text', place: 'head' },
  { path: 'divisionCode', type: 'text', place: 'head' },
  { path: 'financeDivision', type: 'text', place: 'head' },
  { path: 'projectLead', type: 'text', place: 'head' },
  { path: 'phone', type: 'text', place: 'head' },
  { path: 'contact', type: 'text', place: 'head' },
  { path: 'projectAttribute', type: 'text', place: 'head' },
  { path: 'projectCategory', type: 'text', place: 'head' },
  { path: 'startDate', type: 'text', place: 'head' },
  { path: 'endDate', type: 'text', place: 'head' },
  { path: 'basis', type: 'text', place: 'head' },
  { path: 'overview', type: 'text', place: 'head' },
  { path: 'targetVersion', type: 'int', place: 'head' },
  { path: 'version', type: 'int', place: 'head' },
  { path: 'versionName', type: 'text', place: 'head' },
  { path: 'supersedes', type: 'int', place: 'head' },
  { path: 'status', type: 'status', place: 'head' },
  { path: 'adjustment.trigger', type: 'text', place: 'head' },
  { path: 'adjustment.reason', type: 'text', place: 'head' },
  { path: 'adjustment.budgetAdjustmentRef', type: 'text', place: 'head' },
  { path: 'asOfMonth', type: 'month', place: 'head' },
  { path: 'monitoringType', type: 'text', place: 'head' },
  { path: 'dueDate', type: 'text', place: 'head' },
  { path: 'isFinal', type: 'bool', place: 'head' },
  { path: 'correctiveActions', type: 'text', place: 'tail' },
  { path: 'rectification.required', type: 'bool', place: 'tail' },
  { path: 'rectification.advice', type: 'text', place: 'tail' },
  { path: 'rectification.result', type: 'text', place: 'tail' },
  { path: 'totalWeight', type: 'points', place: 'tail' },
  { path: 'totalScore', type: 'points', place: 'tail' },
  { path: 'review.grade', type: 'grade', place: 'tail' },
  { path: 'approval.approvedBy', type: 'text', place: 'tail' },
  { path: 'approval.documentNo', type: 'text', place: 'tail' },
  { path: 'approval.date', type: 'text', place: 'tail' },
];

/** Header strings v1 requires of every form: printed where the kind has them, or where filled. */
export const V1_HEADER = new Set(['projectName', 'competentDepartment', 'implementingUnit']);

/** The objects whose required members are printed as soon as the object exists. */
export const OBJECT_REQUIRED: Record<string, readonly string[]> = {
  adjustment: ['trigger', 'reason'],
  approval: ['approvedBy', 'documentNo', 'date'],
  rectification: ['required'],
  review: ['grade'],
};

export function getPath(form: Form, path: string): unknown {
  let v: unknown = form;
  for (const p of path.split('.')) v = v === null || v === undefined ? undefined : (v as never)[p];
  return v;
}

/** Whether a field's label row is printed. */
export function printsField(form: Form, spec: FieldSpec): boolean {
  const [head, member] = spec.path.split('.') as [string, string | undefined];
  const v = getPath(form, spec.path);
  if (member !== undefined) {
    const obj = (form as Record<string, unknown>)[head];
    if (obj === undefined) return false;
    return v !== undefined || (OBJECT_REQUIRED[head]?.includes(member) ?? false);
  }
  if (V1_HEADER.has(spec.path)) return v !== '' || defaultHeader(form.kind).has(spec.path);
  if (spec.type === 'points') return v !== null && v !== undefined;
  return v !== undefined;
}

/** The v1 header strings each lifecycle kind prints even when blank. */
export function defaultHeader(kind: FormKind): ReadonlySet<string> {
  return kind === 'department-self-evaluation' ? new Set() : V1_HEADER;
}

// ── tables ────────────────────────────────────────────────────────────────────────────────

export type ColumnType = 'text' | 'nullableText' | 'amount' | 'percent' | 'points' | 'bool' | 'list';

export type ColumnSpec<T> = {
  name: string;
  type: ColumnType;
  /** v1 required members (`actual` "", `weight` null): printed only when some row fills them. */
  required?: 'empty' | 'null';
  get(row: T): unknown;
};

const ind = (
  name: keyof Indicator,
  type: ColumnType,
  required?: 'empty' | 'null',
): ColumnSpec<Indicator> => ({
  name,
  type,
  ...(required ? { required } : {}),
  get: (r) => r[name],
});

/** The indicator table's columns in printed order (88号 / 奉节 / 136号 / 重庆 columns merged). */
export const INDICATOR_COLUMNS: readonly ColumnSpec<Indicator>[] = [
  ind('indicatorId', 'text'),
  // 重庆's department list is flat: no level columns where no row has a level (lifecycle.md §2.3).
  ind('level1', 'text', 'empty'),
  ind('level2', 'text', 'empty'),
  ind('name', 'text'),
  ind('isCore', 'bool'),
  ind('goalRef', 'text'),
  ind('valueType', 'text'),
  ind('comparator', 'text'),
  ind('initialTarget', 'text'),
  ind('target', 'text'),
  ind('unit', 'text'),
  ind('explanation', 'text'),
  ind('scoringStandard', 'text'),
  ind('valueBasis', 'text'),
  ind('dataSource', 'text'),
  ind('evidenceRequired', 'text'),
  ind('progress', 'text'),
  ind('forecast', 'text'),
  ind('likelihood', 'text'),
  ind('deviationCauses', 'list'),
  ind('deviationNote', 'text'),
  ind('actual', 'text', 'empty'),
  ind('scoreRate', 'points'),
  ind('weight', 'points', 'null'),
  ind('score', 'points', 'null'),
  ind('deviation', 'text', 'empty'),
  ind('evidence', 'text'),
  ind('remark', 'text'),
];

/** Always printed, whatever the rows hold: the table's frame. */
export const ALWAYS_INDICATOR = new Set(['name', 'target']);

const fund = (name: keyof FundsRow, type: ColumnType): ColumnSpec<FundsRow> => ({
  name,
  type,
  get: (r) => r[name],
});

export const FUNDS_COLUMNS: readonly ColumnSpec<FundsRow>[] = [
  fund('initialBudget', 'amount'),
  fund('annualBudget', 'amount'),
  fund('executedToDate', 'amount'),
  fund('executed', 'amount'),
  fund('forecastExecuted', 'amount'),
  fund('weight', 'points'),
  fund('executionRate', 'percent'),
  fund('score', 'points'),
];

export const FUNDS_ROW_KEYS = ['total', 'fiscal', 'carryover', 'other', 'basic', 'project'] as const;
export type LifecycleFundsKey = (typeof FUNDS_ROW_KEYS)[number];

/** Funds members that hold null where blank; the others (weight, rate, score) are simply absent. */
export const NULLABLE_FUNDS = new Set([
  'initialBudget',
  'annualBudget',
  'executed',
  'executedToDate',
  'forecastExecuted',
]);

/** Small tables of the declaration: each member and its type, in printed order. */
export const SMALL_TABLES: Record<
  string,
  ReadonlyArray<{ name: string; type: ColumnType; optional?: boolean }>
> = {
  midTermFunds: [
    { name: 'total', type: 'amount' },
    { name: 'fiscal', type: 'amount' },
    { name: 'other', type: 'amount' },
  ],
  otherSources: [
    { name: 'label', type: 'text' },
    { name: 'amount', type: 'amount' },
  ],
  costBuildUp: [
    { name: 'item', type: 'text' },
    { name: 'amount', type: 'amount' },
    { name: 'basis', type: 'text', optional: true },
    { name: 'priorActuals', type: 'text', optional: true },
  ],
  schedule: [
    { name: 'content', type: 'text' },
    { name: 'start', type: 'text' },
    { name: 'end', type: 'text' },
  ],
  level1Weights: [
    { name: 'level1', type: 'text' },
    { name: 'weight', type: 'points', optional: true },
    { name: 'min', type: 'points', optional: true },
    { name: 'max', type: 'points', optional: true },
  ],
  opinions: [
    { name: 'by', type: 'text' },
    { name: 'text', type: 'text' },
    { name: 'date', type: 'text' },
  ],
};

export const GOAL_FIELDS = ['midTerm', 'expected', 'progress', 'adjusted', 'actual'] as const;

import { isProcessRow } from '../../analysis/process-rows.ts';
import type { Finding } from '../../audit/types.ts';
import { rowField } from '../../audit/types.ts';
import type { Form, Indicator } from '../../form/schema.ts';
import type { Value } from '../../grammar/value.ts';
import type { Profile } from '../../rules/profile.ts';
import { diffDeclarations } from '../diff.ts';
import { finding, sortFindings } from '../finding.ts';
import { withIndicatorIds } from '../ids.ts';
import { rowReading } from '../lights.ts';
import {
  declaredAmount,
  directionOf,
  formRef,
  isMet,
  readActual,
  readCell,
  readTarget,
  rowLabel,
  sameTarget,
  showValue,
  toWan,
  unitKey,
  wan,
} from '../values.ts';
import { firstVersion, latestApproved, versionInForce, wasApproved } from '../versions.ts';

// Cross-stage checks, lifecycle.md §4.3 (X01–X16): the forms of one project compared with each
// other — what the platforms do not do and auditors ask for. Rows are matched by `indicatorId`
// (derived from the printed labels where a form has none, ids.ts). A finding's `row` is the row of
// the later-stage form; its evidence names both values and the forms involved.

const FAMILY = 'cross-stage';

type Stages = {
  profile: Profile;
  declarations: Form[];
  monitorings: Form[];
  selfEvaluations: Form[];
  departments: Form[];
  /** lifecycle.md §3: what a self-evaluation is filled against. */
  latest: Form | null;
  /** the year-start version (X02, X16). */
  first: Form | null;
};
type StageCheck = (s: Stages) => Finding[];

const v = (f: Form): string => `第${f.version ?? 1}版`;
const compact = (s: string): string => s.replace(/[\s\u3000]+/g, '');
const filled = (s: string | undefined): boolean => (s ?? '').trim() !== '';

type Pair = { before: Indicator; beforeIndex: number; after: Indicator; index: number };

/** Rows of `later` matched to rows of `base` by indicatorId. */
function pairs(
  base: Form,
  later: Form,
): {
  matched: Pair[];
  missing: Array<{ r: Indicator; index: number }>;
  extra: Array<{ r: Indicator; index: number }>;
} {
  const byId = new Map<string, number>();
  for (const [i, r] of base.indicators.entries()) byId.set(r.indicatorId!, i);
  const matched: Pair[] = [];
  const extra: Array<{ r: Indicator; index: number }> = [];
  const seen = new Set<string>();
  for (const [index, after] of later.indicators.entries()) {
    const beforeIndex = byId.get(after.indicatorId!);
    // 项目决策 / 项目管理 rows belong to the evaluation framework, not to the declared targets.
    if (beforeIndex === undefined && isProcessRow(after)) continue;
    if (beforeIndex === undefined) extra.push({ r: after, index });
    else {
      seen.add(after.indicatorId!);
      matched.push({ before: base.indicators[beforeIndex]!, beforeIndex, after, index });
    }
  }
  const missing = base.indicators.flatMap((r, index) => (seen.has(r.indicatorId!) ? [] : [{ r, index }]));
  return { matched, missing, extra };
}

const target = (f: Form, r: Indicator): Value => readTarget(r, { year: f.year });

/** Same value but a different comparator or unit: X11's, not X02's. */
function onlyNotationDiffers(a: Indicator, av: Value, b: Indicator, bv: Value): boolean {
  return (
    av.kind === 'quantity' &&
    bv.kind === 'quantity' &&
    (directionOf(a, av) !== directionOf(b, bv) || unitKey(av) !== unitKey(bv))
  );
}

/** A later form's row states another target than the declared row (X02, X05); notation aside (X11). */
function targetChanged(declared: Form, before: Indicator, later: Form, after: Indicator): boolean {
  const bv = target(declared, before);
  const av = target(later, after);
  return !sameTarget(before, bv, after, av) && !onlyNotationDiffers(before, bv, after, av);
}

const KIND_WORD: Record<Form['kind'], string> = {
  'project-target-declaration': '绩效目标申报表',
  'project-monitoring': '绩效运行监控表',
  'project-self-evaluation': '自评表',
  'department-self-evaluation': '部门整体支出绩效自评表',
};

/** X01 — self-evaluation rows = annual rows of the latest approved version. 88号 第二十九条 [S]; [V] */
export const x01Rows: StageCheck = ({ latest, selfEvaluations }) => {
  if (!latest) return [];
  return selfEvaluations.flatMap((s) => {
    const { missing, extra } = pairs(latest, s);
    const forms = [formRef(latest), formRef(s)];
    return [
      ...missing.map(({ r, index }) =>
        finding(
          'X01',
          FAMILY,
          'error',
          'indicators',
          `${rowLabel(r)}：已批复绩效目标（${v(latest)}）中的指标在自评表中缺失。`,
          { indicatorId: r.indicatorId, declared: r.target, declaredRow: index, selfEvaluation: null, forms },
        ),
      ),
      ...extra.map(({ r, index }) =>
        finding(
          'X01',
          FAMILY,
          'error',
          rowField(index, 'name'),
          `${rowLabel(r)}：自评表中的指标不在已批复绩效目标（${v(latest)}）中。`,
          { indicatorId: r.indicatorId, declared: null, selfEvaluation: r.target, forms },
          index,
        ),
      ),
    ];
  });
};

/**
 * X02 — the self-evaluation's target = the latest approved value; a value changed since version 1
 * needs an approved adjustment and shows the old value as `initialTarget`. 88号 第二十八条 [S]
 */
export const x02Targets: StageCheck = ({ latest, first, selfEvaluations }) => {
  if (!latest) return [];
  const firstRows =
    first && first !== latest ? new Map(first.indicators.map((r) => [r.indicatorId!, r])) : null;
  return selfEvaluations.flatMap((s) =>
    pairs(latest, s).matched.flatMap(({ before, after, index }) => {
      const out: Finding[] = [];
      const forms = [formRef(latest), formRef(s)];
      if (targetChanged(latest, before, s, after))
        out.push(
          finding(
            'X02',
            FAMILY,
            'error',
            rowField(index, 'target'),
            `${rowLabel(after)}：自评表指标值${showValue(after.target)}，与已批复绩效目标（${v(latest)}）的${showValue(before.target)}不一致。`,
            { declared: before.target, selfEvaluation: after.target, forms },
            index,
          ),
        );
      const old = firstRows?.get(after.indicatorId!);
      if (!old || !first) return out;
      if (sameTarget(old, target(first, old), before, target(latest, before))) return out;
      if (!latest.adjustment || !wasApproved(latest))
        out.push(
          finding(
            'X02',
            FAMILY,
            'error',
            rowField(index, 'target'),
            `${rowLabel(after)}：指标值由${showValue(old.target)}（${v(first)}）改为${showValue(before.target)}（${v(latest)}），但${v(latest)}没有经批复的调整。`,
            { initial: old.target, declared: before.target, forms: [formRef(first), ...forms] },
            index,
          ),
        );
      const shown = after.initialTarget ?? '';
      if (
        !filled(shown) ||
        !sameTarget(
          old,
          target(first, old),
          { ...after, target: shown },
          target(s, { ...after, target: shown }),
        )
      )
        out.push(
          finding(
            'X02',
            FAMILY,
            'error',
            rowField(index, 'initialTarget'),
            `${rowLabel(after)}：指标值已调整，年初指标值应为${showValue(old.target)}，自评表填写为${showValue(shown)}。`,
            { initial: old.target, selfEvaluation: shown, forms: [formRef(first), ...forms] },
            index,
          ),
        );
      return out;
    }),
  );
};

/** X03 — the self-evaluation's 年度目标 = the approved annual goal (whitespace ignored). [V pmkpi] */
export const x03Goal: StageCheck = ({ latest, selfEvaluations }) => {
  if (!latest) return [];
  return selfEvaluations.flatMap((s) =>
    compact(s.goals.expected) === compact(latest.goals.expected)
      ? []
      : [
          finding(
            'X03',
            FAMILY,
            'warning',
            'goals.expected',
            `自评表年度目标与已批复绩效目标（${v(latest)}）的年度目标不一致。`,
            {
              declared: latest.goals.expected,
              selfEvaluation: s.goals.expected,
              forms: [formRef(latest), formRef(s)],
            },
          ),
        ],
  );
};

const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;

/** X04 — 年初预算数 = the approved initial budget; a different 全年预算数 is explained. 四川 [P] */
export const x04Budget: StageCheck = ({ first, declarations, selfEvaluations }) => {
  if (!first) return [];
  const approvedAmounts = declarations
    .filter(wasApproved)
    .map((d) => toWan(declaredAmount(d.funds.total), d));
  const initial = toWan(declaredAmount(first.funds.total), first);
  return selfEvaluations.flatMap((s) => {
    const out: Finding[] = [];
    const forms = [formRef(first), formRef(s)];
    const total = s.funds.total;
    const got = toWan(total?.initialBudget, s);
    if (initial !== null && got !== null && !near(initial, got))
      out.push(
        finding(
          'X04',
          FAMILY,
          'warning',
          'funds.total.initialBudget',
          `自评表年初预算数${wan(got)}，与批复的年初预算${wan(initial)}（${v(first)}）不一致。`,
          { declared: initial, selfEvaluation: got, unit: '万元', forms },
        ),
      );
    const annual = toWan(total?.annualBudget, s);
    if (annual !== null && got !== null && !near(annual, got)) {
      const explained = approvedAmounts.some((a) => a !== null && near(a, annual)) || filled(s.report?.funds);
      if (!explained)
        out.push(
          finding(
            'X04',
            FAMILY,
            'warning',
            'funds.total.annualBudget',
            `全年预算数${wan(annual)}与年初预算数${wan(got)}不同，既无批复的调整版本，也未说明原因。`,
            { initialBudget: got, annualBudget: annual, unit: '万元', forms },
          ),
        );
    }
    return out;
  });
};

/** X05 — monitoring rows and goal = the version in force at `asOfMonth`. [V pmkpi] */
export const x05Monitoring: StageCheck = ({ declarations, monitorings }) =>
  monitorings.flatMap((m) => {
    const inForce = versionInForce(declarations, m.asOfMonth ?? 12);
    if (!inForce) return [];
    const forms = [formRef(inForce), formRef(m)];
    const { matched, missing, extra } = pairs(inForce, m);
    const out: Finding[] = [
      ...missing.map(({ r }) =>
        finding(
          'X05',
          FAMILY,
          'error',
          'indicators',
          `${rowLabel(r)}：1–${m.asOfMonth ?? '?'}月执行中的绩效目标（${v(inForce)}）有此指标，监控表缺失。`,
          { indicatorId: r.indicatorId, declared: r.target, monitoring: null, forms },
        ),
      ),
      ...extra.map(({ r, index }) =>
        finding(
          'X05',
          FAMILY,
          'error',
          rowField(index, 'name'),
          `${rowLabel(r)}：监控表中的指标不在执行中的绩效目标（${v(inForce)}）中。`,
          { indicatorId: r.indicatorId, declared: null, monitoring: r.target, forms },
          index,
        ),
      ),
    ];
    for (const { before, after, index } of matched) {
      if (targetChanged(inForce, before, m, after))
        out.push(
          finding(
            'X05',
            FAMILY,
            'error',
            rowField(index, 'target'),
            `${rowLabel(after)}：监控表年度指标值${showValue(after.target)}，与执行中的绩效目标（${v(inForce)}）的${showValue(before.target)}不一致。`,
            { declared: before.target, monitoring: after.target, forms },
            index,
          ),
        );
    }
    if (compact(m.goals.expected) !== compact(inForce.goals.expected))
      out.push(
        finding(
          'X05',
          FAMILY,
          'error',
          'goals.expected',
          `监控表年度总体目标与执行中的绩效目标（${v(inForce)}）不一致。`,
          { declared: inForce.goals.expected, monitoring: m.goals.expected, forms },
        ),
      );
    return out;
  });

type Trail = { m: Form; mr: Indicator; s: Form; sr: Indicator; index: number; met: boolean | null };

/** Each monitoring row followed to the same row at year-end. */
function trails(monitorings: Form[], selfEvaluations: Form[]): Trail[] {
  const out: Trail[] = [];
  for (const s of selfEvaluations)
    for (const m of monitorings)
      for (const { before: mr, after: sr, index } of pairs(m, s).matched) {
        const met = isMet(
          sr,
          target(s, sr),
          readTarget({ ...sr, target: sr.actual, comparator: undefined, unit: sr.unit }, { year: s.year }),
        );
        out.push({ m, mr, s, sr, index, met });
      }
  return out;
}

/** X06 — 确定能 at monitoring, the target missed at year-end. 黄石 [S]; [V] */
export const x06Confident: StageCheck = ({ monitorings, selfEvaluations }) =>
  trails(monitorings, selfEvaluations).flatMap(({ m, mr, s, sr, index, met }) =>
    (mr.likelihood ?? '').trim() === '确定能' && met === false
      ? [
          finding(
            'X06',
            FAMILY,
            'warning',
            rowField(index, 'actual'),
            `${rowLabel(sr)}：1–${m.asOfMonth ?? '?'}月监控时填“确定能”完成，年末实际完成值${showValue(sr.actual)}未达到指标值${showValue(sr.target)}。`,
            {
              likelihood: mr.likelihood,
              target: sr.target,
              actual: sr.actual,
              forms: [formRef(m), formRef(s)],
            },
            index,
          ),
        ]
      : [],
  );

/** X07 — 有可能 / 完全不可能 with neither a later approved adjustment nor a year-end 偏差. */
export const x07Doubtful: StageCheck = ({ declarations, monitorings, selfEvaluations }) =>
  trails(monitorings, selfEvaluations).flatMap(({ m, mr, s, sr, index, met }) => {
    const likelihood = (mr.likelihood ?? '').trim();
    if (!['有可能', '完全不可能', '不可能'].includes(likelihood) || met === true || filled(sr.deviation))
      return [];
    const cited = m.targetVersion ?? versionInForce(declarations, m.asOfMonth ?? 12)?.version ?? 1;
    if (declarations.some((d) => wasApproved(d) && (d.version ?? 1) > cited)) return [];
    return [
      finding(
        'X07',
        FAMILY,
        'warning',
        rowField(index, 'deviation'),
        `${rowLabel(sr)}：1–${m.asOfMonth ?? '?'}月监控时填“${likelihood}”，其后既无批复的目标调整，年末也未说明偏差原因。`,
        { likelihood, target: sr.target, actual: sr.actual, forms: [formRef(m), formRef(s)] },
        index,
      ),
    ];
  });

/** X08 — red or yellow at monitoring, unmet at year-end, and no 偏差 written. [V] */
export const x08LitUnmet: StageCheck = ({ profile, monitorings, selfEvaluations }) =>
  trails(monitorings, selfEvaluations).flatMap(({ m, mr, s, sr, index, met }) => {
    const light = rowReading(m, mr, profile)?.light;
    if ((light !== 'red' && light !== 'yellow') || met !== false || filled(sr.deviation)) return [];
    return [
      finding(
        'X08',
        FAMILY,
        'warning',
        rowField(index, 'deviation'),
        `${rowLabel(sr)}：1–${m.asOfMonth ?? '?'}月监控为${light === 'red' ? '红灯' : '黄灯'}，年末实际完成值${showValue(sr.actual)}未达到指标值${showValue(sr.target)}，偏差原因分析为空。`,
        {
          light,
          progress: mr.progress,
          target: sr.target,
          actual: sr.actual,
          forms: [formRef(m), formRef(s)],
        },
        index,
      ),
    ];
  });

/** X09 — 全年预计执行数 far from the year-end 全年执行数 (profile `forecastTolerance`). [V pmkpi] */
export const x09Forecast: StageCheck = ({ profile, monitorings, selfEvaluations }) => {
  const last = [...monitorings]
    .filter((m) => m.funds.total?.forecastExecuted != null)
    .sort((a, b) => (a.asOfMonth ?? 0) - (b.asOfMonth ?? 0))
    .at(-1);
  if (!last) return [];
  const forecast = toWan(last.funds.total!.forecastExecuted, last)!;
  return selfEvaluations.flatMap((s) => {
    const executed = toWan(s.funds.total?.executed, s);
    if (executed === null || executed <= 0) return [];
    const off = (Math.abs(forecast - executed) / executed) * 100;
    if (off <= profile.lifecycle.stages.forecastTolerance) return [];
    return [
      finding(
        'X09',
        FAMILY,
        'info',
        'funds.total.executed',
        `1–${last.asOfMonth ?? '?'}月监控预计全年执行${wan(forecast)}，年末实际执行${wan(executed)}，相差${off.toFixed(2)}%。`,
        { forecast, executed, unit: '万元', forms: [formRef(last), formRef(s)] },
      ),
    ];
  });
};

/** X10 — an adjustment without approval; a form citing a version that is not approved. 88号 第二十八条 [S] */
export const x10Unapproved: StageCheck = ({ declarations, monitorings, selfEvaluations }) => {
  const out: Finding[] = [];
  for (const d of declarations)
    if ((d.version ?? 1) >= 2 && (d.status === 'approved' || d.status === 'superseded') && !d.approval)
      out.push(
        finding(
          'X10',
          FAMILY,
          'error',
          'approval',
          `绩效目标${v(d)}为调整版本，标为已批复但没有批复信息（批复机关、文号、日期）。`,
          { version: d.version, status: d.status, forms: [formRef(d)] },
        ),
      );
  for (const f of [...monitorings, ...selfEvaluations]) {
    if (f.targetVersion === undefined) continue;
    const cited = declarations.find((d) => (d.version ?? 1) === f.targetVersion);
    if (cited && !wasApproved(cited))
      out.push(
        finding(
          'X10',
          FAMILY,
          'error',
          'targetVersion',
          `${KIND_WORD[f.kind]}依据绩效目标第${f.targetVersion}版填报，该版本未经批复（状态：${cited.status ?? '未标明'}）。`,
          {
            targetVersion: f.targetVersion,
            status: cited.status ?? null,
            forms: [formRef(cited), formRef(f)],
          },
        ),
      );
  }
  return out;
};

/**
 * X11 — the comparator or unit changes along the chain; 万元/元 copied without conversion; a
 * cumulative (中期) amount where the annual one belongs. GovBudgetChecker [V]
 */
export const x11Notation: StageCheck = ({ declarations, latest, monitorings, selfEvaluations }) => {
  const out: Finding[] = [];
  const chain: Array<[Form, Form]> = [];
  const approved = declarations.filter(wasApproved).sort((a, b) => (a.version ?? 1) - (b.version ?? 1));
  for (let i = 1; i < approved.length; i++) chain.push([approved[i - 1]!, approved[i]!]);
  for (const m of monitorings) {
    const base = versionInForce(declarations, m.asOfMonth ?? 12);
    if (base) chain.push([base, m]);
  }
  if (latest) for (const s of selfEvaluations) chain.push([latest, s]);
  for (const [a, b] of chain)
    for (const { before, after, index } of pairs(a, b).matched) {
      const av = target(a, before);
      const bv = target(b, after);
      if (av.kind !== 'quantity' || bv.kind !== 'quantity') continue;
      const what: string[] = [];
      if (directionOf(before, av) !== directionOf(after, bv)) what.push('计算符号');
      if (av.unit !== null && bv.unit !== null && unitKey(av) !== unitKey(bv)) what.push('计量单位');
      if (what.length === 0) continue;
      out.push(
        finding(
          'X11',
          FAMILY,
          'error',
          rowField(index, 'target'),
          `${rowLabel(after)}：${KIND_WORD[b.kind]}的${what.join('和')}与${KIND_WORD[a.kind]}（${v(a)}）不同：${showValue(before.target)} → ${showValue(after.target)}。`,
          { before: before.target, after: after.target, changed: what, forms: [formRef(a), formRef(b)] },
          index,
        ),
      );
    }
  if (latest) {
    const declared = declaredAmount(latest.funds.total);
    const cumulative = toWan(latest.midTermFunds?.total, latest);
    for (const s of selfEvaluations) {
      const raw = s.funds.total?.initialBudget ?? null;
      const forms = [formRef(latest), formRef(s)];
      if (
        s.fundsUnit !== latest.fundsUnit &&
        raw !== null &&
        declared !== null &&
        raw !== 0 &&
        near(raw, declared)
      )
        out.push(
          finding(
            'X11',
            FAMILY,
            'error',
            'funds.total.initialBudget',
            `年初预算数${raw}${s.fundsUnit}与绩效目标的${declared}${latest.fundsUnit}数字相同而单位不同，未换算。`,
            { declared: `${declared}${latest.fundsUnit}`, selfEvaluation: `${raw}${s.fundsUnit}`, forms },
          ),
        );
      const annual = toWan(s.funds.total?.annualBudget ?? s.funds.total?.initialBudget, s);
      const yearly = toWan(declared, latest);
      if (
        cumulative !== null &&
        annual !== null &&
        yearly !== null &&
        near(annual, cumulative) &&
        !near(cumulative, yearly)
      )
        out.push(
          finding(
            'X11',
            FAMILY,
            'error',
            'funds.total.annualBudget',
            `预算数${wan(annual)}等于绩效目标的中期资金总额${wan(cumulative)}，年度资金应为${wan(yearly)}。`,
            { cumulative, annual: yearly, selfEvaluation: annual, unit: '万元', forms },
          ),
        );
    }
  }
  return out;
};

/** X12 — the declared 分值 ≠ the self-evaluation's weight. 奉节 [P] */
export const x12Weights: StageCheck = ({ latest, selfEvaluations }) => {
  if (!latest) return [];
  return selfEvaluations.flatMap((s) =>
    pairs(latest, s).matched.flatMap(({ before, after, index }) =>
      before.weight !== null && after.weight !== null && !near(before.weight, after.weight)
        ? [
            finding(
              'X12',
              FAMILY,
              'error',
              rowField(index, 'weight'),
              `${rowLabel(after)}：自评表分值${after.weight}分，申报时为${before.weight}分（${v(latest)}）。`,
              { declared: before.weight, selfEvaluation: after.weight, forms: [formRef(latest), formRef(s)] },
              index,
            ),
          ]
        : [],
    ),
  );
};

/** X13 — 佐证资料要求 declared, no 佐证材料 at year-end. [V pmkpi]; [V 郫都] */
export const x13Evidence: StageCheck = ({ latest, selfEvaluations }) => {
  if (!latest) return [];
  return selfEvaluations.flatMap((s) =>
    pairs(latest, s).matched.flatMap(({ before, after, index }) =>
      filled(before.evidenceRequired) && !filled(after.evidence)
        ? [
            finding(
              'X13',
              FAMILY,
              'warning',
              rowField(index, 'evidence'),
              `${rowLabel(after)}：申报时要求佐证资料“${before.evidenceRequired!.trim()}”，自评表未提供佐证材料。`,
              {
                evidenceRequired: before.evidenceRequired,
                evidence: after.evidence ?? '',
                forms: [formRef(latest), formRef(s)],
              },
              index,
            ),
          ]
        : [],
    ),
  );
};

function selfEvaluationDiffers(a: Form, b: Form): boolean {
  if (a.indicators.length !== b.indicators.length || a.totalScore !== b.totalScore) return true;
  return a.indicators.some((r, i) => {
    const o = b.indicators[i]!;
    return (
      compact(r.name) !== compact(o.name) ||
      compact(r.target) !== compact(o.target) ||
      compact(r.actual) !== compact(o.actual) ||
      r.weight !== o.weight ||
      r.score !== o.score
    );
  });
}

/**
 * X14 — published = approved: a copy of a declaration version or of the self-evaluation that
 * differs from the approved one (四川, 云南 [P]: the approved forms are published).
 */
export const x14Published: StageCheck = ({ declarations, selfEvaluations }) => {
  const out: Finding[] = [];
  for (const approved of declarations.filter(
    (d) => d.status === 'approved' || (d.status === undefined && d.approval),
  ))
    for (const copy of declarations)
      if (copy !== approved && (copy.version ?? 1) === (approved.version ?? 1) && !wasApproved(copy)) {
        const d = diffDeclarations(approved, copy);
        const n = d.added.length + d.removed.length + d.modified.length + d.fields.length;
        if (n > 0)
          out.push(
            finding(
              'X14',
              FAMILY,
              'error',
              'indicators',
              `绩效目标${v(copy)}的另一份表与批复版本有${n}处不同（新增${d.added.length}、删除${d.removed.length}、修改${d.modified.length}行）。`,
              {
                added: d.added.length,
                removed: d.removed.length,
                modified: d.modified.map((m) => ({ indicatorId: m.indicatorId, changes: m.changes })),
                fields: d.fields,
                forms: [formRef(approved), formRef(copy)],
              },
            ),
          );
      }
  const finals = selfEvaluations.filter((s) => s.status === 'approved');
  for (const final of finals)
    for (const copy of selfEvaluations)
      if (copy !== final && copy.status !== 'approved' && selfEvaluationDiffers(final, copy))
        out.push(
          finding('X14', FAMILY, 'error', 'indicators', '公开的自评表与审核通过的自评表内容不一致。', {
            forms: [formRef(final), formRef(copy)],
          }),
        );
  return out;
};

/** X15 — a department's 年度资金总额 ≠ 基本支出 + 项目支出. 重庆 [S] */
export function checkDepartmentFunds(form: Form, _profile: Profile): Finding[] {
  const { total, basic, project } = form.funds;
  if (!total || !basic || !project) return [];
  const out: Finding[] = [];
  for (const [field, word] of [
    ['annualBudget', '全年预算数'],
    ['executed', '全年执行数'],
  ] as const) {
    const t = toWan(total[field], form);
    const b = toWan(basic[field], form);
    const p = toWan(project[field], form);
    if (t === null || b === null || p === null || near(t, b + p)) continue;
    out.push(
      finding(
        'X15',
        FAMILY,
        'warning',
        `funds.total.${field}`,
        `部门${word}${wan(t)}，与基本支出${wan(b)}加项目支出${wan(p)}之和${wan(b + p)}不符。`,
        { total: t, basic: b, project: p, unit: '万元', forms: [formRef(form)] },
      ),
    );
  }
  return out;
}

export const x15Department: StageCheck = ({ profile, departments }) =>
  departments.flatMap((d) => checkDepartmentFunds(d, profile));

/**
 * X16 — over-completion against the **year-start** target: −points (desk33 [S]) or a flag only
 * (郫都 [V]) — profile `lifecycle.stages.overCompletion`.
 */
export const x16OverCompletion: StageCheck = ({ profile, first, selfEvaluations }) => {
  const rule = profile.lifecycle.stages.overCompletion;
  if (rule.mode === 'off') return [];
  const firstRows = new Map((first?.indicators ?? []).map((r) => [r.indicatorId!, r]));
  return selfEvaluations.flatMap((s) =>
    s.indicators.flatMap((r, index) => {
      const yearStart = filled(r.initialTarget) ? r.initialTarget! : firstRows.get(r.indicatorId!)?.target;
      if (!yearStart) return [];
      const t = readCell(r, yearStart, { year: s.year });
      const a = readActual(r, { year: s.year });
      if (t.kind !== 'quantity' || a.kind !== 'quantity' || t.amount <= 0) return [];
      const dir = directionOf(r, t);
      if (dir !== '>=' && dir !== '>') return [];
      if (
        (t.unit !== null && a.unit !== null && unitKey(t) !== unitKey(a)) ||
        a.amount < t.amount * (1 + rule.above / 100)
      )
        return [];
      const pct = ((a.amount / t.amount) * 100).toFixed(2);
      const deduct = rule.mode === 'deduct';
      return [
        finding(
          'X16',
          FAMILY,
          deduct ? 'warning' : 'info',
          rowField(index, 'actual'),
          `${rowLabel(r)}：实际完成值${showValue(r.actual)}为年初指标值${showValue(yearStart)}的${pct}%，超出${rule.above}%及以上${deduct ? `，按偏离扣${rule.points}分` : '，目标设定可能偏低'}。`,
          {
            initialTarget: yearStart,
            actual: r.actual,
            ratio: Number(pct),
            ...(deduct ? { points: -rule.points } : {}),
            forms: [...(first ? [formRef(first)] : []), formRef(s)],
          },
          index,
        ),
      ];
    }),
  );
};

export const STAGE_CHECKS: readonly StageCheck[] = [
  x01Rows,
  x02Targets,
  x03Goal,
  x04Budget,
  x05Monitoring,
  x06Confident,
  x07Doubtful,
  x08LitUnmet,
  x09Forecast,
  x10Unapproved,
  x11Notation,
  x12Weights,
  x13Evidence,
  x14Published,
  x15Department,
  x16OverCompletion,
];

/** Where a period has a report marked final (是否终审), only the final one counts [V]. */
function finalReports(monitorings: Form[]): Form[] {
  const finalMonths = new Set(monitorings.filter((m) => m.isFinal === true).map((m) => m.asOfMonth));
  return monitorings.filter((m) => m.isFinal === true || !finalMonths.has(m.asOfMonth));
}

/** X01–X16 over any set of one project's forms; forms of different years are compared per year. */
export function checkStages(forms: readonly Form[], profile: Profile): Finding[] {
  const years = [...new Set(forms.map((f) => f.year))].sort();
  const out: Finding[] = [];
  for (const year of years) {
    const all = forms.filter((f) => f.year === year).map(withIndicatorIds);
    const declarations = all.filter((f) => f.kind === 'project-target-declaration');
    const stages: Stages = {
      profile,
      declarations,
      monitorings: finalReports(all.filter((f) => f.kind === 'project-monitoring')),
      selfEvaluations: all.filter((f) => f.kind === 'project-self-evaluation'),
      departments: all.filter((f) => f.kind === 'department-self-evaluation'),
      latest: latestApproved(declarations),
      first: firstVersion(declarations),
    };
    for (const check of STAGE_CHECKS) for (const f of check(stages)) out.push(f);
  }
  return sortFindings(out);
}

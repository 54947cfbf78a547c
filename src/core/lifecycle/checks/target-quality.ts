import { isProcessRow } from '../../analysis/process-rows.ts';
import type { Finding } from '../../audit/types.ts';
import { rowField } from '../../audit/types.ts';
import type { Form, Indicator } from '../../form/schema.ts';
import { natureComparator } from '../../grammar/index.ts';
import type { Value } from '../../grammar/value.ts';
import type { Profile } from '../../rules/profile.ts';
import { finding } from '../finding.ts';
import { normaliseLevel, normaliseName } from '../ids.ts';
import {
  directionOf,
  isCostRow,
  isQualitativeRow,
  levelIs,
  readTarget,
  rowLabel,
  toWan,
  wan,
} from '../values.ts';

// Target quality, lifecycle.md §4.1 (T01–T15): what a reviewer checks before grading a declaration
// 优/良/中/差 (指向明确, 细化量化, 合理可行 — local copies of 财预〔2015〕88号 [S]). The checks read
// the declaration's rows, but work on any stage's rows (§4.1 "also on later stages").

type Row = { index: number; r: Indicator; target: Value };
type Ctx = { form: Form; profile: Profile; rows: Row[] };
type TargetCheck = (ctx: Ctx) => Finding[];

const FAMILY = 'target-quality';
const target = (i: number): string => rowField(i, 'target');

/** T01 — a placeholder for a value (`*`, `**`, `_`, `≥**人次`) or nothing at all. [V pmkpi]; [S] templates. */
export const t01Placeholder: TargetCheck = ({ rows }) =>
  rows.flatMap(({ index, r, target: v }) => {
    // `≥**人次` has a unit and comparator around the marks: the grammar reads it as placeholder too.
    const marks = /[*＊]{1,}|_{2,}|＿{2,}/.test(r.target);
    if (v.kind !== 'placeholder' && v.kind !== 'blank' && !marks) return [];
    const what = v.kind === 'blank' ? '未填写' : `为占位符“${r.target.trim()}”`;
    return [
      finding(
        'T01',
        FAMILY,
        'error',
        target(index),
        `${rowLabel(r)}：指标值${what}，须填写具体数值或标准。`,
        { target: r.target },
        index,
      ),
    ];
  });

/** T02 — a quantitative row without a unit. [V pmkpi] */
export const t02Unit: TargetCheck = ({ rows }) =>
  rows.flatMap(({ index, r, target: v }) => {
    if (v.kind !== 'quantity' || v.unit !== null || (r.unit ?? '').trim() !== '') return [];
    return [
      finding(
        'T02',
        FAMILY,
        'error',
        target(index),
        `${rowLabel(r)}：定量指标值“${r.target.trim()}”缺少计量单位。`,
        { target: r.target },
        index,
      ),
    ];
  });

/** Words that only say which way things should move. */
const DIRECTIONAL =
  /有效|明显|显著|大幅|稳步|逐步|不断|持续|进一步|切实|全面|得到|有所|较大|一定程度|提升|提高|改善|增强|加强|促进|推动|优化|增加|扩大|减少|降低|缓解|[的地了，,。、；;\s]/g;

/**
 * T03 — a 定性 target that states only a direction (有效提升, 明显改善): nothing left to judge
 * 达成 / 部分达成 / 未达成 by. 指向明确, 具体细化, 合理可行 (local copies of 88号 [S]); [V audit_agent].
 */
export const t03Directional: TargetCheck = ({ rows }) =>
  rows.flatMap(({ index, r, target: v }) => {
    if (v.kind !== 'tier' && v.kind !== 'narrative' && !isQualitativeRow(r)) return [];
    const text = r.target.trim();
    if (text === '' || /\d/.test(text) || text.replace(DIRECTIONAL, '') !== '') return [];
    return [
      finding(
        'T03',
        FAMILY,
        'warning',
        target(index),
        `${rowLabel(r)}：定性指标值“${text}”只表明方向，无法据以判断达成、部分达成或未达成。`,
        { target: r.target },
        index,
      ),
    ];
  });

/** T04 — a 成本 row written with ≥ or ＞: cost takes ≤ or ＝. [V audit_agent]; [V 郫都] */
export const t04CostComparator: TargetCheck = ({ rows }) =>
  rows.flatMap(({ index, r, target: v }) => {
    if (!isCostRow(r) || v.kind !== 'quantity') return [];
    const c = directionOf(r, v);
    if (c !== '>=' && c !== '>') return [];
    return [
      finding(
        'T04',
        FAMILY,
        'warning',
        target(index),
        `${rowLabel(r)}：成本指标值“${r.target.trim()}”使用了“${c === '>=' ? '≥' : '＞'}”，成本指标应为“≤”或“＝”。`,
        { target: r.target, comparator: c },
        index,
      ),
    ];
  });

/** Words saying the project serves people (服务对象), who can be asked whether they are satisfied. */
const SERVES_USERS =
  /服务对象|群众|居民|村民|农户|老人|学生|患者|病人|市民|游客|企业|用户|受益|参训|培训|学员|家长|儿童|残疾|职工|办事/;

/**
 * T05 — no 满意度 row though the project serves users. [V audit_agent] reports it always; the
 * exemption for projects without service users is proposed (profile `satisfactionExemptWithoutUsers`).
 */
export const t05Satisfaction: TargetCheck = ({ form, profile, rows }) => {
  if (rows.length === 0) return [];
  if (rows.some(({ r }) => (r.level1 + r.level2).includes('满意度'))) return [];
  const text = [
    form.projectName,
    form.goals.expected,
    form.goals.midTerm ?? '',
    form.overview ?? '',
    ...rows.map(({ r }) => r.name),
  ].join('');
  if (profile.lifecycle.targets.satisfactionExemptWithoutUsers && !SERVES_USERS.test(text)) return [];
  return [
    finding(
      'T05',
      FAMILY,
      'warning',
      'indicators',
      '未设置满意度指标：项目有服务对象的，应设置服务对象满意度指标。',
      {},
    ),
  ];
};

/** T06 — 产出 or 效益 missing; 成本 missing where 101号 applies (profile `costRequired`). [V]; 101号 [M] */
export const t06Levels: TargetCheck = ({ profile, rows }) => {
  const named = rows.filter(({ r }) => r.level1.trim() !== '');
  if (named.length === 0) return [];
  const missing: string[] = [];
  if (!named.some(({ r }) => levelIs(r, '产出'))) missing.push('产出指标');
  if (!named.some(({ r }) => levelIs(r, '效益'))) missing.push('效益指标');
  if (profile.lifecycle.targets.costRequired && !named.some(({ r }) => isCostRow(r)))
    missing.push('成本指标');
  if (missing.length === 0) return [];
  return [finding('T06', FAMILY, 'warning', 'indicators', `缺少${missing.join('、')}。`, { missing })];
};

const sum = (xs: number[]): number => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;

/**
 * T07 — declared weights: a level-1 block ≠ its printed weight or outside its printed range
 * (奉节 [P]: `成本指标 (0–20)分`), or the total ≠ 100 (rules.md §1.1).
 */
export const t07Weights: TargetCheck = ({ form, profile, rows }) => {
  const weighted = rows.filter(({ r }) => r.weight !== null);
  if (weighted.length === 0) return [];
  const out: Finding[] = [];
  for (const lw of form.level1Weights ?? []) {
    const key = normaliseLevel(lw.level1);
    const inBlock = weighted.filter(({ r }) => normaliseLevel(r.level1) === key);
    const got = sum(inBlock.map(({ r }) => r.weight!));
    const bad =
      lw.weight !== undefined
        ? Math.abs(got - lw.weight) > 0.005
        : (lw.min !== undefined && got < lw.min - 0.005) || (lw.max !== undefined && got > lw.max + 0.005);
    if (!bad) continue;
    const printed = lw.weight !== undefined ? `${lw.weight}分` : `${lw.min ?? 0}–${lw.max ?? '∞'}分`;
    out.push(
      finding(
        'T07',
        FAMILY,
        'error',
        'level1Weights',
        `${lw.level1}：各指标分值合计${got}分，与一级指标分值${printed}不符。`,
        { level1: lw.level1, declared: printed, sum: got, rows: inBlock.map((x) => x.index) },
      ),
    );
  }
  const fundsWeight = form.funds.total?.weight ?? 0;
  const total = sum([fundsWeight, ...weighted.map(({ r }) => r.weight!)]);
  const expected = form.totalWeight ?? profile.weights.total;
  if (Math.abs(total - expected) > 0.005)
    out.push(
      finding(
        'T07',
        FAMILY,
        'error',
        'totalWeight',
        `分值合计${total}分（含预算执行${fundsWeight}分），应为${expected}分。`,
        { sum: total, expected, fundsWeight },
      ),
    );
  return out;
};

/** T08 — a `%` target above 100. [V audit_agent] */
export const t08Percent: TargetCheck = ({ rows }) =>
  rows.flatMap(({ index, r, target: v }) => {
    if (v.kind !== 'quantity' || v.unit?.dimension !== 'ratio' || v.amount <= 100) return [];
    // 增长率 may exceed 100 %; a rate of coverage, qualification or completion may not.
    if (/增长|增幅|增速|提高/.test(r.name)) return [];
    return [
      finding(
        'T08',
        FAMILY,
        'warning',
        target(index),
        `${rowLabel(r)}：百分比指标值“${r.target.trim()}”超过100%。`,
        { target: r.target, amount: v.amount },
        index,
      ),
    ];
  });

/**
 * T09 — a higher-is-better target of 0: nothing to achieve. [V pmkpi] Only a written ≥ / ＞ counts:
 * a bare `0` is how 零事故 targets are usually written (变质比例 0, 安全事件 0起).
 */
export const t09Zero: TargetCheck = ({ rows }) =>
  rows.flatMap(({ index, r, target: v }) => {
    if (v.kind !== 'quantity' || v.amount !== 0) return [];
    const c = v.comparator ?? natureComparator(r.comparator ?? '');
    if (c !== '>=' && c !== '>') return [];
    return [
      finding(
        'T09',
        FAMILY,
        'warning',
        target(index),
        `${rowLabel(r)}：越高越好的指标，指标值却为“${r.target.trim()}”。`,
        { target: r.target },
        index,
      ),
    ];
  });

const MONEY_WORD = /资金|经费|款项|金额|补助款|补贴款/;
const PAY_WORD = /支付|拨付|到位|发放|使用|支出|兑付/;

/** T10 — a 数量指标 that counts money paid (资金支付, 资金拨付): spending is not an output. [V 郫都] */
export const t10MoneyAsOutput: TargetCheck = ({ rows }) =>
  rows.flatMap(({ index, r, target: v }) => {
    const name = normaliseName(r.name);
    // 储备粮到位率 counts grain, not money: the name must say money, or the value be an amount.
    const money = MONEY_WORD.test(name) || (v.kind === 'quantity' && v.unit?.dimension === 'money');
    if (!r.level2.includes('数量') || !money || !PAY_WORD.test(name)) return [];
    return [
      finding(
        'T10',
        FAMILY,
        'warning',
        rowField(index, 'name'),
        `${rowLabel(r)}：数量指标以资金支付或拨付计量，资金支出不是产出。`,
        { name: r.name },
        index,
      ),
    ];
  });

/** T11 — the same indicator under 产出 and 效益. [V 郫都] */
export const t11Duplicate: TargetCheck = ({ rows }) => {
  const outputs = new Map<string, number>();
  for (const { index, r } of rows) if (levelIs(r, '产出')) outputs.set(normaliseName(r.name), index);
  return rows.flatMap(({ index, r }) => {
    if (!levelIs(r, '效益')) return [];
    const twin = outputs.get(normaliseName(r.name));
    if (twin === undefined || normaliseName(r.name) === '') return [];
    const f = finding(
      'T11',
      FAMILY,
      'warning',
      rowField(index, 'name'),
      `${rowLabel(r)}：与产出指标第${twin + 1}行重复，效益指标应反映产出带来的效果。`,
      { name: r.name, outputRow: twin },
      index,
    );
    f.rows = [twin];
    return [f];
  });
};

/** T12 — 年度资金总额 ≠ sum of its sources (±0.1万元, units normalised). [V audit_agent] */
export const t12FundsSum: TargetCheck = ({ form, profile }) => {
  const amount = (key: 'total' | 'fiscal' | 'carryover' | 'other'): number | null => {
    const row = form.funds[key];
    return toWan(row ? (row.annualBudget ?? row.initialBudget) : null, form);
  };
  const total = amount('total');
  const parts = [
    amount('fiscal'),
    amount('carryover'),
    amount('other'),
    ...(form.extraFunds ?? []).map((x) => toWan(x.annualBudget ?? x.initialBudget, form)),
  ].filter((x): x is number => x !== null);
  if (total === null || parts.length === 0) return [];
  const s = parts.reduce((a, b) => a + b, 0);
  if (Math.abs(total - s) <= profile.lifecycle.targets.fundsTolerance + 1e-9) return [];
  return [
    finding(
      'T12',
      FAMILY,
      'error',
      'funds.total',
      `年度资金总额${wan(total)}，与各项资金合计${wan(s)}不符。`,
      { total, sum: s, unit: '万元' },
    ),
  ];
};

const dateOf = (text: string | undefined, year: number): string | null => {
  if (!text?.trim()) return null;
  const v = readTarget(
    { level1: '', level2: '', name: '', target: text, actual: '', weight: null, score: null, deviation: '' },
    { year },
  );
  return v.kind === 'deadline' ? v.date : null;
};

/** T13 — `endDate` before `startDate`; a 时效 deadline outside the project period. [V audit_agent] */
export const t13Dates: TargetCheck = ({ form, rows }) => {
  const start = dateOf(form.startDate, form.year);
  const end = dateOf(form.endDate, form.year);
  const out: Finding[] = [];
  if (start && end && end < start)
    out.push(
      finding('T13', FAMILY, 'warning', 'endDate', `项目结束时间${end}早于开始时间${start}。`, {
        startDate: start,
        endDate: end,
      }),
    );
  for (const { index, r, target: v } of rows) {
    if (!r.level2.includes('时效') || v.kind !== 'deadline') continue;
    if ((start && v.date < start) || (end && v.date > end))
      out.push(
        finding(
          'T13',
          FAMILY,
          'warning',
          target(index),
          `${rowLabel(r)}：时效指标的期限${v.date}不在项目期（${start ?? '—'}至${end ?? '—'}）内。`,
          { deadline: v.date, startDate: start, endDate: end },
          index,
        ),
      );
  }
  return out;
};

/**
 * T14 — a multi-year project without both a 中期 and an annual goal; a 基建 project without rows for
 * 前期工作, 质量, 工期, 成本 (2024 填表说明 [S]).
 */
export const t14ProjectShape: TargetCheck = ({ form, rows }) => {
  const out: Finding[] = [];
  const start = dateOf(form.startDate, form.year);
  const end = dateOf(form.endDate, form.year);
  const multiYear =
    (start !== null && end !== null && start.slice(0, 4) !== end.slice(0, 4)) ||
    /跨年|多年|延续/.test(form.projectAttribute ?? '');
  if (multiYear && (!(form.goals.midTerm ?? '').trim() || !form.goals.expected.trim()))
    out.push(
      finding('T14', FAMILY, 'warning', 'goals', '跨年度项目应同时填写中期（总体）目标和年度目标。', {
        midTerm: form.goals.midTerm ?? '',
        expected: form.goals.expected,
      }),
    );
  if (
    /基建|基本建设/.test(`${form.projectCategory ?? ''}${form.projectAttribute ?? ''}${form.projectName}`)
  ) {
    const has = (test: (r: Indicator) => boolean): boolean => rows.some(({ r }) => test(r));
    const missing: string[] = [];
    if (!has((r) => r.name.includes('前期'))) missing.push('前期工作');
    if (!has((r) => r.level2.includes('质量'))) missing.push('质量');
    if (!has((r) => r.name.includes('工期') || r.level2.includes('时效'))) missing.push('工期');
    if (!has(isCostRow)) missing.push('成本');
    if (missing.length > 0)
      out.push(
        finding('T14', FAMILY, 'warning', 'indicators', `基本建设项目缺少${missing.join('、')}方面的指标。`, {
          missing,
        }),
      );
  }
  return out;
};

/** T15 — a value without 取值依据 (计划, 行业, 历史, 其他标准); 101号 [M], off unless the profile asks. */
export const t15ValueBasis: TargetCheck = ({ profile, rows }) => {
  if (!profile.lifecycle.targets.valueBasisRequired) return [];
  return rows.flatMap(({ index, r }) =>
    r.target.trim() !== '' && !(r.valueBasis ?? '').trim()
      ? [
          finding(
            'T15',
            FAMILY,
            'info',
            rowField(index, 'valueBasis'),
            `${rowLabel(r)}：未填写取值依据（计划标准、行业标准、历史标准或其他标准）。`,
            { target: r.target },
            index,
          ),
        ]
      : [],
  );
};

export const TARGET_CHECKS: readonly TargetCheck[] = [
  t01Placeholder,
  t02Unit,
  t03Directional,
  t04CostComparator,
  t05Satisfaction,
  t06Levels,
  t07Weights,
  t08Percent,
  t09Zero,
  t10MoneyAsOutput,
  t11Duplicate,
  t12FundsSum,
  t13Dates,
  t14ProjectShape,
  t15ValueBasis,
];

export function checkTargets(form: Form, profile: Profile): Finding[] {
  // 项目决策 / 项目管理 rows (a 评价 framework's process rows) carry judgements, not targets.
  const rows = form.indicators.flatMap((r, index) =>
    isProcessRow(r) ? [] : [{ index, r, target: readTarget(r, { year: form.year }) }],
  );
  const ctx: Ctx = { form, profile, rows };
  return TARGET_CHECKS.flatMap((check) => check(ctx));
}

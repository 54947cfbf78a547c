import type { Finding, Severity } from '../../audit/types.ts';
import { rowField } from '../../audit/types.ts';
import type { Form, FundsKey, Indicator } from '../../form/schema.ts';
import type { Profile } from '../../rules/profile.ts';
import { finding } from '../finding.ts';
import { fundsLight, type Light, type LightReading, rowReading } from '../lights.ts';
import { rowLabel } from '../values.ts';

// Monitoring warnings, lifecycle.md §4.2 (M01–M09). Red is reported as a warning, yellow and blue
// as info (blue: the target may be too low, rules.md §1.3); green is no finding.

const FAMILY = 'monitoring';
const LIGHT_WORD: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', blue: '蓝灯' };
const lightSeverity = (l: Light): Severity | null =>
  l === 'red' ? 'warning' : l === 'green' ? null : 'info';

/** 136号 [M]; 黄石 prints `不可能` [S], accepted as printed. */
export const LIKELIHOODS = ['确定能', '有可能', '完全不可能', '不可能'] as const;
const DOUBTFUL = new Set(['有可能', '完全不可能', '不可能']);

const filled = (s: string | undefined): boolean => (s ?? '').trim() !== '';
const hasCause = (r: Indicator): boolean => (r.deviationCauses ?? []).some((c) => c.trim() !== '');

type Row = { index: number; r: Indicator; reading: (LightReading & { rule: string }) | null };
type Ctx = { form: Form; profile: Profile; rows: Row[] };
type MonitoringCheck = (ctx: Ctx) => Finding[];

const periodWord = (months: readonly number[]): string => months.map((m) => `1–${m}月`).join('、');

/**
 * M01 — funds: `r = executionRate ÷ tp`, banded by the profile (< 60 % red, 60–80 % yellow [V
 * pmkpi]). The period itself must be one the profile allows (§5 Periods).
 */
export const m01Funds: MonitoringCheck = ({ form, profile }) => {
  const out: Finding[] = [];
  const months = profile.lifecycle.monitoringMonths;
  if (form.asOfMonth !== undefined && !months.includes(form.asOfMonth))
    out.push(
      finding(
        'M01',
        FAMILY,
        'warning',
        'asOfMonth',
        `监控期间为1–${form.asOfMonth}月，本规则配置的监控期间为${periodWord(months)}。`,
        { asOfMonth: form.asOfMonth, allowed: months },
      ),
    );
  for (const key of ['total', 'fiscal', 'carryover', 'other'] as FundsKey[]) {
    const reading = fundsLight(form, key, profile);
    const severity = reading && lightSeverity(reading.light);
    if (!reading || !severity) continue;
    out.push(
      finding('M01', FAMILY, severity, `funds.${key}.executionRate`, reading.reason, {
        light: reading.light,
        asOfMonth: form.asOfMonth,
      }),
    );
  }
  return out;
};

/** M02–M05 — a row's light; each finding carries the rule that lit it. [V pmkpi]; 山西 [V] */
const rowLights =
  (rule: string): MonitoringCheck =>
  ({ rows }) =>
    rows.flatMap(({ index, r, reading }) => {
      const severity = reading && reading.rule === rule && lightSeverity(reading.light);
      if (!reading || !severity) return [];
      return [
        finding(
          rule,
          FAMILY,
          severity,
          rowField(index, 'progress'),
          `${rowLabel(r)}：${reading.reason}。`,
          { light: reading.light, progress: r.progress, target: r.target },
          index,
        ),
      ];
    });

/** M02 — higher-is-better rows against the time-proportional share of the target. */
export const m02Progress = rowLights('M02');
/** M03 — ≤ / ＜ rows and 质量 / 时效 / 成本 rows: within the target or red. */
export const m03Bound = rowLights('M03');
/** M04 — `＝ 0` rows: equal or red. */
export const m04Zero = rowLights('M04');
/** M05 — 定性 rows: 达成 green, 部分达成 yellow, 未达成 red. */
export const m05Qualitative = rowLights('M05');

/** M06 — 完成目标可能性 must be 确定能 / 有可能 / 完全不可能 (136号 [M]; 黄石 不可能 [S]). */
export const m06Likelihood: MonitoringCheck = ({ rows }) =>
  rows.flatMap(({ index, r }) => {
    if (r.likelihood === undefined) return [];
    const v = r.likelihood.trim();
    if ((LIKELIHOODS as readonly string[]).includes(v)) return [];
    const said = v === '' ? '未填写' : `填写为“${v}”`;
    return [
      finding(
        'M06',
        FAMILY,
        'error',
        rowField(index, 'likelihood'),
        `${rowLabel(r)}：完成目标可能性${said}，应为“确定能”“有可能”或“完全不可能”。`,
        { likelihood: r.likelihood },
        index,
      ),
    ];
  });

/**
 * M07 — 有可能 / 完全不可能 needs its causes (偏差原因 or 原因说明) and a way forward (纠偏措施 or
 * 全年预计完成情况) (黄石 [S]); with `noteForAnyCause` (天津 [V]) every ticked cause needs a 原因说明.
 */
export const m07Explained: MonitoringCheck = ({ form, profile, rows }) =>
  rows.flatMap(({ index, r }) => {
    const out: Finding[] = [];
    const likelihood = (r.likelihood ?? '').trim();
    if (DOUBTFUL.has(likelihood)) {
      const missing: string[] = [];
      if (!hasCause(r) && !filled(r.deviationNote)) missing.push('偏差原因');
      if (!filled(form.correctiveActions) && !filled(r.forecast)) missing.push('纠偏措施或全年预计完成情况');
      if (missing.length > 0)
        out.push(
          finding(
            'M07',
            FAMILY,
            'error',
            rowField(index, missing[0] === '偏差原因' ? 'deviationCauses' : 'forecast'),
            `${rowLabel(r)}：完成目标可能性为“${likelihood}”，未填写${missing.join('和')}。`,
            { likelihood, missing },
            index,
          ),
        );
    }
    if (profile.lifecycle.causes.noteForAnyCause && hasCause(r) && !filled(r.deviationNote))
      out.push(
        finding(
          'M07',
          FAMILY,
          'error',
          rowField(index, 'deviationNote'),
          `${rowLabel(r)}：勾选了偏差原因“${r.deviationCauses!.join('、')}”，未填写原因说明。`,
          { deviationCauses: r.deviationCauses },
          index,
        ),
      );
    return out;
  });

/** M08 — a row lit red (宁夏) or red or yellow (vendor default) without a cause. [V] */
export const m08CauseForLight: MonitoringCheck = ({ profile, rows }) =>
  rows.flatMap(({ index, r, reading }) => {
    if (!reading || !(profile.lifecycle.causes.requiredFor as string[]).includes(reading.light)) return [];
    if (hasCause(r) || filled(r.deviationNote)) return [];
    return [
      finding(
        'M08',
        FAMILY,
        'error',
        rowField(index, 'deviationCauses'),
        `${rowLabel(r)}：${LIGHT_WORD[reading.light]}（${reading.reason}），未填写偏差原因。`,
        { light: reading.light, progress: r.progress, target: r.target },
        index,
      ),
    ];
  });

/** M09 — 确定能 on a red row (proposed, unsourced). */
export const m09ConfidentRed: MonitoringCheck = ({ rows }) =>
  rows.flatMap(({ index, r, reading }) => {
    if (reading?.light !== 'red' || (r.likelihood ?? '').trim() !== '确定能') return [];
    return [
      finding(
        'M09',
        FAMILY,
        'warning',
        rowField(index, 'likelihood'),
        `${rowLabel(r)}：当前为红灯（${reading.reason}），完成目标可能性却填“确定能”。`,
        { light: 'red', likelihood: r.likelihood, progress: r.progress, target: r.target },
        index,
      ),
    ];
  });

export const MONITORING_CHECKS: readonly MonitoringCheck[] = [
  m01Funds,
  m02Progress,
  m03Bound,
  m04Zero,
  m05Qualitative,
  m06Likelihood,
  m07Explained,
  m08CauseForLight,
  m09ConfidentRed,
];

export function checkMonitoring(form: Form, profile: Profile): Finding[] {
  const rows = form.indicators.map((r, index) => ({ index, r, reading: rowReading(form, r, profile) }));
  const ctx: Ctx = { form, profile, rows };
  return MONITORING_CHECKS.flatMap((check) => check(ctx));
}

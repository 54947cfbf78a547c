import type { Form, FundsKey, Indicator } from '../form/schema.ts';
import { parseValue } from '../grammar/index.ts';
import type { Value } from '../grammar/value.ts';
import type { Profile } from '../rules/profile.ts';
import { formatPercent } from '../scoring/round.ts';
import {
  comparableUnits,
  directionOf,
  isCostRow,
  isQualitativeRow,
  readTarget,
  satisfies,
} from './values.ts';

// 序时进度预警, lifecycle.md §4.2 M01–M05. `tp = asOfMonth ÷ 12`; the bands are rule-profile data
// (`lifecycle.lights`) because no official thresholds are known, only vendor defaults [V pmkpi].
// Lights are derived, never stored (§1).

export type Light = 'red' | 'yellow' | 'green' | 'blue';
/** reason in Chinese, shown in the UI beside the light. */
export type LightReading = { light: Light; reason: string };
export type MonitoringLights = {
  funds: Partial<Record<'total' | 'fiscal' | 'carryover' | 'other', LightReading>>;
  rows: (LightReading | null)[];
};

const FUNDS_LABEL: Record<FundsKey, string> = {
  total: '年度资金总额',
  fiscal: '财政拨款',
  carryover: '上年结转资金',
  other: '其他资金',
};

/** The 序时进度 of a report, in percent. */
export const timeProgress = (asOfMonth: number): number => (asOfMonth / 12) * 100;

const pct = (x: number): string => formatPercent(Math.round(x * 100) / 100);

function band(ratio: number, profile: Profile): Light {
  const { red, yellow } = profile.lifecycle.lights;
  if (ratio < red) return 'red';
  if (ratio < yellow) return 'yellow';
  return 'green';
}

const bandWord = (light: Light, profile: Profile): string => {
  const { red, yellow } = profile.lifecycle.lights;
  if (light === 'red') return `低于${red}%，红灯`;
  if (light === 'yellow') return `在${red}%–${yellow}%之间，黄灯`;
  return `不低于${yellow}%，绿灯`;
};

/** M01: funds execution against the time-proportional expectation. */
export function fundsLight(form: Form, key: FundsKey, profile: Profile): LightReading | null {
  const row = form.funds[key];
  if (!row || form.asOfMonth === undefined) return null;
  let rate = row.executionRate ?? null;
  if (rate === null && row.executedToDate != null && row.annualBudget != null && row.annualBudget > 0)
    rate = (row.executedToDate / row.annualBudget) * 100;
  if (rate === null) return null;
  const tp = timeProgress(form.asOfMonth);
  const r = (rate / tp) * 100;
  const light = band(r, profile);
  return {
    light,
    reason: `${FUNDS_LABEL[key]}执行率${pct(rate)}，序时进度${pct(tp)}，为序时进度的${pct(r)}（${bandWord(light, profile)}）`,
  };
}

const QUALITY_LEVELS = /质量|时效|成本/;

/** The rule of §4.2 that gave a row its light. */
export type RowRule = 'M02' | 'M03' | 'M04' | 'M05';

/** M02–M05: one indicator row's progress. Null when there is nothing the grammar can read. */
export function rowLight(form: Form, r: Indicator, profile: Profile): LightReading | null {
  const reading = rowReading(form, r, profile);
  return reading === null ? null : { light: reading.light, reason: reading.reason };
}

export function rowReading(
  form: Form,
  r: Indicator,
  profile: Profile,
): (LightReading & { rule: RowRule }) | null {
  const at = (rule: RowRule, x: LightReading | null) => (x === null ? null : { ...x, rule });
  if (form.asOfMonth === undefined || r.progress === undefined) return null;
  const ctx = { year: form.year };
  const progress: Value = parseValue(r.progress, ctx);
  if (progress.kind === 'blank') return null;
  const target = readTarget(r, ctx);
  // M05: qualitative rows are judged by the tier written (达成 / 部分达成 / 未达成).
  if (progress.kind === 'tier' && (target.kind !== 'quantity' || isQualitativeRow(r))) {
    if (progress.tier === 'met')
      return at('M05', { light: 'green', reason: `定性指标当前“${progress.word}”，绿灯` });
    if (progress.tier === 'partial')
      return at('M05', { light: 'yellow', reason: `定性指标当前“${progress.word}”，黄灯` });
    return at('M05', { light: 'red', reason: `定性指标当前“${progress.word}”，红灯` });
  }
  if (target.kind === 'deadline') {
    if (progress.kind === 'deadline')
      return at(
        'M03',
        progress.date <= target.date
          ? { light: 'green', reason: `完成时间${progress.date}不晚于目标${target.date}，绿灯` }
          : { light: 'red', reason: `完成时间${progress.date}晚于目标${target.date}，红灯` },
      );
    return null;
  }
  if (target.kind !== 'quantity' || progress.kind !== 'quantity' || !comparableUnits(target, progress))
    return null;
  const direction = directionOf(r, target);
  const t = target.amount;
  const p = progress.amount;
  const shown = `当前完成值${r.progress.trim()}，年度指标值${r.target.trim()}`;
  // M04: `＝ 0` (no accidents): anything but 0 is red.
  if (direction === '=' && t === 0)
    return at(
      'M04',
      p === 0
        ? { light: 'green', reason: `${shown}，等于0，绿灯` }
        : { light: 'red', reason: `${shown}，不为0，红灯` },
    );
  // M03: lower-is-better rows and 质量 / 时效 / 成本 rows hold at any time of year, not pro rata.
  // A rate (`≥90%`, 满意度) is a level reached, not a count accumulated over the months, so
  // pro-rating it would light every on-target rate blue: it is judged like a quality row.
  const level = target.unit?.dimension === 'ratio' || r.level1.includes('满意度');
  if (direction === '<=' || direction === '<' || QUALITY_LEVELS.test(r.level2) || isCostRow(r) || level) {
    return at(
      'M03',
      satisfies(p, direction, t)
        ? { light: 'green', reason: `${shown}，符合目标，绿灯` }
        : { light: 'red', reason: `${shown}，不符合目标，红灯` },
    );
  }
  // M02: higher-is-better counts, judged against the time-proportional share of the target.
  if (p === 0) return at('M02', { light: 'red', reason: `${shown}，尚无进展，红灯` });
  if (t <= 0) return null;
  const tp = timeProgress(form.asOfMonth);
  const expected = (t * tp) / 100;
  const ratio = (p / expected) * 100;
  const { blue, blueOf } = profile.lifecycle.lights;
  const ofTarget = (p / t) * 100;
  if (blueOf === 'target' ? ofTarget >= blue : ratio >= blue)
    return at('M02', {
      light: 'blue',
      reason:
        blueOf === 'target'
          ? `${shown}，已达年度指标值的${pct(ofTarget)}（不低于${blue}%，蓝灯：目标可能偏低）`
          : `${shown}，为序时应完成值的${pct(ratio)}（不低于${blue}%，蓝灯：目标可能偏低）`,
    });
  const light = band(ratio, profile);
  return at('M02', {
    light,
    reason: `${shown}，为序时应完成值的${pct(ratio)}（${bandWord(light, profile)}）`,
  });
}

export function monitoringLights(form: Form, profile: Profile): MonitoringLights {
  const funds: MonitoringLights['funds'] = {};
  for (const key of ['total', 'fiscal', 'carryover', 'other'] as const) {
    const reading = fundsLight(form, key, profile);
    if (reading) funds[key] = reading;
  }
  return { funds, rows: form.indicators.map((r) => rowLight(form, r, profile)) };
}

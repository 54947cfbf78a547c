import { COMPARATOR_SIGN } from './comparator.ts';
import { fromIso } from './date.ts';
import { plainNumber } from './number.ts';
import type { Deadline, Milestone, Quantity, Tier, Value } from './value.ts';

// Two printers: `formatValue` for people (the UI and reports) and `toNotation` for machines — a
// canonical cell text that `parseValue` reads back to an equal value (rules.md §3 notation), used
// by the round-trip property tests and wherever a value must be written back into a form.

const TIER_LABEL: Record<Tier, string> = { met: '达成', partial: '部分达成', unmet: '未达成' };

/** `%` and `‰` sit on the number (`≥ 90%`); word units are spaced (`≥ 180 篇`). */
const TIGHT_UNITS = new Set(['%', '‰']);

/** Display text: `≥ 180 篇`, `截止 2021-06-30 拨付`, `2021-06-30 前 94.87%；2021-12-31 前 100%`. */
export function formatValue(v: Value): string {
  switch (v.kind) {
    case 'quantity':
      return formatQuantity(v);
    case 'deadline':
      return v.action ? `截止 ${v.date} ${v.action}` : `截止 ${v.date}`;
    case 'schedule':
      return v.milestones.map(formatMilestone).join('；');
    case 'tier':
      return `${TIER_LABEL[v.tier]}（定性）`;
    case 'placeholder':
      return '占位符（未填写）';
    case 'blank':
      return '空白';
    case 'not-applicable':
      return '不适用';
    case 'narrative':
      return '叙述';
    case 'unparsed':
      return `无法识别：${v.reason}`;
  }
}

export function formatQuantity(q: Quantity): string {
  const num = plainNumber(q.writtenAmount);
  const unit = q.unitText === '' ? '' : TIGHT_UNITS.has(q.unitText) ? q.unitText : ` ${q.unitText}`;
  const body = `${num}${unit}`;
  return q.comparator === null ? body : `${COMPARATOR_SIGN[q.comparator]} ${body}`;
}

function formatMilestone(m: Milestone): string {
  if (m.quantity) return `${m.date} 前 ${formatQuantity(m.quantity)}`;
  return m.action ? `${m.date} 前 ${m.action}` : `${m.date} 前`;
}

/**
 * Canonical notation that reads back equal: `≥180篇`, `2926万元`, `2021年6月30日前拨付`,
 * `2021年6月30日前支出94.87%，2021年12月31日前支出100%`. Normalisations that do not survive
 * (see parse.ts): a one-milestone schedule without a quantity reads back as a deadline; blank,
 * not-applicable, placeholder, narrative and unparsed values print their text.
 */
export function toNotation(v: Value): string {
  switch (v.kind) {
    case 'quantity':
      return quantityNotation(v);
    case 'deadline':
      return deadlineNotation(v);
    case 'schedule':
      return v.milestones
        .map(
          (m) =>
            `${dateNotation(m.date, false)}前${m.action}${m.quantity ? quantityNotation(m.quantity) : ''}`,
        )
        .join('，');
    case 'tier':
      return v.word;
    case 'placeholder':
      return v.text;
    case 'blank':
      return '';
    case 'not-applicable':
      return '不适用';
    case 'narrative':
      return v.text;
    case 'unparsed':
      return v.text;
  }
}

export function quantityNotation(q: Quantity): string {
  const sign = q.comparator === null ? '' : COMPARATOR_SIGN[q.comparator];
  return `${sign}${plainNumber(q.writtenAmount)}${q.unitText}`;
}

function deadlineNotation(d: Deadline): string {
  return `${dateNotation(d.date, d.yearInferred)}前${d.action}`;
}

/** `2021-06-30` → `2021年6月30日`, or `6月30日` when the year came from the form. */
function dateNotation(iso: string, omitYear: boolean): string {
  const p = fromIso(iso);
  if (!p) return iso;
  const md = `${p.month}月${p.day}日`;
  return omitYear ? md : `${p.year}年${md}`;
}

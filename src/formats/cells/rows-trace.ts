import type { IndicatorColumn } from '../../core/template/schema.ts';
import type { Cut } from './cuts.ts';
import type { Action, ParsedRow, State } from './rows.ts';
import { NONE, SPACE, type Stream } from './stream.ts';

// Reading the best path of the row reader's table back into rows, and the prefix counts its
// costs are looked up in.

export function backtrack(
  states: State[],
  end: number,
  W: number,
  cuts: readonly Cut[],
  columns: readonly IndicatorColumn[],
): ParsedRow[] {
  const actions: Array<{ action: Action; at: number }> = [];
  for (let k = end; k >= 0 && states[k]!.action; k = states[k]!.prev)
    actions.push({ action: states[k]!.action!, at: k });
  actions.reverse();
  const rows: ParsedRow[] = [];
  let row: ParsedRow | null = null;
  const open = (i: number): ParsedRow => {
    row = { fields: {}, ctx: cuts[i]!.ctx, nameless: false, nameOnly: false, truncated: false, weakest: 3 };
    return row;
  };
  for (const { action, at } of actions) {
    const i = Math.floor(at / 2 / W);
    const cut = cuts[i]!;
    switch (action.kind) {
      case 'skip':
        if (action.col === 0) {
          const r = open(i);
          r.nameless = true;
        }
        break;
      case 'field': {
        const r: ParsedRow = row ?? open(i);
        const col = columns[action.col]!;
        if (col === 'name') r.ctx = ctxAt(cuts, action.from);
        r.fields[col] = [action.from, action.to];
        r.weakest = Math.min(r.weakest, cut.bound);
        break;
      }
      case 'pair': {
        const r: ParsedRow = row ?? open(i);
        r.fields[columns[action.col]!] = [action.from, action.mid];
        r.fields[columns[action.col + 1]!] = [action.mid, action.to];
        r.weakest = Math.min(r.weakest, cut.bound);
        break;
      }
      case 'junk':
        rows.push({
          fields: {},
          ctx: cut.ctx,
          nameless: false,
          nameOnly: false,
          truncated: false,
          weakest: 0,
          junk: [action.from, action.to],
        });
        break;
      case 'end':
        if (row) {
          const r: ParsedRow = row;
          const filled = Object.keys(r.fields).filter((k) => k !== 'name').length;
          if (filled === 0) r.nameOnly = true;
          rows.push(r);
        }
        row = null;
        break;
      default:
        break;
    }
  }
  if (row) {
    const r: ParsedRow = row;
    r.truncated = true;
    rows.push(r);
  }
  return rows;
}

function ctxAt(cuts: readonly Cut[], pos: number): number {
  let lo = 0;
  let hi = cuts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cuts[mid]!.pos <= pos) lo = mid;
    else hi = mid - 1;
  }
  return cuts[lo]!.ctx;
}

/** prefix counts of cell separators with an ideograph on one side and a digit on the other */
export function typeChangePrefix(s: Stream, cellBound: number): Int32Array {
  const out = new Int32Array(s.key.length + 1);
  const cjk = (c: string | undefined) => c !== undefined && c >= '\u4e00' && c <= '\u9fff';
  const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  for (let i = 0; i < s.key.length; i++) {
    const strong = cellBound > NONE && i > 0 && s.bound[i]! >= Math.max(cellBound, SPACE);
    const a = s.key[i - 1];
    const b = s.key[i];
    out[i + 1] = out[i]! + (strong && ((cjk(a) && digit(b)) || (digit(a) && cjk(b))) ? 1 : 0);
  }
  return out;
}

/** prefix counts of separators at least as strong as `cellBound` (none when cells run together). */
export function strongPrefix(s: Stream, cellBound: number): Int32Array {
  const out = new Int32Array(s.key.length + 1);
  for (let i = 0; i < s.key.length; i++)
    out[i + 1] = out[i]! + (cellBound > NONE && i > 0 && s.bound[i]! >= Math.max(cellBound, SPACE) ? 1 : 0);
  return out;
}

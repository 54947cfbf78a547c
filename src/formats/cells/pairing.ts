import type { Ctx } from './debris.ts';
import type { Memo } from './field-scores.ts';
import { fieldScore } from './field-scores.ts';
import { looksLikeOrg } from './header.ts';
import type { ParsedRow } from './rows.ts';
import type { Stream } from './stream.ts';

// Rows a scrambled reading order tore apart: names printed with no cells after them, cells
// printed with no name before them. They are paired in order, as a reader of the page would.

/**
 * Names the layout printed apart from their cells are paired with the nameless cells, in order.
 * Text the rows set aside counts as such a name only when there are nameless cells to take it.
 */
export function pairUp(parsed: ParsedRow[], s: Stream, memo: Memo): ParsedRow[] {
  const nameless = parsed.filter((r) => r.nameless && !r.truncated).length;
  const rows: ParsedRow[] = [];
  for (const r of parsed) {
    if (!r.junk) {
      rows.push(r);
      continue;
    }
    if (nameless === 0) continue;
    const key = s.key.slice(r.junk[0], r.junk[1]);
    if (fieldScore('name', key, memo) >= 1 && !looksLikeOrg(key))
      rows.push({ ...r, fields: { name: r.junk }, nameOnly: true, junk: undefined });
  }
  const out: ParsedRow[] = [];
  const names: ParsedRow[] = [];
  const cells: ParsedRow[] = [];
  for (const r of rows) {
    if (r.nameOnly && !r.truncated) {
      const c = cells.shift();
      if (c) out.push(merge(r, c));
      else {
        names.push(r);
        out.push(r);
      }
      continue;
    }
    if (r.nameless && !r.truncated) {
      const n = names.shift();
      if (n) {
        const at = out.indexOf(n);
        out[at] = merge(n, r);
      } else if (isTotalsPair(r)) out.push(r);
      else cells.push(r);
      continue;
    }
    out.push(r);
  }
  // Cells no name claimed stay nameless (reported); names with no cells are orphans.
  for (const c of cells) out.push(c);
  return out;
}

function isTotalsPair(r: ParsedRow): boolean {
  return Object.keys(r.fields).length === 2;
}

function merge(name: ParsedRow, cells: ParsedRow): ParsedRow {
  return {
    fields: { ...cells.fields, name: name.fields.name! },
    ctx: name.ctx,
    nameless: false,
    nameOnly: false,
    truncated: false,
    // paired across the layout: the least sure of all readings
    weakest: -1,
  };
}

/** A level-2 label printed before its level-1 (a scrambled reading order) takes the level-1 that follows, if it is its parent. */
export function inferLevel1(ctxs: readonly Ctx[], at: number, parent: ReadonlyMap<string, string>): Ctx {
  const c = ctxs[at]!;
  if (c.l1 || !c.l2) return c;
  const want = parent.get(c.l2Key);
  for (let k = at + 1; k < ctxs.length; k++) {
    const n = ctxs[k]!;
    if (n.l1Printed && n.l1Key !== c.l1Key) return want === n.l1Key ? { ...c, l1: n.l1, l1Key: n.l1Key } : c;
  }
  return c;
}

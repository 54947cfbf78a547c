import type { Form } from '../../core/form/schema.ts';
import type { CellReport } from './report.ts';
import { CELL, cellsOf, LINE, NONE, SPACE, type Stream, textOf } from './stream.ts';
import type { Piece } from './zones.ts';

// 年度总体目标: two narrative cells, 预期目标 and 实际完成情况. Where the layout keeps them apart the
// cut is the strongest separator between them; where it does not, the reader cuts where a
// sentence ends, or where the second part starts the way the first one did (units restate their
// goal: `提高医疗保障水平，推进…` / `提高医疗保障水平，推进了…`), nearest the middle.

export function readGoals(
  s: Stream,
  pieces: readonly Piece[],
  form: Form,
  report: CellReport,
  cutByEnd: boolean,
): void {
  const own = pieces.filter((p) => p.zone === 'goals' && p.to > p.from);
  if (own.length === 0) return;
  // Each heading with its own text under it (`年初设定目标 保障… 年度总体目标完成情况 …`): the
  // text after 预期目标 is the expected goal, the text after 实际完成情况 (if any) the actual.
  const expected = own.filter((p) => p.after?.role === 'goalsExpected');
  if (expected.length === 1 && own.indexOf(expected[0]!) === 0) {
    const rest = own.slice(1);
    set(
      form,
      report,
      textOf(s, expected[0]!.from, expected[0]!.to),
      rest.map((p) => textOf(s, p.from, p.to)).join(''),
      0.85,
    );
  } else splitGoals(s, own, form, report);
  // The text stops inside the goals: the last cell is cut short unless it ends a sentence.
  if (cutByEnd && own[own.length - 1]!.to === s.key.length) {
    const which = form.goals.actual ? 'actual' : 'expected';
    const text = form.goals[which];
    if (text && !/[。.!！?？;；]$/.test(text)) {
      form.goals[which] = '';
      delete report.confidence[`goals.${which}`];
      report.warn(`goals.${which}`, `文字在“${text.slice(-12)}”处结束，这一格没有写完，未读取`, 0.9);
    }
  }
}

function splitGoals(s: Stream, own: Piece[], form: Form, report: CellReport): void {
  // Cells the text keeps apart: the first two are the goals; a third is the template's next
  // heading (`2.项目实施内容及过程概述`).
  if (own.length === 1) {
    const p = own[0]!;
    const cells = cellsOf(s, p.from, p.to, LINE).filter(([a, b]) => b > a);
    if (
      cells.length >= 3 &&
      cells.slice(2).every(([a, b]) => /^\d+[.、．]/.test(s.key.slice(a, b)) || b - a <= 20)
    ) {
      const [[a0, b0], [a1, b1]] = cells as [[number, number], [number, number]];
      set(form, report, textOf(s, a0, b0), textOf(s, a1, b1), 0.85);
      return;
    }
  }
  // Instructions and two separate cells after the headings: the last two pieces, if there are two.
  if (own.length >= 2) {
    const [a, b] = own.slice(-2) as [Piece, Piece];
    set(form, report, textOf(s, a.from, a.to), textOf(s, b.from, b.to), 0.85);
    return;
  }
  const p = own[0]!;
  const cut = bestCut(s, p.from, p.to);
  if (cut === null) {
    set(form, report, textOf(s, p.from, p.to), '', 0.5);
    report.warn(
      'goals.actual',
      '年度总体目标只有一段文字，未能分出“实际完成情况”，已全部放在“预期目标”',
      0.4,
    );
    return;
  }
  set(form, report, textOf(s, p.from, cut.at), textOf(s, cut.at, p.to), cut.confidence);
  if (cut.confidence < 0.7)
    report.warn(
      'goals.actual',
      '预期目标与实际完成情况之间没有分隔，按句子与用词判断分界，请核对',
      cut.confidence,
    );
}

/** OCR debris (`公,4`) is not a goal: a goal cell says something in at least two words' worth of ideographs. */
function meaningful(t: string): string {
  return (t.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 2 ? t : '';
}

function set(form: Form, report: CellReport, expected: string, actual: string, confidence: number): void {
  form.goals.expected = meaningful(expected);
  form.goals.actual = meaningful(actual);
  if (actual && !form.goals.actual)
    report.warn('goals.actual', `“${actual}”不像目标完成情况（可能是识别错误），未读取`, 0.3);
  report.set('goals.expected', confidence);
  if (actual) report.set('goals.actual', confidence);
}

const SENTENCE_END = /[。；;！!？?]/;

function bestCut(s: Stream, from: number, to: number): { at: number; confidence: number } | null {
  const len = to - from;
  if (len < 4) return null;
  const key = s.key;
  let strongest = NONE;
  for (let i = from + 1; i < to; i++) strongest = Math.max(strongest, s.bound[i]!);
  const candidates: Array<{ at: number; score: number }> = [];
  for (let i = from + 2; i <= to - 2; i++) {
    const b = s.bound[i]!;
    const prev = key[i - 1]!;
    let score = 0;
    if (b >= CELL) score += 4;
    else if (b >= LINE) score += 3;
    else if (b >= SPACE) score += 1.5;
    if (SENTENCE_END.test(prev)) score += 2.5;
    if (/[，,、：:（(]/.test(prev)) score -= 2;
    if (/[，,、。；;：:）)]/.test(key[i]!)) score -= 3;
    // The second cell restating the first one's opening words is strong evidence; words met
    // anywhere in the first cell are weak evidence (goals repeat their nouns).
    // (`已完成…` restates `完成…`: a word of completion may come first)
    const head = Math.max(
      restates(key, from, i, to),
      restates(key, from, i + 1, to) - 1,
      restates(key, from, i + 2, to) - 2,
    );
    const alike = commonStart(key, from, i, to);
    if (head >= 2) score += 1 + Math.min(head, 8) * 0.5;
    else if (alike >= 2) score += 0.3 + Math.min(alike, 8) * 0.1;
    // Without a separator or a sentence end only a restated start marks the cut.
    if (b === NONE && !SENTENCE_END.test(prev) && alike < 2) continue;
    // A strong separator elsewhere makes a weak cut unlikely.
    if (b < strongest && strongest >= LINE && !SENTENCE_END.test(prev)) score -= 2;
    score -= Math.abs(i - from - len / 2) / len;
    candidates.push({ at: i, score });
  }
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!;
  if (best.score <= 0) return null;
  const margin = best.score - (candidates[1]?.score ?? -10);
  const confidence = s.bound[best.at]! >= LINE ? 0.85 : margin > 1.5 ? 0.7 : 0.5;
  return { at: best.at, confidence };
}

/** How many characters the text after `at` shares with the start of the text before it. */
function restates(key: string, from: number, at: number, to: number): number {
  let n = 0;
  while (at + n < to && from + n < at && key[from + n] === key[at + n]) n++;
  return n;
}

/** How many characters the text after `at` shares with some place in the text before it, at its start. */
function commonStart(key: string, from: number, at: number, to: number): number {
  const first = key.slice(from, at);
  let n = 0;
  for (let k = 2; k <= Math.min(12, to - at); k++) {
    if (first.includes(key.slice(at, at + k))) n = k;
    else break;
  }
  return n;
}

import { parseValue } from '../../core/grammar/parse.ts';

// What a piece of text can be, for a reader that must decide where cells begin and end: a plain
// number (an amount, a weight, a score), a percentage (an execution rate), a placeholder for a
// blank cell, or a target/actual value in the value grammar (rules.md §3).

/** `2,926.000000`, `64.8`, `0` — digits with optional thousands separators and decimals. */
const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const PERCENT = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)%$/;
/** Marks printed in a cell that has no value: `-`, `—`, `/`, `——`, and `一` where a dash was OCR'd. */
const BLANK_MARK = /^(?:[-—–/\\－―一]{1,3}|\*{1,3}|无|空)$/;

// OCR renders 1 as l/I and 0 as O in a number: `IO` is 10 (corpus notes: a score printed `IO`).
const OCR_DIGITS: Record<string, string> = { I: '1', l: '1', O: '0', o: '0' };

export type NumberRead = { value: number; ocr: boolean };

/** A whole token as a number, `null` otherwise. Leading zeros (`020`) are not a number a form prints. */
export function readNumber(key: string): NumberRead | null {
  if (NUMBER.test(key)) {
    if (key.length > 1 && key[0] === '0' && key[1] !== '.') return null;
    return { value: Number(key.replace(/,/g, '')), ocr: false };
  }
  // Only where a digit-like letter starts it (`IO`, `l5`): a lone `O` may be a letter.
  if (key.length <= 3 && /^[1-9Il][0-9IlOo]*$/.test(key) && /[IlOo]/.test(key)) {
    return { value: Number(key.replace(/[IlOo]/g, (c) => OCR_DIGITS[c]!)), ocr: true };
  }
  return null;
}

/** `93.51%` → 93.51. */
export function readPercent(key: string): number | null {
  const m = PERCENT.exec(key);
  if (!m) return null;
  const digits = m[1]!;
  if (digits.length > 1 && digits[0] === '0' && digits[1] !== '.') return null;
  return Number(digits.replace(/,/g, ''));
}

export function isBlankMark(key: string): boolean {
  return BLANK_MARK.test(key);
}

/** Words a qualitative target or actual is written with; a cell may end right after one. */
export const VALUE_WORDS = [
  '达成预期指标',
  '达成年度指标',
  '达到预期',
  '效果明显',
  '效果显著',
  '显著提升',
  '明显提升',
  '符合要求',
  '已完成',
  '全部完成',
  '完成',
  '合格',
  '达标',
  '合规',
  '及时',
  '满意',
  '较好',
  '良好',
  '高',
  '无',
  '是',
  '否',
];

export type ValueKind = 'quantity' | 'deadline' | 'tier' | 'placeholder' | 'narrative' | 'blank' | 'other';

export function valueKind(text: string): ValueKind {
  const v = parseValue(text);
  switch (v.kind) {
    case 'quantity':
      return 'quantity';
    case 'deadline':
    case 'schedule':
      return 'deadline';
    case 'tier':
      return 'tier';
    case 'placeholder':
      return 'placeholder';
    case 'narrative':
      return 'narrative';
    case 'blank':
      return 'blank';
    default:
      return 'other';
  }
}

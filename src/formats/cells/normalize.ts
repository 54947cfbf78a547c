import { isRegexSpace } from '../text/cells.ts';

// One character of printed text → the character the reader matches labels and values with.
// Printed text is never changed (Form JSON keeps it as printed); only the matching key is folded:
// full-width ASCII, comparator variants and traditional characters of the form's vocabulary.

const COMPARATORS: Record<string, string> = {
  '≧': '≥',
  '≦': '≤',
  '═': '=',
  '〓': '=',
  '＜': '<',
  '＞': '>',
  '﹤': '<',
  '﹥': '>',
  '⩾': '≥',
  '⩽': '≤',
};

// Traditional forms of the characters that labels and units are written with (項目名稱, 預算執行數,
// 績效指標, 滿意度). Labels only: narrative text is kept and compared as printed.
const TRADITIONAL =
  '項项目目稱称預预執执數数額额績绩效效標标實实際际單单位位總总產产質质時时滿满經经濟济會会態态續续響响務务對对門门財财撥拨結结轉转餘余負负責责聯联繫系電电話话偏偏差差原原因因進进措措施施計计劃划評评價价級级達达獲获類类資资金金預预調调整整後后執执構构況况當当年年專专户户補补規规驗验圍围離离線线體体係系產产業业們们應应廣广縣县鄉乡區区衛卫環环質质饋馈';

const SIMPLIFIED = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) {
  const t = TRADITIONAL[i]!;
  const s = TRADITIONAL[i + 1]!;
  if (t !== s) SIMPLIFIED.set(t, s);
}

export function keyOf(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code < 0x2000) return c;
  return COMPARATORS[c] ?? SIMPLIFIED.get(c) ?? c;
}

/** A whole string's key (no whitespace), for vocabulary terms. */
export function keyText(s: string): string {
  let out = '';
  for (const c of s) if (!isRegexSpace(c.charCodeAt(0))) out += keyOf(c);
  return out;
}

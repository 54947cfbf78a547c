import { readMagnitude } from './number.ts';
import { CharSet } from './text.ts';
import type { Unit } from './value.ts';

// Units after a number (rules.md §3): money is normalised to 元 and ratios to percent so `万元`
// and `元` compare; count units are kept exactly as written, because rules.md §1.3 says `人` and
// `人次` do NOT agree. Time units drop a leading `个` (`3个月` and `3月` are the same span).

type UnitEntry = { text: string; unit: Unit; exp: number; latin?: boolean };

const LATIN_RE = /^[A-Za-z²³]$/;
const isLatin = (ch: string | undefined): boolean => ch !== undefined && LATIN_RE.test(ch);

export const MONEY: Unit = { dimension: 'money', symbol: '元' };
export const RATIO: Unit = { dimension: 'ratio', symbol: '%' };

const entries: UnitEntry[] = [
  { text: '元', unit: MONEY, exp: 0 },
  { text: '%', unit: RATIO, exp: 0 },
  { text: '百分比', unit: RATIO, exp: 0 },
  { text: '‰', unit: RATIO, exp: -1 },
  // Percentage points are a difference of two ratios, not a ratio: they must not agree with `%`.
  { text: '百分点', unit: { dimension: 'other', symbol: '百分点' }, exp: 0 },
  { text: '个百分点', unit: { dimension: 'other', symbol: '百分点' }, exp: 0 },
];

const TIME: Array<[string, string]> = [
  ['天', '天'],
  ['日', '日'],
  ['工作日', '工作日'],
  ['个工作日', '工作日'],
  ['月', '月'],
  ['个月', '月'],
  ['年', '年'],
  ['小时', '小时'],
  ['个小时', '小时'],
  ['分钟', '分钟'],
  ['秒', '秒'],
  ['周', '周'],
  ['星期', '周'],
  ['个星期', '周'],
  ['季度', '季度'],
  ['个季度', '季度'],
];
for (const [text, symbol] of TIME) entries.push({ text, unit: { dimension: 'time', symbol }, exp: 0 });

// `分` and `时` are left out on purpose: `十分重要`, `及时` would read as quantities in prose.
const COUNT = (
  '人 人次 名 位 户 户次 家 家次 个 项 篇 篇次 场 场次 次 只 头 台 台次 套 所 亩 公里 千米 米 平方米 平米 ' +
  '平方公里 立方米 公顷 册 期 期次 批 批次 份 件 本 部 辆 座 条 张 株 棵 吨 千克 公斤 克 斤 处 栋 间 床 ' +
  '校 村 支 队 组 门 节 课时 学时 班 单 宗 笔 例 人日 人天 千瓦 千瓦时 度 艘 架 口 眼 幅 首 集 轮 届 盏 ' +
  '块 根 箱 袋 瓶 盒 卷 册次 课 堂 章 类 种 款 枚 匹 羽 尾 窝 片 粒 针 剂 人月 GB TB km kg m m2 m² m³ ' +
  '起 宗次 台套 家庭 单位 人份 t kW kWh MW Mbps'
).split(' ');
for (const text of COUNT) {
  entries.push({ text, unit: { dimension: 'count', symbol: text }, exp: 0, latin: isLatin(text[0]) });
}

const byFirst = new Map<number, UnitEntry[]>();
for (const e of entries) {
  const list = byFirst.get(e.text.charCodeAt(0)) ?? [];
  list.push(e);
  byFirst.set(e.text.charCodeAt(0), list);
}
for (const list of byFirst.values()) list.sort((a, b) => b.text.length - a.text.length);
// A bit test rules out the positions where no unit starts before the map lookup.
const UNIT_FIRST = new CharSet(entries.map((e) => e.text[0]!));

const spellKey = (u: Unit): string => `${u.dimension}:${u.symbol}`;
/**
 * The key of every unit in the tables above, spelled once: the audit groups and compares every
 * quoted number by its unit key, and a key built per number is a fresh string to hash each time.
 */
const STATIC_KEYS = new Map<Unit, string>(entries.map((e) => [e.unit, spellKey(e.unit)]));
STATIC_KEYS.set(MONEY, spellKey(MONEY)).set(RATIO, spellKey(RATIO));

/** Unit identity, dimension + normalised symbol (`count:人次`); 'none' for no unit. */
export function unitKeyOf(u: Unit | null): string {
  if (u === null) return 'none';
  // Rate units (`元/人·月`) are made per number and are not in the table.
  return STATIC_KEYS.get(u) ?? spellKey(u);
}

/** The longest unit written at `i`, or null. Latin units must be the whole Latin word (`km`, not `kmh`). */
export function lookupUnit(s: string, i: number): UnitEntry | null {
  const c = s.charCodeAt(i);
  if (!UNIT_FIRST.has(c)) return null;
  const list = byFirst.get(c);
  if (!list) return null;
  for (const e of list) {
    if (!restMatches(s, i, e.text)) continue;
    if (e.latin && isLatin(s[i + e.text.length])) continue;
    return e;
  }
  return null;
}

/**
 * Whether `s` continues `word` after its first character, which the caller matched already.
 * Compared by char code: a number's unit is looked up for every number read, and `个` alone heads
 * seven units, so a startsWith call per entry cost more than the rest of the lookup.
 */
function restMatches(s: string, i: number, word: string): boolean {
  for (let k = 1; k < word.length; k++) if (s.charCodeAt(i + k) !== word.charCodeAt(k)) return false;
  return true;
}

export type UnitPhrase = {
  /** null when only a magnitude (`4.9万`) or nothing was written. */
  unit: Unit | null;
  /** power of ten to apply to the written number (`万元` 4, `‰` −1). */
  exp: number;
  /** magnitude and unit as written, without hedge words (`万人次`, `元/人·月`). */
  text: string;
  end: number;
  /** `余` / `多` written between the magnitude and the unit (`50万余元`). */
  hedge: boolean;
};

const RATE_JOINERS = new Set(['·', '•', '・', '.', '/']);

/**
 * The record readUnitPhrase returns, overwritten by every call: it runs for every number read, and
 * its callers take the fields they need at once. Read it before the next call, never keep it.
 */
const phrase: UnitPhrase = { unit: null, exp: 0, text: '', end: 0, hedge: false };

function setPhrase(unit: Unit | null, exp: number, text: string, end: number, hedge: boolean): UnitPhrase {
  phrase.unit = unit;
  phrase.exp = exp;
  phrase.text = text;
  phrase.end = end;
  phrase.hedge = hedge;
  return phrase;
}

/**
 * Reads `[magnitude][余|多][unit][/denominator…]` at `i`. Units that begin with a magnitude character
 * (`千米`, `百分比`) win over the magnitude reading, so `5千米` is 5 千米, not 5000 米.
 * The result is a shared record, valid until the next call (see `phrase`).
 */
export function readUnitPhrase(s: string, i: number): Readonly<UnitPhrase> {
  let entry = lookupUnit(s, i);
  let magEnd = i;
  let exp = 0;
  let unitStart = i;
  let hedge = false;
  if (!entry) {
    const mag = readMagnitude(s, i);
    if (mag) {
      exp = mag.exp;
      magEnd = mag.end;
      unitStart = mag.end;
      if (s[unitStart] === '余' || s[unitStart] === '多') {
        hedge = true;
        unitStart++;
      }
      entry = lookupUnit(s, unitStart);
    }
  }
  if (!entry) {
    // A `余` not followed by a unit is left for the caller to read after the magnitude.
    return setPhrase(null, exp, s.slice(i, magEnd), magEnd, false);
  }
  exp += entry.exp;
  let end = unitStart + entry.text.length;
  let unit: Unit = entry.unit;
  // By char code: a unit is mostly followed by an ideograph, and `s[end]` would allocate a string.
  const after = s.charCodeAt(end);
  if (after === 0x2f || after === 0xff0f) {
    // Rate units (`元/人·月`, `次/年`) are kept whole, like count units (rules.md §3).
    const parts: string[] = [];
    let k = end;
    while (parts.length < 3 && k < s.length && RATE_JOINERS.has(s[k]!)) {
      const d = lookupUnit(s, k + 1);
      if (!d) break;
      parts.push(d.unit.symbol);
      k = k + 1 + d.text.length;
    }
    if (parts.length > 0) {
      unit = { dimension: 'count', symbol: `${entry.unit.symbol}/${parts.join('·')}` };
      end = k;
    }
  }
  return setPhrase(unit, exp, phraseText(s, i, magEnd, unitStart, end, entry), end, hedge);
}

/**
 * The phrase as written, without the hedge. A bare unit is the table's own string (the text
 * matched it), so most numbers need no slice; otherwise one slice unless a hedge sits between
 * magnitude and unit: a joined string would be flattened again by every later search for it.
 */
function phraseText(
  s: string,
  i: number,
  magEnd: number,
  unitStart: number,
  end: number,
  entry: UnitEntry,
): string {
  if (unitStart === i && end === i + entry.text.length) return entry.text;
  return magEnd === unitStart ? s.slice(i, end) : s.slice(i, magEnd) + s.slice(unitStart, end);
}

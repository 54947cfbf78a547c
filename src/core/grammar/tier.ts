import type { Tier, TierValue } from './value.ts';

// Qualitative tiers, rules.md §1.4 (tier words and bands) and §3 (`效果明显`, `好`, `较好`,
// `符合相关规定` are qualitative). Matching is leftmost-longest, so `未完成` is never read as
// `完成` and `基本完成` never as `完成`. A cell with several tier words takes the lowest tier
// (`基本完成，效果一般` is partial): the rule band must not be wider than the words allow.

const LEXICON: Array<[string, Tier]> = [
  ...words(
    'met',
    '达成 达成年度指标 达成预期指标 达成预期目标 达成目标 达到预期 达到预期目标 达到预期效果 达到要求 达到目标 ' +
      '达标 完成 已完成 全部完成 全面完成 圆满完成 按时完成 按期完成 如期完成 超额完成 完成年度指标 完成目标 ' +
      '按时 按期 如期 及时完成 及时拨付 及时到位 ' +
      '效果明显 效果显著 效果良好 效果较好 显著 明显 较好 很好 良好 优秀 较高 很高 符合规定 符合相关规定 符合要求 ' +
      '符合标准 合格 满意 较满意 非常满意 有效 已实现 实现 提升 提高 改善',
  ),
  ...words(
    'partial',
    '部分达成 部分达成年度指标 部分达成年度指标并具有一定效果 基本达成 基本完成 部分完成 基本达到 部分达到 ' +
      '基本实现 部分实现 基本满意 基本符合 基本合格 一般 效果一般 有一定效果',
  ),
  ...words(
    'unmet',
    '未达成 未达成年度指标 未达成年度指标且效果较差 未完成 效果较差 较差 很差 不合格 不符合 不满意 未达到 未达标 ' +
      '不达标 未实现 没有完成 没有达成 没完成 没达成 未能完成 未能达成 未按时完成 未按期完成 效果不明显 不及时',
  ),
];

// Some words would match inside ordinary words (`优化`, `好转`, `及时性`), so they count only as
// the whole cell. A Map, not an object literal: a cell reading `constructor` must not find
// Object.prototype's members.
const WHOLE_CELL = new Map<string, Tier>([
  ['好', 'met'],
  ['优', 'met'],
  ['良', 'met'],
  ['高', 'met'],
  ['是', 'met'],
  ['中', 'partial'],
  ['差', 'unmet'],
  ['否', 'unmet'],
  // `及时性` in prose is a noun; `及时` alone answers a 时效 row.
  ['及时', 'met'],
]);

function words(tier: Tier, list: string): Array<[string, Tier]> {
  return list.split(' ').map((w) => [w, tier]);
}

// Keyed by char code: looking up `s[i]` would allocate a one-character string per position.
const byFirst = new Map<number, Array<[string, Tier]>>();
for (const e of LEXICON) {
  const l = byFirst.get(e[0].charCodeAt(0)) ?? [];
  l.push(e);
  byFirst.set(e[0].charCodeAt(0), l);
}
for (const l of byFirst.values()) l.sort((a, b) => b[0].length - a[0].length);

// The long phrases of rules.md §1.4 (`部分达成年度指标并具有一定效果`) are tiers at any length.
const EXACT = new Map<string, Tier>(LEXICON);
/** No whole-cell word is longer: a longer cell (prose) is not hashed to look it up. */
const MAX_EXACT = Math.max(...[...EXACT.keys(), ...WHOLE_CELL.keys()].map((w) => w.length));

const RANK: Record<Tier, number> = { met: 2, partial: 1, unmet: 0 };

// A top-tier word right after a negation is bottom tier: `不明显`, `没有提升`.
const NEGATION_2 = ['未能', '没有', '尚未'];
const NEGATION_1 = new Set(['未', '没', '不', '无']);

/** Cells longer than this are prose even when they contain a tier word (rules.md §1.4: a paragraph has no tier). */
export const MAX_TIER_LENGTH = 12;

/** Classifies a short cell (already folded, compacted, trailing punctuation removed) as a tier. */
export function readTier(s: string): TierValue | null {
  const whole = s.length <= MAX_EXACT ? (WHOLE_CELL.get(s) ?? EXACT.get(s)) : undefined;
  if (whole) return { kind: 'tier', tier: whole, word: s };
  if (s.length > MAX_TIER_LENGTH) return null;
  let best: { tier: Tier; word: string } | null = null;
  let i = 0;
  while (i < s.length) {
    const hit = longestAt(s, i);
    if (!hit) {
      i++;
      continue;
    }
    let tier = hit[1];
    let word = hit[0];
    if (tier === 'met') {
      const neg2 = i >= 2 ? s.slice(i - 2, i) : '';
      if (NEGATION_2.includes(neg2)) {
        tier = 'unmet';
        word = neg2 + word;
      } else if (i >= 1 && NEGATION_1.has(s[i - 1]!)) {
        tier = 'unmet';
        word = s[i - 1] + word;
      }
    }
    if (!best || RANK[tier] < RANK[best.tier]) best = { tier, word };
    i += hit[0].length;
  }
  return best ? { kind: 'tier', tier: best.tier, word: best.word } : null;
}

function longestAt(s: string, i: number): [string, Tier] | null {
  const list = byFirst.get(s.charCodeAt(i));
  if (!list) return null;
  for (const e of list) if (s.startsWith(e[0], i)) return e;
  return null;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toNotation } from './format.ts';
import { parseValue } from './parse.ts';
import type { Comparator, Deadline, Milestone, Quantity, Schedule, Unit } from './value.ts';

// Property tests: parsing never throws and stays linear; notation round-trips (rules.md §3).

const KINDS = new Set([
  'quantity',
  'deadline',
  'schedule',
  'tier',
  'placeholder',
  'blank',
  'not-applicable',
  'narrative',
  'unparsed',
]);

// Characters the grammar reacts to, so random strings reach deep paths, not just "unparsed".
const GRAMMAR_CHARS = [
  ...'0123456789０１２３４５６７８９.,，。；、%‰‰年月日前底之内以上下万亿千百十一二两三零〇个人次篇家元≥≤><=＞＜＝*_-—/¥ ',
  '不少于',
  '控制在',
  '达到',
  '2021年',
  '6月30日前',
  '百分之',
  '未完成',
  '部分达成',
  '季度',
  '上半年',
];
const grammarString = fc.array(fc.constantFrom(...GRAMMAR_CHARS), { maxLength: 60 }).map((a) => a.join(''));

/**
 * Least CPU time of this process over `runs` parses of `text`, in ms. Wall time flakes on a busy
 * machine, and one run can include JIT or GC work of other tests; the least of three cannot hide
 * a quadratic parse, which on 1 MB would take minutes.
 */
function parseCpuMs(text: string, runs = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < runs; k++) {
    const start = process.cpuUsage();
    checkValue(text);
    const u = process.cpuUsage(start);
    best = Math.min(best, (u.user + u.system) / 1000);
  }
  return best;
}

function checkValue(text: string) {
  const v = parseValue(text, { year: 2021 });
  expect(KINDS.has(v.kind)).toBe(true);
  return v;
}

describe('parseValue never throws', () => {
  it('on arbitrary unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        checkValue(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('on arbitrary UTF-16 (lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        checkValue(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('on strings made of the grammar’s own words', () => {
    fc.assert(
      fc.property(
        grammarString,
        fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: undefined }),
        (s, year) => {
          const v = parseValue(s, year === undefined ? {} : { year });
          expect(KINDS.has(v.kind)).toBe(true);
          if (v.kind === 'quantity') expect(Number.isFinite(v.amount)).toBe(true);
          if (v.kind === 'deadline') expect(v.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('on long strings (100k characters) built from grammar words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...GRAMMAR_CHARS), { minLength: 1, maxLength: 30 }), (words) => {
        let s = words.join('');
        while (s.length < 100_000) s += s;
        expect(parseCpuMs(s)).toBeLessThan(250);
      }),
      { numRuns: 25 },
    );
  });

  it.each([
    ['digits', '1'.repeat(1_000_000)],
    ['Chinese numerals', '一'.repeat(1_000_000)],
    ['quantities', '1万人次'.repeat(250_000)],
    ['dates', '2021年6月30日前'.repeat(100_000)],
    ['schedule', '2021年6月30日前支出94.87%，'.repeat(50_000)],
    ['thousands separators', '1,000,'.repeat(200_000)],
    ['comparators', '≥'.repeat(1_000_000)],
    ['tiers', '未完成'.repeat(400_000)],
    ['dots', '1.'.repeat(500_000)],
    ['full-width digits', '１'.repeat(1_000_000)],
    ['mixed words', '≤零上＝<2021年一〇'.repeat(80_000)],
    [
      'random code units',
      Array.from({ length: 1_000_000 }, (_, k) => String.fromCharCode((k * 7919) % 0xffff)).join(''),
    ],
  ])('a 1 MB string of %s parses well under 1 s', (_name, s) => {
    expect(parseCpuMs(s)).toBeLessThan(500);
  });
});

// ---- round trip: parseValue(toNotation(v)) equals v ----

type UnitChoice = { text: string; unit: Unit | null; exp: number };
const count = (symbol: string): Unit => ({ dimension: 'count', symbol });
const UNITS: UnitChoice[] = [
  { text: '', unit: null, exp: 0 },
  { text: '万', unit: null, exp: 4 },
  { text: '%', unit: { dimension: 'ratio', symbol: '%' }, exp: 0 },
  { text: '百分比', unit: { dimension: 'ratio', symbol: '%' }, exp: 0 },
  { text: '‰', unit: { dimension: 'ratio', symbol: '%' }, exp: -1 },
  { text: '元', unit: { dimension: 'money', symbol: '元' }, exp: 0 },
  { text: '千元', unit: { dimension: 'money', symbol: '元' }, exp: 3 },
  { text: '万元', unit: { dimension: 'money', symbol: '元' }, exp: 4 },
  { text: '亿元', unit: { dimension: 'money', symbol: '元' }, exp: 8 },
  { text: '人', unit: count('人'), exp: 0 },
  { text: '人次', unit: count('人次'), exp: 0 },
  { text: '万人次', unit: count('人次'), exp: 4 },
  { text: '家次', unit: count('家次'), exp: 0 },
  { text: '篇', unit: count('篇'), exp: 0 },
  { text: '公里', unit: count('公里'), exp: 0 },
  { text: '平方米', unit: count('平方米'), exp: 0 },
  { text: 'km', unit: count('km'), exp: 0 },
  { text: '元/人·月', unit: count('元/人·月'), exp: 0 },
  { text: '天', unit: { dimension: 'time', symbol: '天' }, exp: 0 },
  { text: '个工作日', unit: { dimension: 'time', symbol: '工作日' }, exp: 0 },
  { text: '个月', unit: { dimension: 'time', symbol: '月' }, exp: 0 },
  { text: '个百分点', unit: { dimension: 'other', symbol: '百分点' }, exp: 0 },
];

const comparatorArb = fc.constantFrom<Comparator | null>(null, '>=', '>', '<=', '<', '=');

/**
 * A quantity built independently of the parser: written = k × 10^-d, amount = k × 10^(exp-d),
 * both correctly rounded from their decimal form.
 */
const quantityArb: fc.Arbitrary<Quantity> = fc
  .record({
    comparator: comparatorArb,
    k: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    d: fc.integer({ min: 0, max: 3 }),
    unit: fc.constantFrom(...UNITS),
  })
  .map(({ comparator, k, d, unit }) => ({
    kind: 'quantity' as const,
    comparator,
    amount: Number(`${k}e${unit.exp - d}`) || 0,
    unit: unit.unit,
    unitText: unit.text,
    writtenAmount: Number(`${k}e${-d}`) || 0,
  }));

const dateArb = fc
  .record({
    year: fc.integer({ min: 1990, max: 2099 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const last = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
    const dd = Math.min(day, last);
    return `${year}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
  });

const ACTIONS = ['', '拨付', '完成', '支出', '完成验收', '开工建设', '下达', '执行'];
const actionArb = fc.constantFrom(...ACTIONS);

const deadlineArb: fc.Arbitrary<Deadline> = fc
  .record({ date: dateArb, action: actionArb, yearInferred: fc.boolean() })
  .map((d) => ({ kind: 'deadline' as const, ...d }));

const milestoneArb: fc.Arbitrary<Milestone> = fc.record({
  date: dateArb,
  action: actionArb,
  quantity: fc.option(quantityArb, { nil: null }),
});

// Documented normalisation: one milestone without a quantity is a deadline, not a schedule.
const scheduleArb: fc.Arbitrary<Schedule> = fc
  .array(milestoneArb, { minLength: 1, maxLength: 4 })
  .filter((ms) => ms.length > 1 || ms[0]!.quantity !== null)
  .map((milestones) => ({ kind: 'schedule' as const, milestones }));

describe('round trip: parseValue(toNotation(v)) equals v', () => {
  it('quantities', () => {
    fc.assert(
      fc.property(quantityArb, (v) => {
        expect(parseValue(toNotation(v))).toEqual(v);
      }),
      { numRuns: 3000 },
    );
  });

  it('deadlines (an inferred year comes back from the form year)', () => {
    fc.assert(
      fc.property(deadlineArb, (v) => {
        const year = Number(v.date.slice(0, 4));
        expect(parseValue(toNotation(v), { year })).toEqual(v);
      }),
      { numRuns: 2000 },
    );
  });

  it('schedules', () => {
    fc.assert(
      fc.property(scheduleArb, (v) => {
        expect(parseValue(toNotation(v))).toEqual(v);
      }),
      { numRuns: 2000 },
    );
  });
});

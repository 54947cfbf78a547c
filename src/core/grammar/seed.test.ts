import { describe, expect, it } from 'vitest';
import { seedForm } from '../../../test/fixtures/build-form.ts';

const seed = seedForm();

import { COMPARATOR_SIGN } from './comparator.ts';
import { parseValue } from './parse.ts';
import { count, MONEY, q, RATIO } from './test-values.ts';
import type { Quantity, QuotedNumber, Value } from './value.ts';

// Every target and actual cell of the seed form, with its meaning written by hand.

const deadline = (date: string, action: string): Value => ({
  kind: 'deadline',
  date,
  action,
  yearInferred: false,
});
const wan = (n: number) => q(null, n * 10_000, MONEY, '万元', n);

/** Structured cells: the exact value. */
const VALUES: Record<string, Value> = {
  '6900人次': q(null, 6900, count('人次'), '人次'),
  '9000人次': q(null, 9000, count('人次'), '人次'),
  '140家次': q(null, 140, count('家次'), '家次'),
  '150家次': q(null, 150, count('家次'), '家次'),
  '190个': q(null, 190, count('个'), '个'),
  '200个': q(null, 200, count('个'), '个'),
  '325人': q(null, 325, count('人'), '人'),
  '333人': q(null, 333, count('人'), '人'),
  '180项': q(null, 180, count('项'), '项'),
  '314项': q(null, 314, count('项'), '项'),
  不少于180篇: q('>=', 180, count('篇'), '篇'),
  '185篇': q(null, 185, count('篇'), '篇'),
  不少于50篇: q('>=', 50, count('篇'), '篇'),
  '50篇': q(null, 50, count('篇'), '篇'),
  不少于40篇: q('>=', 40, count('篇'), '篇'),
  '40篇': q(null, 40, count('篇'), '篇'),
  '2021年6月30日前拨付': deadline('2021-06-30', '拨付'),
  '2021年12月20日前拨付': deadline('2021-12-20', '拨付'),
  '2021年8月30日前拨付': deadline('2021-08-30', '拨付'),
  '2021年12月31日前拨付': deadline('2021-12-31', '拨付'),
  '2021年6月30日前支出94.87%，2021年12月31日前支出100%': {
    kind: 'schedule',
    milestones: [
      { date: '2021-06-30', action: '支出', quantity: q(null, 94.87, RATIO, '%') },
      { date: '2021-12-31', action: '支出', quantity: q(null, 100, RATIO, '%') },
    ],
  },
  '2021年12月31日前支出100%': {
    kind: 'schedule',
    milestones: [{ date: '2021-12-31', action: '支出', quantity: q(null, 100, RATIO, '%') }],
  },
  '2926万元': wan(2926),
  '2736万元': wan(2736),
  '2100万元': wan(2100),
  '676万元': wan(676),
  '486万元': wan(486),
  '150万元': wan(150),
  '≥90%': q('>=', 90, RATIO, '%'),
};

/** Prose cells: the quantities quoted, as `[comparator]amount unit`, in order. */
const NARRATIVES: Record<string, string[]> = {
  宣讲会有针对性: [],
  联合海外科技类协会: ['≥49000人次'],
  响应示范区企业: [],
  在海外建设中关村南非: ['≥20家', '15家'],
  对接海外高校院所: [],
  对接慕尼黑工业大学: ['200个', '14个'],
  引荐联络海外科技: [],
  搭建中关村论坛: ['4位', '31位', '26个', '15个', '221位', '51位', '12个'],
  组织海外前沿科技项目: [],
  举办海外项目线上路演: ['≥50个', '161个', '103个', '8个', '8个'],
  及时关注所在区域: [],
  报送所在国家: ['185篇', '24篇', '15篇', '62篇', '47篇', '37篇'],
  '连续关注所在区域和国家创新发展情况，撰写': [],
  '梳理19个驻外联络处所在国家（区域）优势': ['19个', '50篇'],
  '连续关注所在区域和国家创新发展情况，围绕': [],
  '梳理19个驻外联络处所在国家（区域）高校': ['19个', '40篇'],
  '270篇': ['270篇', '325位', '140家次'],
  '275篇': ['275篇', '333位', '61位', '14个', '2个', '≥20家', '140家次', '15家'],
  使6900人次: ['6900人次'],
  '使4.9万人次': ['49000人次', '15个', '>100000人次'],
  '180个海外技术': ['180个', '190个'],
  '180个团队或项目': ['180个', '13个', '8个', '200个', '14个'],
};

function brief(n: QuotedNumber): string {
  const c = n.quantity.comparator;
  return `${c ? COMPARATOR_SIGN[c] : ''}${n.quantity.amount}${n.quantity.unit?.symbol ?? n.quantity.unitText}`;
}

function narrativeKey(text: string): string | undefined {
  return Object.keys(NARRATIVES).find((k) => text.startsWith(k));
}

const cells = seed.indicators.flatMap((r) => [r.target, r.actual]);

describe('seed form cells', () => {
  it('every target and actual of the seed has a hand-written expectation', () => {
    const missing = cells.filter((t) => !(t in VALUES) && narrativeKey(t) === undefined);
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(VALUES))('%s', (text, expected) => {
    expect(parseValue(text, { year: seed.year })).toEqual(expected);
  });

  it.each(Object.entries(NARRATIVES))('narrative starting %s', (key, numbers) => {
    const text = cells.find((t) => t.startsWith(key));
    expect(text).toBeDefined();
    const v = parseValue(text!, { year: seed.year });
    expect(v.kind).toBe('narrative');
    if (v.kind !== 'narrative') return;
    expect(v.text).toBe(text);
    expect(v.numbers.map(brief)).toEqual(numbers);
    for (const n of v.numbers)
      expect(text!.startsWith(String(n.quantity.writtenAmount), n.offset)).toBe(true);
  });

  it('subjects are the words before the number', () => {
    const text = cells.find((t) => t.startsWith('报送所在国家'))!;
    const v = parseValue(text);
    expect(v.kind === 'narrative' && v.numbers.map((n) => n.subject)).toEqual([
      '最新科技成果及政策等信息',
      '政策创新',
      '基础研究',
      '人才与资本',
      '技术与应用',
      '产业化与商业形态',
    ]);
    const social = parseValue(cells.find((t) => t.startsWith('使4.9万人次'))!);
    expect(social.kind === 'narrative' && social.numbers[2]?.subject).toBe('在日流量');
  });

  it('the funds unit 万元 of the seed is normalised to 元', () => {
    const v = parseValue('2926万元') as Quantity;
    expect(v.amount / 10_000).toBe(seed.funds.total!.annualBudget);
  });
});

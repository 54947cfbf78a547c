import { describe, expect, it } from 'vitest';
import { profile } from '../../../test/fixtures/build-form.ts';
import { monitoringLights } from './index.ts';
import { monitoring } from './test-forms.ts';

const national = profile('national');
const shanxi = profile('shanxi');

describe('monitoring lights (lifecycle.md §4.2)', () => {
  it('a report on track is green throughout, with the reason shown', () => {
    const l = monitoringLights(monitoring(), national);
    expect(l.funds.total).toEqual({
      light: 'green',
      reason: '年度资金总额执行率45.00%，序时进度50.00%，为序时进度的90.00%（不低于80%，绿灯）',
    });
    expect(l.rows.map((r) => r?.light ?? null)).toEqual(['green', 'green', null, 'green', 'green', 'green']);
  });

  it('M01 bands: < 60 % of time progress red, 60–80 % yellow', () => {
    const m = monitoring();
    m.funds.total = { annualBudget: 200, executedToDate: 50, executionRate: 25 };
    m.funds.fiscal = { annualBudget: 180, executionRate: 35 };
    m.funds.other = { annualBudget: 20, executedToDate: 6 }; // 30 %: rate computed from the amounts
    const l = monitoringLights(m, national);
    expect(l.funds.total?.light).toBe('red');
    expect(l.funds.fiscal?.light).toBe('yellow');
    expect(l.funds.other?.light).toBe('yellow');
  });

  it('M02 higher-is-better: zero red, pro rata banded, blue at 120 % of the target (山西: of the pro-rata share)', () => {
    const at = (progress: string, p = national) =>
      monitoringLights(monitoring({}, [{ progress }]), p).rows[0]?.light;
    expect(at('0人次')).toBe('red');
    expect(at('3000人次')).toBe('red'); // 50 % of 6000
    expect(at('4200人次')).toBe('yellow'); // 70 %
    expect(at('6000人次')).toBe('green');
    expect(at('15000人次')).toBe('blue'); // 125 % of 12000
    expect(at('7500人次')).toBe('green');
    expect(at('7500人次', shanxi)).toBe('blue'); // 125 % of 6000
    expect(at('')).toBeUndefined();
  });

  it('M03 bounds and quality rows hold at any time; M04 ＝0; M05 qualitative tiers', () => {
    const rows = monitoringLights(
      monitoring({}, [
        {},
        { progress: '93%' },
        { progress: '2024年11月5日' },
        { progress: '16元/人次' },
        { progress: '未达成' },
      ]),
      national,
    ).rows;
    expect(rows.slice(0, 5).map((r) => r?.light)).toEqual(['green', 'red', 'red', 'red', 'red']);
    // a rate is a level reached, not pro-rated: 85 % against ≥ 90 % is red in June too
    const rate = monitoringLights(monitoring({}, [{}, {}, {}, {}, {}, { progress: '85%' }]), national)
      .rows[5];
    expect(rate?.light).toBe('red');
    const partial = monitoringLights(monitoring({}, [{}, {}, {}, {}, { progress: '部分达成' }]), national)
      .rows[4];
    expect(partial?.light).toBe('yellow');
    const zero = monitoring();
    zero.indicators[0] = { ...zero.indicators[0]!, name: '食品安全事故', target: '=0起', progress: '1起' };
    expect(monitoringLights(zero, national).rows[0]).toEqual({
      light: 'red',
      reason: '当前完成值1起，年度指标值=0起，不为0，红灯',
    });
    zero.indicators[0]!.progress = '0起';
    expect(monitoringLights(zero, national).rows[0]?.light).toBe('green');
  });
});

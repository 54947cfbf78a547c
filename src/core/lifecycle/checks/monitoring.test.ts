import { describe, expect, it } from 'vitest';
import { profile } from '../../../../test/fixtures/build-form.ts';
import type { Form } from '../../form/schema.ts';
import type { Profile } from '../../rules/profile.ts';
import { monitoring } from '../test-forms.ts';
import { checkMonitoring } from './monitoring.ts';

const national = profile('national');
const only = (form: Form, code: string, p: Profile = national) =>
  checkMonitoring(form, p).filter((f) => f.code === code);
const withCauses = (patch: Partial<Profile['lifecycle']['causes']>): Profile => ({
  ...national,
  lifecycle: { ...national.lifecycle, causes: { ...national.lifecycle.causes, ...patch } },
});

describe('monitoring checks (lifecycle.md §4.2)', () => {
  it('a report on track has no findings', () => {
    expect(checkMonitoring(monitoring(), national)).toEqual([]);
  });

  it('M01 red funds are a warning, yellow info; the period must be allowed', () => {
    const m = monitoring();
    m.funds.total = { annualBudget: 200, executionRate: 25 };
    m.funds.fiscal = { annualBudget: 180, executionRate: 35 };
    const f = only(m, 'M01');
    expect(f.map((x) => [x.field, x.severity])).toEqual([
      ['funds.total.executionRate', 'warning'],
      ['funds.fiscal.executionRate', 'info'],
    ]);
    expect(only(monitoring({ asOfMonth: 5 }), 'M01')[0]).toMatchObject({
      field: 'asOfMonth',
      evidence: { allowed: [6, 7, 8] },
    });
    const period = (m: Form, p: Profile) => only(m, 'M01', p).filter((f) => f.field === 'asOfMonth');
    expect(period(monitoring({ asOfMonth: 8 }), national)).toEqual([]);
    expect(period(monitoring({ asOfMonth: 8 }), profile('hubei'))).toHaveLength(1);
  });

  it('M02 a lagging count row', () => {
    const f = only(monitoring({}, [{ progress: '3000人次', deviationCauses: ['人员保障'] }]), 'M02');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ row: 0, severity: 'warning', field: 'indicators[0].progress' });
    expect(f[0]!.message).toContain('为序时应完成值的50.00%');
    expect(only(monitoring({}, [{ progress: '15000人次' }]), 'M02')[0]!.severity).toBe('info'); // blue
    expect(only(monitoring(), 'M02')).toEqual([]);
  });

  it('M03 a bound broken', () => {
    expect(
      only(monitoring({}, [{}, {}, {}, { progress: '16元/人次', deviationNote: '食材涨价' }]), 'M03'),
    ).toHaveLength(1);
    expect(only(monitoring({}, [{}, {}, {}, { progress: '15元/人次' }]), 'M03')).toEqual([]);
  });

  it('M04 ＝0 not held', () => {
    const m = monitoring({}, [
      { name: '食品安全事故', target: '=0起', progress: '1起', deviationNote: '一次轻微事故' },
    ]);
    expect(only(m, 'M04')).toHaveLength(1);
    m.indicators[0]!.progress = '0起';
    expect(only(m, 'M04')).toEqual([]);
  });

  it('M05 qualitative tiers', () => {
    expect(
      only(
        monitoring({}, [{}, {}, {}, {}, { progress: '部分达成', deviationNote: '两处助餐点未开' }]),
        'M05',
      )[0]!.severity,
    ).toBe('info');
    expect(only(monitoring({}, [{}, {}, {}, {}, { progress: '达成' }]), 'M05')).toEqual([]);
  });

  it('M06 likelihood outside the three words (不可能 accepted as printed)', () => {
    const f = only(monitoring({}, [{ likelihood: '大概能' }, { likelihood: '' }]), 'M06');
    expect(f.map((x) => x.row)).toEqual([0, 1]);
    expect(f[0]!.message).toBe(
      '产出指标 / 数量指标 / 助餐服务人次：完成目标可能性填写为“大概能”，应为“确定能”“有可能”或“完全不可能”。',
    );
    expect(only(monitoring({}, [{ likelihood: '不可能', deviationNote: '场地未落实' }]), 'M06')).toEqual([]);
  });

  it('M07 有可能 without causes or a way forward; 天津 any cause needs a note', () => {
    const bare = monitoring({}, [{ likelihood: '有可能', forecast: '' }]);
    expect(only(bare, 'M07')[0]!.evidence).toEqual({
      likelihood: '有可能',
      missing: ['偏差原因', '纠偏措施或全年预计完成情况'],
    });
    const explained = monitoring({ correctiveActions: '增设助餐点' }, [
      { likelihood: '有可能', deviationCauses: ['人员保障'] },
    ]);
    expect(only(explained, 'M07')).toEqual([]);
    const tianjin = withCauses({ noteForAnyCause: true });
    expect(only(explained, 'M07', tianjin)[0]!.field).toBe('indicators[0].deviationNote');
    explained.indicators[0]!.deviationNote = '厨师招聘滞后';
    expect(only(explained, 'M07', tianjin)).toEqual([]);
  });

  it('M08 a lit row without cause; the lights needing one are per profile', () => {
    const yellow = monitoring({}, [{ progress: '4200人次' }]);
    expect(only(yellow, 'M08')).toHaveLength(1);
    expect(only(yellow, 'M08', withCauses({ requiredFor: ['red'] }))).toEqual([]); // 宁夏
    expect(only(yellow, 'M08', profile('guangxi'))).toEqual([]);
    yellow.indicators[0]!.deviationCauses = ['人员保障'];
    expect(only(yellow, 'M08')).toEqual([]);
  });

  it('M09 确定能 on a red row', () => {
    const red = monitoring({}, [{ progress: '3000人次', likelihood: '确定能', deviationNote: '开工晚' }]);
    expect(only(red, 'M09')).toHaveLength(1);
    red.indicators[0]!.likelihood = '有可能';
    expect(only(red, 'M09')).toEqual([]);
  });
});

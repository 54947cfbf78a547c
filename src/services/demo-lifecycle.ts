import type { Form, Indicator } from '../core/form/schema.ts';
import { type OrgRecord, orgs } from '../store/index.ts';
import { type Actor, type AppContext, actorOf } from './context.ts';
import { createForm, saveForm } from './form-write.ts';
import { adjustDeclaration, createMonitoring, createSelfEvaluationFromTargets } from './lifecycle.ts';
import { transitionForm } from './workflow.ts';

// The demo's lifecycle (issue 11): one made-up project of 中关村创业服务中心 through its year —
// targets declared and approved, adjusted mid-year (version 2, approved), monitored for 1–7月, and
// self-evaluated from the approved targets with one target quietly lowered, so the cross-stage
// check has something to show. Every figure is invented; made through the services, as the
// users would make it.

export const DEMO_LIFECYCLE_PROJECT = '2024年中关村创业孵化服务补助项目';
/** What it adds: 2 declaration versions, 1 monitoring report, 1 self-evaluation … */
export const DEMO_LIFECYCLE_FORMS = 4;
/** … and the comment rows of their transitions: 4 per declaration version, 2 for the monitoring. */
export const DEMO_LIFECYCLE_COMMENTS = 10;

const row = (level1: string, level2: string, name: string, target: string, weight: number): Indicator => ({
  level1,
  level2,
  name,
  target,
  actual: '',
  weight,
  score: null,
  deviation: '',
});

const DECLARATION: Form = {
  kind: 'project-target-declaration',
  year: 2024,
  title: '项目支出绩效目标申报表',
  projectName: DEMO_LIFECYCLE_PROJECT,
  competentDepartment: '中关村科技园区管理委员会',
  implementingUnit: '中关村创业服务中心',
  projectLead: '王明',
  fundsUnit: '万元',
  startDate: '2024-01-01',
  endDate: '2024-12-31',
  funds: {
    total: { initialBudget: 300, annualBudget: 300 },
    fiscal: { initialBudget: 300, annualBudget: 300 },
    carryover: null,
    other: null,
  },
  goals: {
    expected: '为园区初创企业提供孵化场地、创业辅导和融资对接服务，全年辅导企业不少于 100 家。',
    actual: '',
  },
  indicators: [
    row('产出指标', '数量指标', '辅导初创企业数', '≥100家', 20),
    row('产出指标', '数量指标', '举办融资对接活动', '≥12场', 10),
    row('产出指标', '质量指标', '入孵企业存活率', '≥80%', 10),
    row('产出指标', '时效指标', '补助资金拨付时间', '2024年11月30日前', 10),
    row('产出指标', '成本指标', '每家企业辅导成本', '≤2万元', 10),
    row('效益指标', '社会效益指标', '带动就业人数', '≥500人', 20),
    row('满意度指标', '服务对象满意度指标', '入孵企业满意度', '≥90%', 10),
  ],
  totalWeight: 90,
  totalScore: null,
  version: 1,
};

const user = (id: string, username: string, displayName: string, role: Actor['role']) => ({
  id,
  username,
  displayName,
  role,
});

/** Seeds the lifecycle project (inside a freshly seeded demo: the orgs and users exist). */
export async function seedLifecycleDemo(ctx: AppContext): Promise<void> {
  const { db } = ctx.store;
  const org = async (id: string): Promise<OrgRecord> => (await orgs.get(db, id))!;
  const unit = actorOf(
    user('demo-user-unit2', 'chuangye', '创业服务中心填报人', 'unit-filler'),
    await org('demo-zgc-cyzx'),
  );
  const dept = actorOf(
    user('demo-user-dept', 'zhuguan', '中关村管委会审核人', 'department-reviewer'),
    await org('demo-zgc'),
  );
  const finance = actorOf(
    user('demo-user-finance', 'caizheng', '财政局审核人', 'finance-reviewer'),
    await org('demo-bj-czj'),
  );

  const approve = async (id: string, documentNo: string, date: string, opinion: string) => {
    await transitionForm(ctx, unit, id, { action: 'submit' }, null);
    await transitionForm(ctx, dept, id, { action: 'review', grade: '优', comment: opinion }, null);
    await transitionForm(
      ctx,
      finance,
      id,
      { action: 'review', grade: '良', comment: '成本指标测算依据请补充' },
      null,
    );
    await transitionForm(ctx, finance, id, { action: 'approve', approval: { documentNo, date } }, null);
  };

  // 1. 年初申报，审核，随预算批复
  const v1 = await createForm(ctx, unit, { form: DECLARATION, orgId: 'demo-zgc-cyzx' });
  await approve(v1.id, '京财预〔2024〕12号', '2024-03-15', '目标明确，同意报送');

  // 2. 年中追加预算 60 万元，辅导企业数目标随之提高：第 2 版
  const adj = await adjustDeclaration(ctx, unit, v1.id, {
    trigger: '年中追加',
    reason: '年中追加预算 60 万元，扩大孵化规模，辅导初创企业数由 100 家提高到 130 家',
    budgetAdjustmentRef: '京财预〔2024〕88号',
  });
  const v2Form = JSON.parse(Buffer.from(adj.data).toString('utf8')) as Form;
  const v2: Form = {
    ...v2Form,
    funds: {
      ...v2Form.funds,
      total: { initialBudget: 300, annualBudget: 360 },
      fiscal: { initialBudget: 300, annualBudget: 360 },
    },
    indicators: v2Form.indicators.map((r) => (r.name === '辅导初创企业数' ? { ...r, target: '≥130家' } : r)),
  };
  await saveForm(ctx, unit, adj.id, adj.revision, { form: v2, note: '追加预算后调整目标' });
  await approve(adj.id, '京财预〔2024〕89号', '2024-07-20', '同意按追加预算调整目标');

  // 3. 1–7月 运行监控
  const m = await createMonitoring(ctx, unit, v1.projectId, {
    year: 2024,
    asOfMonth: 7,
    monitoringType: '部门监控',
  });
  const mForm = JSON.parse(Buffer.from(m.data).toString('utf8')) as Form;
  const progress: Record<string, [string, string, string]> = {
    辅导初创企业数: ['68家', '130家', '确定能'],
    举办融资对接活动: ['5场', '12场', '确定能'],
    入孵企业存活率: ['82%', '82%', '确定能'],
    补助资金拨付时间: ['未拨付', '2024年11月30日前', '确定能'],
    每家企业辅导成本: ['1.8万元', '1.9万元', '确定能'],
    带动就业人数: ['210人', '450人', '有可能'],
    入孵企业满意度: ['未开展', '≥90%', '确定能'],
  };
  const monitored: Form = {
    ...mForm,
    funds: {
      ...mForm.funds,
      total: { ...mForm.funds.total, executedToDate: 150, forecastExecuted: 350 },
      fiscal: { ...mForm.funds.fiscal, executedToDate: 150, forecastExecuted: 350 },
    },
    goals: { ...mForm.goals, progress: '已辅导初创企业 68 家，举办融资对接活动 5 场。' },
    indicators: mForm.indicators.map((r) => {
      const p = progress[r.name];
      if (!p) return r;
      const [done, forecast, likelihood] = p;
      return likelihood === '有可能'
        ? {
            ...r,
            progress: done,
            forecast,
            likelihood,
            deviationCauses: ['市场环境变化'],
            deviationNote: '部分入孵企业缩减招聘计划',
          }
        : { ...r, progress: done, forecast, likelihood };
    }),
    correctiveActions: '加强与园区企业的招聘对接，下半年举办两场专场招聘会。',
  };
  await saveForm(ctx, unit, m.id, m.revision, { form: monitored, note: '填报 1–7月 执行情况' });
  await transitionForm(ctx, unit, m.id, { action: 'submit' }, null);
  await transitionForm(ctx, dept, m.id, { action: 'approve' }, null);

  // 4. 年度自评：按批复目标预填，填写实际完成值；一个目标被悄悄改低（跨阶段核对会指出）
  const s = await createSelfEvaluationFromTargets(ctx, unit, v1.projectId, { year: 2024 });
  const sForm = JSON.parse(Buffer.from(s.data).toString('utf8')) as Form;
  const actuals: Record<string, [string, number]> = {
    辅导初创企业数: ['118家', 17],
    举办融资对接活动: ['12场', 10],
    入孵企业存活率: ['83%', 10],
    补助资金拨付时间: ['2024年11月20日', 10],
    每家企业辅导成本: ['1.9万元', 10],
    带动就业人数: ['470人', 18],
    入孵企业满意度: ['93%', 10],
  };
  const self: Form = {
    ...sForm,
    funds: {
      ...sForm.funds,
      total: { ...sForm.funds.total, executed: 342, weight: 10, executionRate: 95, score: 9.5 },
      fiscal: { ...sForm.funds.fiscal, executed: 342, executionRate: 95 },
    },
    goals: { ...sForm.goals, actual: '全年辅导初创企业 118 家，举办融资对接活动 12 场，带动就业 470 人。' },
    indicators: sForm.indicators.map((r) => {
      const a = actuals[r.name];
      if (!a) return r;
      const [actual, score] = a;
      // the approved 2nd version says ≥130家; the self-evaluation reports against ≥110家
      const target = r.name === '辅导初创企业数' ? '≥110家' : r.target;
      const deviation = r.name === '带动就业人数' ? '部分入孵企业缩减招聘计划' : '';
      return { ...r, target, actual, score, deviation };
    }),
    totalWeight: 100,
    totalScore: 94.5,
  };
  await saveForm(ctx, unit, s.id, s.revision, { form: self, note: '填写年度实际完成情况' });
}

// A generator of realistic synthetic self-evaluation forms (issue 4 §7): an org tree of finance
// bureau → 40 departments → ~1,000 units, projects reported over six years, 8–30 indicator rows
// with the usual level-1/level-2 split, budgets, execution rates, self-scores with the typical
// shortfalls and slips. Deterministic for a seed.
import type { Form, Indicator } from '../src/core/form/schema.ts';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

const DEPARTMENT_NAMES = [
  '教育委员会',
  '科学技术委员会',
  '卫生健康委员会',
  '民政局',
  '人力资源和社会保障局',
  '生态环境局',
  '住房和城乡建设委员会',
  '交通委员会',
  '农业农村局',
  '水务局',
  '商务局',
  '文化和旅游局',
  '体育局',
  '统计局',
  '市场监督管理局',
  '园林绿化局',
  '城市管理委员会',
  '应急管理局',
  '司法局',
  '财政局本级',
];
const UNIT_SUFFIXES = [
  '本级',
  '信息中心',
  '服务中心',
  '研究院',
  '监测站',
  '事务中心',
  '培训中心',
  '宣传中心',
  '管理处',
  '第一分局',
];
const TOPICS = [
  '信息化建设',
  '人才培养',
  '设施维护',
  '专项补助',
  '宣传推广',
  '监测评估',
  '应急保障',
  '课题研究',
  '公共服务',
  '运行保障',
  '技术推广',
  '能力提升',
];

type RowSpec = {
  level1: string;
  level2: string;
  names: string[];
  kind: 'count' | 'percent' | 'deadline' | 'cost' | 'quality';
};
const ROWS: RowSpec[] = [
  {
    level1: '产出指标',
    level2: '数量指标',
    names: [
      '培训人次',
      '覆盖单位数',
      '完成项目数',
      '发放补助户数',
      '举办活动场次',
      '采购设备台数',
      '服务对象人数',
      '调研报告篇数',
    ],
    kind: 'count',
  },
  {
    level1: '产出指标',
    level2: '质量指标',
    names: ['验收合格率', '设备完好率', '数据准确率', '培训合格率', '问题整改率'],
    kind: 'percent',
  },
  {
    level1: '产出指标',
    level2: '时效指标',
    names: ['项目完成时间', '资金拨付时间', '采购完成时间'],
    kind: 'deadline',
  },
  {
    level1: '产出指标',
    level2: '成本指标',
    names: ['项目总成本', '人均培训成本', '单位运维成本'],
    kind: 'cost',
  },
  {
    level1: '效益指标',
    level2: '社会效益指标',
    names: ['服务群众满意程度提升', '公共服务水平', '政策知晓率'],
    kind: 'quality',
  },
  { level1: '效益指标', level2: '经济效益指标', names: ['带动社会投资', '节约运行成本'], kind: 'count' },
  { level1: '效益指标', level2: '可持续影响指标', names: ['长效机制建立', '制度完善程度'], kind: 'quality' },
  {
    level1: '满意度指标',
    level2: '服务对象满意度指标',
    names: ['服务对象满意度', '参训人员满意度'],
    kind: 'percent',
  },
];

export type SyntheticOrg = {
  id: string;
  parent: string | null;
  name: string;
  kind: 'finance' | 'department' | 'unit';
};

/** The org tree: one finance bureau, 40 departments, ~1,000 units. */
export function syntheticOrgs(seed = 1): SyntheticOrg[] {
  const rand = rng(seed);
  const out: SyntheticOrg[] = [{ id: 'syn-root', parent: null, name: '某省财政厅', kind: 'finance' }];
  for (let d = 0; d < 40; d++) {
    const dept = {
      id: `syn-d${d}`,
      parent: 'syn-root',
      name: `某省${DEPARTMENT_NAMES[d % DEPARTMENT_NAMES.length]}${d >= DEPARTMENT_NAMES.length ? '（二）' : ''}`,
      kind: 'department' as const,
    };
    out.push(dept);
    const units = 5 + Math.floor(rand() * 40);
    for (let u = 0; u < units; u++) {
      out.push({
        id: `syn-d${d}-u${u}`,
        parent: dept.id,
        name: `${dept.name}${UNIT_SUFFIXES[u % UNIT_SUFFIXES.length]}${u >= UNIT_SUFFIXES.length ? u : ''}`,
        kind: 'unit',
      });
    }
  }
  return out;
}

function row(rand: () => number, spec: RowSpec, name: string, weight: number, year: number): Indicator {
  const missed = rand() < 0.15;
  const ratio = missed ? 0.5 + rand() * 0.45 : 1 + (rand() < 0.1 ? rand() * 0.6 : 0);
  let target: string;
  let actual: string;
  let score = r2(weight * Math.min(1, ratio));
  switch (spec.kind) {
    case 'count': {
      const t = Math.round(10 + rand() * 990);
      const unit = ['人次', '个', '场', '户', '篇', '台'][Math.floor(rand() * 6)]!;
      target = `≥${t}${unit}`;
      actual = `${Math.round(t * ratio)}${unit}`;
      break;
    }
    case 'percent': {
      const t = [80, 85, 90, 95, 98, 100][Math.floor(rand() * 6)]!;
      target = `≥${t}%`;
      actual = `${r2(Math.min(100, t * ratio))}%`;
      break;
    }
    case 'deadline': {
      const month = 6 + Math.floor(rand() * 7);
      target = `${year}年${month}月底前`;
      actual = missed ? `${year}年${Math.min(12, month + 1)}月完成` : `${year}年${month}月完成`;
      if (missed) score = r2(weight * 0.7);
      break;
    }
    case 'cost': {
      const t = Math.round(20 + rand() * 2000);
      target = `≤${t}万元`;
      actual = `${r2(t * (missed ? 1.1 + rand() * 0.3 : 0.8 + rand() * 0.2))}万元`;
      break;
    }
    default:
      target = missed ? '达成年度指标' : ['达成年度指标', '效果明显', '逐步完善'][Math.floor(rand() * 3)]!;
      actual = missed ? '部分达成年度指标并具有一定效果' : '达成年度指标';
      if (missed) score = r2(weight * 0.7);
  }
  return {
    level1: spec.level1,
    level2: spec.level2,
    name,
    target,
    actual,
    weight,
    score,
    deviation: missed ? '受客观因素影响未完全达成，下一年度加强组织实施。' : '',
  };
}

/** One form: deterministic in (seed, index). */
export function syntheticForm(
  seed: number,
  index: number,
  unit: SyntheticOrg,
  department: SyntheticOrg,
  project: string,
  year: number,
): Form {
  const rand = rng(seed * 1_000_003 + index);
  const rows = 8 + Math.floor(rand() * 23);
  const specs: RowSpec[] = [];
  for (let i = 0; i < rows; i++) specs.push(ROWS[i < 4 ? i : Math.floor(rand() * ROWS.length)]!);
  specs.sort((a, b) => ROWS.indexOf(a) - ROWS.indexOf(b));
  const level1Weight: Record<string, number> = { 产出指标: 50, 效益指标: 30, 满意度指标: 10 };
  const counts = new Map<string, number>();
  for (const s of specs) counts.set(s.level1, (counts.get(s.level1) ?? 0) + 1);
  if (!counts.has('满意度指标')) level1Weight['效益指标'] = 40;
  const indicators = specs.map((s) => {
    const w = r2((level1Weight[s.level1] ?? 10) / counts.get(s.level1)!);
    return row(rand, s, s.names[Math.floor(rand() * s.names.length)]!, w, year);
  });
  const budget = r2(10 + rand() * 3000);
  const rate = Math.min(1.02, 0.45 + rand() * 0.3 + rand() * 0.3);
  const executed = r2(budget * rate);
  const executionRate = r2((executed / budget) * 100);
  const fundsScore = r2(Math.min(1, rate) * 10);
  const selfTotal = r2(
    fundsScore + indicators.reduce((a, x) => a + (x.score ?? 0), 0) + (rand() < 0.05 ? 1 : 0),
  );
  return {
    kind: 'project-self-evaluation',
    year,
    title: '项目支出绩效自评表',
    projectName: project,
    competentDepartment: department.name,
    implementingUnit: unit.name,
    projectLead: '张三',
    phone: '010-12345678',
    fundsUnit: '万元',
    funds: {
      total: {
        initialBudget: budget,
        annualBudget: budget,
        executed,
        weight: 10,
        executionRate,
        score: fundsScore,
      },
      fiscal: { initialBudget: budget, annualBudget: budget, executed, executionRate },
      carryover: null,
      other: null,
    },
    goals: {
      expected: `完成${project}年度各项任务。`,
      actual: `已完成${project}主要任务，执行率${executionRate}%。`,
    },
    indicators,
    totalWeight: 100,
    totalScore: selfTotal,
  };
}

export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];

/** `count` forms: each project is reported for consecutive years, spread over the units. */
export function* syntheticForms(
  count: number,
  seed = 1,
): Generator<{ unit: SyntheticOrg; projectName: string; form: Form }> {
  const orgs = syntheticOrgs(seed);
  const units = orgs.filter((o) => o.kind === 'unit');
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const rand = rng(seed);
  let made = 0;
  for (let p = 0; made < count; p++) {
    const unit = units[Math.floor(rand() * units.length)]!;
    const department = byId.get(unit.parent!)!;
    const projectName = `${unit.name}${TOPICS[p % TOPICS.length]}项目${p}`;
    const first = Math.floor(rand() * 3);
    for (let y = first; y < YEARS.length && made < count; y++) {
      yield { unit, projectName, form: syntheticForm(seed, made, unit, department, projectName, YEARS[y]!) };
      made++;
    }
  }
}

import type { FormKind } from '../form/schema.ts';

// Kind detection from the printed title (lifecycle.md §2). The order matters: 湖北's self-evaluation
// is titled 项目绩效目标自评表, which holds 绩效目标 too, and a department form is a 自评表 as well.

const SPACE = /[\s\u3000]+/g;

export function kindFromTitle(title: string): FormKind | null {
  const t = title.replace(SPACE, '');
  if (t === '') return null;
  if (/部门整体(支出)?绩效(目标)?自评/.test(t) || (t.includes('部门整体') && t.includes('自评'))) {
    return 'department-self-evaluation';
  }
  if (/运行监控|绩效监控|监控(情况)?表/.test(t)) return 'project-monitoring';
  if (t.includes('自评')) return 'project-self-evaluation';
  if (/绩效目标(申报|审核|审批|批复|调整)?表|目标申报/.test(t)) return 'project-target-declaration';
  return null;
}

import type { Indicator } from '../form/schema.ts';

// Some templates (the 决策–过程–产出–效益 framework of 财预〔2020〕10号's common indicators) mix
// 项目决策 / 项目管理 groups into the indicator table beside 项目产出 / 项目效益. Their rows judge how
// the project was run (`目标明确、内容细化`); their targets are usually a dash. rules.md §1.4: an actual
// the rules cannot measure is a judgement row. These names are how such rows are recognised.

/** Level-1 groups of process rows: 项目决策, 项目管理, 项目过程, 过程 (weight labels aside). */
const PROCESS_LEVEL1 = /决策|过程|管理/;
/** Level-2 groups that only occur under 决策 / 管理, for rows whose level-1 cell is blank or garbled. */
const PROCESS_LEVEL2 =
  /^(项目)?(立项|绩效目标|资金投入|投入管理|财务管理|业务管理|组织实施|资金管理|项目管理|过程管理|制度建设)/;

/** Whether a row belongs to a 项目决策 / 项目管理 group. */
export function isProcessRow(indicator: Pick<Indicator, 'level1' | 'level2'>): boolean {
  return PROCESS_LEVEL1.test(indicator.level1) || PROCESS_LEVEL2.test(indicator.level2);
}

/** Whether a level-1 name (as printed, weight label aside) is a process group. */
export const isProcessLevel1 = (level1: string): boolean => PROCESS_LEVEL1.test(level1);

import type { Form } from '../form/schema.ts';
import type { Profile } from '../rules/profile.ts';
import { round2 } from '../scoring/round.ts';
import { type Light, monitoringLights } from './lights.ts';
import { toWan } from './values.ts';

// lifecycle.md §2.3 and the "department level": beside the 部门整体支出绩效自评表, what the
// department's own project forms add up to, and which monitored rows are lit (a warning list).

export type ProjectAggregate = {
  /** project self-evaluations counted. */
  projects: number;
  /** in 万元. */
  annualBudget: number;
  executed: number;
  /** executed ÷ annualBudget in percent, null without a budget. */
  executionRate: number | null;
  /** mean of the printed 总分 over forms that print one. */
  averageSelfTotal: number | null;
};

export function aggregateProjects(forms: readonly Form[]): ProjectAggregate {
  const projects = forms.filter((f) => f.kind === 'project-self-evaluation');
  let annualBudget = 0;
  let executed = 0;
  const totals: number[] = [];
  for (const f of projects) {
    annualBudget += toWan(f.funds.total?.annualBudget, f) ?? 0;
    executed += toWan(f.funds.total?.executed, f) ?? 0;
    if (f.totalScore !== null) totals.push(f.totalScore);
  }
  return {
    projects: projects.length,
    annualBudget: round2(annualBudget),
    executed: round2(executed),
    executionRate: annualBudget > 0 ? round2((executed / annualBudget) * 100) : null,
    averageSelfTotal: totals.length > 0 ? round2(totals.reduce((a, b) => a + b, 0) / totals.length) : null,
  };
}

export type Warning = {
  projectName: string;
  projectCode: string | null;
  asOfMonth: number | null;
  /** `funds.total` for a funds light, else the indicator row. */
  field: string;
  row: number | null;
  name: string;
  light: Exclude<Light, 'green'>;
  reason: string;
};

const rank = (l: Light): number => (l === 'red' ? 0 : l === 'yellow' ? 1 : 2);

/** A department's warning list: every non-green light of its monitoring reports, red first. */
export function warningList(forms: readonly Form[], profile: Profile): Warning[] {
  const out: Warning[] = [];
  for (const f of forms) {
    if (f.kind !== 'project-monitoring') continue;
    const lights = monitoringLights(f, profile);
    const base = {
      projectName: f.projectName,
      projectCode: f.projectCode ?? null,
      asOfMonth: f.asOfMonth ?? null,
    };
    for (const [key, reading] of Object.entries(lights.funds))
      if (reading && reading.light !== 'green')
        out.push({
          ...base,
          field: `funds.${key}`,
          row: null,
          name: '资金执行',
          light: reading.light,
          reason: reading.reason,
        });
    lights.rows.forEach((reading, row) => {
      if (reading && reading.light !== 'green')
        out.push({
          ...base,
          field: `indicators[${row}]`,
          row,
          name: f.indicators[row]!.name,
          light: reading.light,
          reason: reading.reason,
        });
    });
  }
  return out.sort((a, b) => rank(a.light) - rank(b.light));
}

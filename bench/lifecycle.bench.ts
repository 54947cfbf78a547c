import { evaluateForm } from '../src/core/evaluate.ts';
import { checkStages, lifecycleFindings } from '../src/core/lifecycle/index.ts';
import { adjusted, declaration, monitoring, selfEvaluation } from '../src/core/lifecycle/test-forms.ts';
import { loadProfile } from '../src/services/profiles.ts';
import { compare, fmt } from './measure.ts';

/**
 * Issue 11: `jixiao stages` on one project's chain (two declaration versions, a monitoring report, the
 * self-evaluation: X01–X16 plus each form's T/M checks) against scoring and auditing the
 * self-evaluation alone, the work every form already gets.
 */
export function benchLifecycle(): string[] {
  const profile = loadProfile('national');
  if (!profile.ok) throw new Error(profile.reason);
  const chain = [
    declaration({ status: 'superseded' }),
    adjusted(),
    monitoring({}, [{ progress: '4200人次', deviationCauses: ['人员保障'] }]),
    selfEvaluation({ targetVersion: 2 }, [
      { target: '≥15000人次', initialTarget: '≥12000人次', actual: '14000人次' },
    ]),
  ];
  const self = chain[3]!;
  let sink = 0;
  const baseline = () => {
    const { score, findings } = evaluateForm(self, profile.value);
    sink += (score.ruleTotal ?? 0) + findings.length;
  };
  const candidate = () => {
    sink += checkStages(chain, profile.value).length;
    for (const f of chain) sink += lifecycleFindings(f, profile.value).length;
  };
  const r = compare(candidate, baseline);
  if (sink === 0) throw new Error('benchmark did no work');
  return [
    `| 一个项目的四张表 跨阶段核对+各表目标质量/监控检查（单核） | ${fmt(r.candidate)} 次/秒 | 自评表评分+审核 ${fmt(r.baseline)} 次/秒 | ${((r.candidate / r.baseline) * 100).toFixed(1)}% | — |`,
  ];
}

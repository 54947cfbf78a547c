import type { Finding } from '../audit/types.ts';
import type { Form } from '../form/schema.ts';
import type { Profile } from '../rules/profile.ts';
import { checkDepartmentFunds } from './checks/cross-stage.ts';
import { checkMonitoring } from './checks/monitoring.ts';
import { checkTargets } from './checks/target-quality.ts';
import { sortFindings } from './finding.ts';

// The lifecycle's public API (lifecycle.md; the shared lifecycle contract of issue 11). Everything
// else in this folder is internal.

export { checkStages } from './checks/cross-stage.ts';
export { checkMonitoring } from './checks/monitoring.ts';
export { checkTargets } from './checks/target-quality.ts';
export {
  aggregateProjects,
  type ProjectAggregate,
  type Warning,
  warningList,
} from './department-aggregate.ts';
export { type DepartmentScore, departmentGrade, scoreDepartment } from './department-score.ts';
export { type DeclarationDiff, diffDeclarations, type FieldChange } from './diff.ts';
export { derivedId, withIndicatorIds } from './ids.ts';
export { kindFromTitle } from './kind.ts';
export { type Light, type LightReading, type MonitoringLights, monitoringLights } from './lights.ts';
export { prefillMonitoring, prefillSelfEvaluation } from './prefill.ts';
export { latestApproved, versionInForce, wasApproved } from './versions.ts';
export {
  applyReview,
  approveVersion,
  REVIEW_OUTCOMES,
  type ReviewOutcome,
  startAdjustment,
} from './workflow.ts';

/**
 * The single-form lifecycle checks for a form's kind: target quality on a declaration (§4.1),
 * monitoring warnings on a monitoring report (§4.2), X15 on a department form (§4.3). A
 * self-evaluation keeps the audit it has (audit-form.ts); its lifecycle checks need the other
 * stages (checkStages).
 */
export function lifecycleFindings(form: Form, profile: Profile): Finding[] {
  switch (form.kind) {
    case 'project-target-declaration':
      return sortFindings(checkTargets(form, profile));
    case 'project-monitoring':
      return sortFindings(checkMonitoring(form, profile));
    case 'department-self-evaluation':
      return sortFindings(checkDepartmentFunds(form, profile));
    case 'project-self-evaluation':
      return [];
  }
}

import type { FormSummary } from '../../../../src/contract/forms.ts';
import type { RiskRow } from '../../../../src/core/report/risk.ts';

// 抽查 ranking: the core's (src/core/report/risk.ts), so the dashboard and the spot-check report
// rank forms alike.

export {
  RISK_WEIGHTS,
  type RiskReason,
  riskOf,
  spotCheckList,
} from '../../../../src/core/report/risk.ts';

export type SpotCheckRow = RiskRow<FormSummary>;

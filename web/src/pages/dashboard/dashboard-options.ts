import type { EChartsOption } from 'echarts';
import type { Dashboard } from '../../../../src/contract/dashboard.ts';
import type { FormSummary } from '../../../../src/contract/forms.ts';
import * as core from '../../../../src/core/report/chart-options.ts';
import type { Strings } from '../../app/strings.ts';

type Words = Strings['charts'];

// The dashboard's chart options: the core's builders (src/core/report/chart-options.ts), which
// the spot-check report draws on the server too, typed as ECharts options for the browser.

const typed = (o: Record<string, unknown>): EChartsOption => o as EChartsOption;

export const gradeOption = (counts: Dashboard['gradeCounts'], w: Words) => typed(core.gradeOption(counts, w));

export const histogramOption = (
  buckets: Dashboard['executionRate'],
  w: Words,
  opts: {
    color: string;
    xName: string;
    highlight?: (b: Dashboard['executionRate'][number]) => string | null;
  },
) => typed(core.histogramOption(buckets, w, opts));

export const executionRateOption = (buckets: Dashboard['executionRate'], w: Words) =>
  typed(core.executionRateOption(buckets, w, w.executionAxis));

export const leniencyOption = (buckets: Dashboard['selfMinusRule'], w: Words) =>
  typed(core.leniencyOption(buckets, w, w.leniencyAxis));

export const leniencyScatterOption = (forms: readonly FormSummary[], w: Words) =>
  typed(core.leniencyScatterOption(forms, w));

export const mostMissedOption = (list: Dashboard['mostMissed'], w: Words) =>
  typed(core.mostMissedOption(list, w));

export const familyOption = (list: Dashboard['findingsByFamily'], labels: Record<string, string>, w: Words) =>
  typed(core.familyOption(list, labels, w));

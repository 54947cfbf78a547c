// The core build (no full echarts inside), as ES module: lib/core is CommonJS and its default
// export arrives wrapped under Vite.

import type { EChartsOption } from 'echarts';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { CHART_FONT, echarts, PALETTE } from './echarts.ts';

/** One chart; the option is plain data, built by the pure functions beside each page. */
export function Chart({
  option,
  height = 260,
  label,
}: {
  option: EChartsOption;
  height?: number;
  label: string;
}) {
  return (
    <figure className="chart-figure" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ color: PALETTE, textStyle: { fontFamily: CHART_FONT }, animationDuration: 300, ...option }}
        style={{ height, width: '100%' }}
        notMerge
        lazyUpdate
      />
    </figure>
  );
}

import { Tooltip } from 'antd';

/** A 序时进度预警 light (lifecycle.md §4.2) with its reason, in Chinese as core gives it. */
export type RowLight = { light: 'red' | 'yellow' | 'green' | 'blue'; reason: string };

const NAMES = { red: '红灯', yellow: '黄灯', green: '绿灯', blue: '蓝灯' } as const;

export function LightDot({ reading, testId }: { reading: RowLight | null; testId?: string }) {
  if (!reading) return <span className="dash">—</span>;
  return (
    <Tooltip title={reading.reason}>
      <span className={`light light-${reading.light}`} data-testid={testId} data-light={reading.light}>
        <span className="light-dot" aria-hidden />
        <span className="light-name">{NAMES[reading.light]}</span>
        <span className="light-reason print-only">{reading.reason}</span>
      </span>
    </Tooltip>
  );
}

import { z } from 'zod';
import { FINDING_FAMILIES } from '../core/audit/types.ts';

/** A finding of the audit or of the lifecycle checks (core/audit/types.ts Finding). */
export const findingSchema = z.object({
  code: z.string(),
  family: z.enum(FINDING_FAMILIES),
  severity: z.enum(['error', 'warning', 'info']),
  row: z.number().int().optional(),
  rows: z.array(z.number().int()).optional(),
  field: z.string(),
  message: z.string(),
  evidence: z.record(z.string(), z.unknown()),
});

export const FINDING_FAMILY_LABELS: Record<z.infer<typeof findingSchema>['family'], string> = {
  arithmetic: '算术',
  structure: '结构',
  scoring: '评分',
  'cross-field': '字段间',
  narrative: '叙述',
  value: '取值',
  'target-quality': '目标质量',
  monitoring: '运行监控',
  'cross-stage': '跨阶段',
};

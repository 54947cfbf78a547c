import type { AnalysedRow } from '../../analysis/analyse-form.ts';
import type { Unparsed } from '../../grammar/value.ts';
import { type Check, type Finding, rowField } from '../types.ts';

function finding(
  row: AnalysedRow,
  field: 'target' | 'actual',
  code: string,
  severity: Finding['severity'],
  message: string,
  evidence: Record<string, unknown> = {},
): Finding {
  return {
    code,
    family: 'value',
    severity,
    row: row.index,
    field: rowField(row.index, field),
    message,
    evidence,
  };
}

/** The row as messages name it. Made only for a finding: most rows have none. */
function rowName(row: AnalysedRow): string {
  return `指标“${row.indicator.name || `第 ${row.index + 1} 行`}”`;
}

function unparsed(row: AnalysedRow, field: 'target' | 'actual', v: Unparsed): Finding {
  const text = row.indicator[field];
  return finding(
    row,
    field,
    'value.unparsed',
    'info',
    `${rowName(row)}${field === 'target' ? '年度指标值' : '实际完成值'}“${text}”无法识别：${v.reason}。`,
    { text, reason: v.reason },
  );
}

/** rules.md §3, §5 value: problems in a single value cell. */
export const valueProblems: Check = {
  id: 'value.cells',
  family: 'value',
  source: 'rules.md §3, §5 (value)',
  run({ analysed, score }) {
    const out: Finding[] = [];
    const { rows } = analysed;
    if (rows.length > 0 && rows.every((r) => r.target.kind === 'blank' && r.actual.kind === 'blank')) {
      return [
        {
          code: 'value.form-empty',
          family: 'value',
          severity: 'error',
          field: 'indicators',
          message: `全部 ${rows.length} 个指标的年度指标值和实际完成值均未填写。`,
          evidence: { rows: rows.length },
        },
      ];
    }
    for (const row of rows) {
      const { indicator: ind, target, actual } = row;
      // A 项目决策 / 项目管理 row has no numeric target (a dash): it is a judgement row, not a target
      // that was never filled in (scoring/row-rules/process.ts, rules.md §1.4).
      if (target.kind === 'placeholder' && !row.process) {
        out.push(
          finding(
            row,
            'target',
            'value.placeholder-target',
            'error',
            `${rowName(row)}年度指标值为占位符“${target.text}”，目标从未填写。`,
            { target: ind.target },
          ),
        );
      }
      if (actual.kind === 'blank' && target.kind !== 'not-applicable') {
        out.push(
          finding(
            row,
            'actual',
            'value.blank-actual',
            'error',
            `${rowName(row)}实际完成值为空；未完成应如实填写，不适用应明确标注“不适用”。`,
          ),
        );
      }
      if (actual.kind === 'placeholder') {
        out.push(
          finding(
            row,
            'actual',
            'value.placeholder-actual',
            'error',
            `${rowName(row)}实际完成值为占位符“${actual.text}”。`,
            { actual: ind.actual },
          ),
        );
      }
      if (actual.kind === 'quantity' && actual.comparator !== null) {
        const copied = ind.actual.replace(/\s/g, '') === ind.target.replace(/\s/g, '');
        out.push(
          finding(
            row,
            'actual',
            'value.actual-is-bound',
            'warning',
            `${rowName(row)}实际完成值“${ind.actual}”是区间写法${copied ? '（与年度指标值完全相同）' : ''}，应填写实际测得的数值（如调查得出的具体百分比）。`,
            { actual: ind.actual, target: ind.target, copiedFromTarget: copied },
          ),
        );
      }
      const rowScore = score.rows[row.index];
      if (rowScore?.facts?.unitMismatch) {
        const { target: tu, actual: au } = rowScore.facts.unitMismatch;
        out.push(
          finding(
            row,
            'actual',
            'value.unit-mismatch',
            'error',
            `${rowName(row)}年度指标值“${ind.target}”单位为“${tu || '无'}”，实际完成值“${ind.actual}”单位为“${au || '无'}”，单位不一致，无法评分。`,
            {
              target: ind.target,
              actual: ind.actual,
            },
          ),
        );
      }
      if (
        target.kind === 'quantity' &&
        target.unit?.dimension === 'ratio' &&
        target.amount > 100 &&
        target.comparator !== '<=' &&
        target.comparator !== '<'
      ) {
        out.push(
          finding(
            row,
            'target',
            'value.percent-above-100',
            'warning',
            `${rowName(row)}年度指标值“${ind.target}”是超过 100% 的百分比，可能是比较符被误识（如“≥90%”识成“290%”）。`,
            { target: ind.target },
          ),
        );
      }
      if (
        row.isCost &&
        target.kind === 'quantity' &&
        target.unit !== null &&
        target.unit.dimension !== 'money'
      ) {
        out.push(
          finding(
            row,
            'target',
            'value.cost-not-money',
            'warning',
            `${rowName(row)}是成本指标，年度指标值“${ind.target}”的单位却是“${target.unitText}”而非金额。`,
            { target: ind.target },
          ),
        );
      }
      if (target.kind === 'unparsed' && !row.process) out.push(unparsed(row, 'target', target));
      if (actual.kind === 'unparsed') out.push(unparsed(row, 'actual', actual));
    }
    return out;
  },
};

export const VALUE_CHECKS: readonly Check[] = [valueProblems];

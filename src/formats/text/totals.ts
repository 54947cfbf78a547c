// 总分: the total weight and the self-reported total score.

import type { Form } from '../../core/form/schema.ts';
import { parseAmount, splitCells } from './cells.ts';
import type { Line } from './lines.ts';
import type { Report } from './report.ts';
import type { Sections } from './sections.ts';

const TOTAL_LABEL = /^\|?\s*(?:总\s*分|合\s*计|总\s*计)\s*[:：]?/;

export function readTotals(lines: readonly Line[], sections: Sections, form: Form, report: Report): void {
  if (sections.total === null) {
    if (sections.indicators !== null) {
      report.warn('totalScore', '未找到“总分”一行：应在指标表末尾，有分值合计和得分合计', 0);
    }
    return;
  }
  const line = lines[sections.total]!;
  const numbers = splitCells(line.text.replace(TOTAL_LABEL, ''))
    .cells.map(parseAmount)
    .filter((n): n is number => n !== null);
  if (numbers.length >= 2) {
    form.totalWeight = numbers[0]!;
    form.totalScore = numbers[1]!;
    report.set('totalWeight', 0.95);
    report.set('totalScore', numbers.length === 2 ? 0.95 : 0.6);
    if (numbers.length > 2) {
      report.warn(
        'totalScore',
        `第${line.no}行 总分：应有分值、得分两个数字，实有 ${numbers.length} 个，取前两个`,
        0.6,
        line.no,
      );
    }
  } else if (numbers.length === 1) {
    form.totalScore = numbers[0]!;
    report.set('totalScore', 0.6);
    report.warn(
      'totalWeight',
      `第${line.no}行 总分：应有分值、得分两个数字，只有一个（${numbers[0]}），按得分读取`,
      0,
      line.no,
    );
  } else {
    report.warn(
      'totalScore',
      `第${line.no}行 总分：应有分值、得分两个数字，实为“${line.text.slice(0, 40)}”`,
      0,
      line.no,
    );
  }
}

import type { Command } from 'commander';
import { formatPercent } from '../../core/scoring/round.ts';
import type { FormScore } from '../../core/scoring/score-form.ts';
import { writeImportWarnings } from '../import-warnings.ts';
import { table } from '../render.ts';

const KIND_NAME: Record<string, string> = {
  quantitative: '定量',
  deadline: '时效',
  schedule: '进度',
  qualitative: '定性',
  judgement: '判断',
  'not-applicable': '不适用',
  skipped: '不计分',
  unscorable: '无法计分',
};

/** The `score --json` shape named in the issue, plus the trail details. */
export function scoreJson(s: FormScore) {
  return {
    profile: s.profile,
    executionRate: s.executionRate,
    fundsScore: s.fundsScore,
    selfTotal: s.selfTotal,
    ruleTotal: s.ruleTotal,
    grade: s.grade,
    selfGrade: s.selfGrade,
    fundsTrail: s.funds.trail,
    cap: s.cap,
    notes: s.notes,
    rows: s.rows.map((r) => ({
      index: r.index,
      name: r.name,
      weight: r.weight,
      selfScore: r.selfScore,
      ruleScore: r.ruleScore,
      kind: r.kind,
      rule: r.rule,
      met: r.met ?? null,
      band: r.band ?? null,
      trail: r.trail,
    })),
  };
}

export function renderScore(title: string, s: FormScore, profileName: string): string {
  const rows = s.rows.map((r) => [
    String(r.index + 1),
    r.name,
    KIND_NAME[r.kind] ?? r.kind,
    s.hasWeights ? String(r.weight) : '—',
    r.selfScore === null ? '—' : String(r.selfScore),
    r.ruleScore === null ? '—' : String(r.ruleScore),
    r.met === undefined ? '—' : r.met ? '是' : '否',
  ]);
  const lowered = s.rows.filter(
    (r) => r.ruleScore !== null && r.selfScore !== null && r.ruleScore < r.selfScore,
  );
  const lines = [
    `${title}（规则：${profileName}）`,
    `预算执行率 ${s.executionRate === null ? '无法计算' : formatPercent(s.executionRate)}，得分 ${s.fundsScore ?? '—'}（${s.funds.trail}）`,
    ...s.notes.map((n) => `说明：${n}`),
    '',
    table(
      [
        { title: '序号', align: 'right' },
        { title: '三级指标', max: 28 },
        { title: '类型' },
        { title: '分值', align: 'right' },
        { title: '自评', align: 'right' },
        { title: '规则分', align: 'right' },
        { title: '达成' },
      ],
      rows,
    ),
    ...(lowered.length
      ? ['', '规则分低于自评的行：', ...lowered.map((r) => `  第 ${r.index + 1} 行 ${r.name}：${r.trail}`)]
      : []),
    '',
    `自评总分 ${s.selfTotal ?? '—'}（${s.selfGrade ?? '—'}）  规则总分 ${s.ruleTotal ?? '—'}（${s.grade ?? '无等级'}）${s.cap ? `  ${s.cap.trail}` : ''}`,
  ];
  return lines.join('\n');
}

export function registerScore(program: Command): void {
  program
    .command('score')
    .description('按规则配置为自评表评分，列出每行的规则分与依据')
    .argument('<file>', 'Form JSON 或可导入的文件（.txt .json）')
    .option('-p, --profile <id>', '规则配置（rules/*.json 的 id；默认取表样 templates/ 所指，否则 national）')
    .option('--json', '输出 JSON')
    .action(async (file: string, opts: { profile?: string; json?: boolean }) => {
      const { evaluateFile } = await import('../../services/evaluate-file.ts');
      const ev = await evaluateFile(file, opts.profile);
      writeImportWarnings(file, ev.importWarnings);
      if (opts.json) process.stdout.write(`${JSON.stringify(scoreJson(ev.score), null, 2)}\n`);
      else process.stdout.write(`${renderScore(ev.form.projectName || file, ev.score, ev.profile.name)}\n`);
    });
}

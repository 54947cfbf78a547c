import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEED_TXT } from '../../test/fixtures/build-form.ts';
import type { Form } from '../core/form/schema.ts';
import { declaration, monitoring, selfEvaluation } from '../core/lifecycle/test-forms.ts';

const BIN = resolve(ROOT, 'bin', 'jixiao');
const run = (...args: string[]) => {
  const r = spawnSync(BIN, args, { encoding: 'utf8', cwd: ROOT, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'jixiao-stages-'));
const save = (name: string, form: Form): string => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(form));
  return file;
};

describe('jixiao stages', () => {
  const d = save('declaration.json', declaration());
  const m = save('monitoring.json', monitoring());
  const lowered = save('lowered.json', selfEvaluation({}, [{ target: '≥10000人次', actual: '10500人次' }]));
  const faithful = save('faithful.json', selfEvaluation());

  it('a consistent chain: no findings, exit 0', () => {
    const r = run('stages', d, m, faithful);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'declaration.json：绩效目标申报表（第1版）；monitoring.json：绩效运行监控表（1–6月）；faithful.json：项目支出绩效自评表',
    );
    expect(r.out).toContain('社区养老服务补助：未发现问题。');
  });

  it('a lowered target: the finding names the row and both values; exit 1', () => {
    const r = run('stages', d, m, lowered);
    expect(r.code).toBe(1);
    expect(r.out).toContain('社区养老服务补助：1 个错误');
    expect(r.out).toContain('X02');
    expect(r.out).toContain('自评表指标值“≥10000人次”，与已批复绩效目标（第1版）的“≥12000人次”不一致。');
  });

  it('--json prints the audit shape', () => {
    const r = run('stages', d, lowered, '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out);
    expect(out.findings).toEqual([
      {
        code: 'X02',
        family: 'cross-stage',
        severity: 'error',
        row: 0,
        field: 'indicators[0].target',
        message:
          '产出指标 / 数量指标 / 助餐服务人次：自评表指标值“≥10000人次”，与已批复绩效目标（第1版）的“≥12000人次”不一致。',
        evidence: {
          declared: '≥12000人次',
          selfEvaluation: '≥10000人次',
          forms: [
            { kind: 'project-target-declaration', version: 1, year: 2024 },
            { kind: 'project-self-evaluation', version: 1, year: 2024 },
          ],
        },
      },
    ]);
    expect(out.forms.map((f: { file: string }) => f.file)).toEqual(['declaration.json', 'lowered.json']);
  });

  it('single-form checks name their file; warnings alone exit 0', () => {
    const noisy = save(
      'noisy-monitoring.json',
      monitoring({}, [{ progress: '4200人次', deviationCauses: ['人员保障'] }]),
    );
    const r = run('stages', d, noisy, '--json');
    expect(r.code).toBe(0);
    const f = JSON.parse(r.out).findings;
    expect(f.map((x: { code: string }) => x.code)).toEqual(['M02']);
    expect(f[0].evidence.file).toBe('noisy-monitoring.json');
    expect(f[0].severity).toBe('info');
  });

  it('the profile decides: 山西 lights blue against the pro-rata share', () => {
    const ahead = save('ahead.json', monitoring({}, [{ progress: '7500人次' }]));
    expect(JSON.parse(run('stages', ahead, '--json').out).findings).toEqual([]);
    const r = JSON.parse(run('stages', ahead, '--json', '--profile', 'shanxi').out);
    expect(r.profile).toBe('shanxi');
    expect(
      r.findings.map((x: { code: string; evidence: { light: string } }) => [x.code, x.evidence.light]),
    ).toEqual([['M02', 'blue']]);
  });

  it('reads any importable file (the seed text)', () => {
    const r = run('stages', SEED_TXT);
    expect(r.code).toBe(0);
    expect(r.out).toContain('项目支出绩效自评表');
  });

  it('bad input exits 2 with a message naming the problem', () => {
    const other = save('other.json', selfEvaluation({ projectCode: 'P2024-999' }));
    const r = run('stages', d, other);
    expect(r.code).toBe(2);
    expect(r.err).toContain('项目编码 P2024-017、P2024-999');
    expect(run('stages', join(dir, 'missing.json')).code).toBe(2);
    const bad = run('stages', d, '--profile', 'atlantis');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('atlantis');
  });
});

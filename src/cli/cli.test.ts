import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEED_JSON, SEED_TXT } from '../../test/fixtures/build-form.ts';

const BIN = resolve(ROOT, 'bin', 'jixiao');
const run = (...args: string[]) => {
  const r = spawnSync(BIN, args, { encoding: 'utf8', cwd: ROOT, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('jixiao CLI', () => {
  it('imports the seed text to the expected Form JSON (structured fields exact, text ignoring whitespace)', () => {
    const r = run('import', SEED_TXT, '--json');
    expect(r.code).toBe(0);
    const { template, ...got } = JSON.parse(r.out);
    const want = JSON.parse(readFileSync(SEED_JSON, 'utf8'));
    // Form JSON v1.1 adds the template family the reader recognised; the v1 fields are unchanged.
    expect(template).toBe('national-2020');
    const squash = (v: unknown): unknown =>
      typeof v === 'string'
        ? v.replace(/\s+/g, '')
        : Array.isArray(v)
          ? v.map(squash)
          : v && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, squash(x)]))
            : v;
    expect(squash(got)).toEqual(squash(want));
  });

  it('import/score/audit --json of one file keep stdout pure JSON and write every import warning to stderr', () => {
    const dir = tmp();
    // The seed without its last line, `总分 100 99.35`: the totals reader warns that it is missing.
    const text = readFileSync(SEED_TXT, 'utf8').replace(/总分\s+100\s+99\.35/, '');
    const file = join(dir, 'no-total.txt');
    writeFileSync(file, text);
    const r = run('import', file, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).projectName).toBe('2021年中关村海外联络工作支持资金项目');
    const lines = r.err.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^⚠ no-total\.txt /);
    expect(r.err).toContain('totalScore 未找到“总分”一行');
    // The seed itself imports without a warning: nothing on stderr.
    expect(run('import', SEED_TXT, '--json').err).toBe('');
    // score and audit of the same file print what they print, and the import's doubts on stderr.
    for (const cmd of ['score', 'audit']) {
      const e = run(cmd, file, '--json');
      expect(JSON.parse(e.out)).toHaveProperty(cmd === 'score' ? 'ruleTotal' : 'findings');
      expect(e.err).toContain('⚠ no-total.txt totalScore 未找到“总分”一行');
      expect(run(cmd, SEED_TXT, '--json').err).toBe('');
    }
  });

  it('scores the seed: 93.51%, 9.35, self 99.35, 优, rule total below with trails naming the late rows', () => {
    const r = run('score', SEED_TXT, '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s).toMatchObject({
      profile: 'national',
      executionRate: 93.51,
      fundsScore: 9.35,
      selfTotal: 99.35,
      grade: '优',
    });
    expect(s.ruleTotal).toBeLessThan(99.35);
    expect(s.rows).toHaveLength(28);
    for (const key of ['index', 'name', 'weight', 'selfScore', 'ruleScore', 'kind', 'trail'])
      expect(s.rows[0]).toHaveProperty(key);
    const lowered = s.rows.filter((x: { ruleScore: number; selfScore: number }) => x.ruleScore < x.selfScore);
    expect(lowered.map((x: { name: string }) => x.name)).toEqual([
      '定额工作经费',
      '后绩效补助经费',
      '经费支出进度',
    ]);
    expect(lowered[0].trail).toContain('晚于截止日期');
  });

  it('prints a readable Chinese table without --json', () => {
    const r = run('score', SEED_JSON);
    expect(r.code).toBe(0);
    expect(r.out).toContain('预算执行率 93.51%');
    expect(r.out).toContain('规则总分 97.72（优）');
    expect(r.out).toContain('定额工作经费');
  });

  it('audit exits 1 on errors and prints findings as JSON', () => {
    const r = run('audit', SEED_TXT, '--json');
    expect(r.code).toBe(1);
    const { findings } = JSON.parse(r.out);
    expect(findings.some((f: { code: string }) => f.code === 'scoring.late-full-marks')).toBe(true);
  });

  it('audit exits 0 on a form without errors', () => {
    // The seed with its timeliness rows made consistent: paid on time, spending as executed.
    const form = JSON.parse(readFileSync(SEED_JSON, 'utf8'));
    form.indicators[16].actual = '2021年6月28日前拨付';
    form.indicators[17].actual = '2021年6月30日前拨付';
    form.indicators[19].actual = '2021年6月30日前支出94.87%，2021年12月31日前支出93.51%';
    form.indicators[19].score = 1.5;
    form.totalScore = 98.85;
    const dir = tmp();
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(form));
    const r = run('audit', join(dir, 'ok.json'), '--json');
    const { findings } = JSON.parse(r.out);
    expect(findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('applies --profile and rejects an unknown one with exit 2', () => {
    expect(JSON.parse(run('score', SEED_JSON, '--json', '--profile', 'hubei').out).profile).toBe('hubei');
    const r = run('score', SEED_JSON, '--profile', 'atlantis');
    expect(r.code).toBe(2);
    expect(r.err).toContain('atlantis');
    noStack(r.err);
  });

  it('bad input: missing file, empty file, binary garbage, invalid Form JSON → exit 2 naming the file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(
      join(dir, 'garbage.txt'),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    );
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ kind: 'project-self-evaluation', year: '2021' }));
    for (const [file, expected] of [
      [join(dir, 'missing.txt'), '不存在'],
      [join(dir, 'empty.txt'), 'empty.txt'],
      [join(dir, 'garbage.txt'), 'garbage.txt'],
      [join(dir, 'bad.json'), 'year'],
    ] as const) {
      const r = run('score', file);
      expect(r.code, file).toBe(2);
      expect(r.err).toContain(expected);
      noStack(r.err);
    }
  });

  it('usage errors exit 2', () => {
    expect(run('score').code).toBe(2);
    expect(run('frobnicate').code).toBe(2);
  });

  it('imports a directory with a progress bar and a summary, and writes --out files', () => {
    const dir = tmp();
    const out = tmp();
    writeFileSync(join(dir, 'a.txt'), readFileSync(SEED_TXT));
    writeFileSync(join(dir, 'b.json'), readFileSync(SEED_JSON));
    writeFileSync(join(dir, 'c.txt'), '\u0000\u0001\u0002 not a form');
    const r = run('import', dir, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('3/3');
    expect(r.out).toContain('共 3 个文件：成功 2 个（2 张表），失败 1 个');
    expect(r.out).toContain('c.txt');
    const written = JSON.parse(readFileSync(join(out, 'a.json'), 'utf8'));
    expect(written.projectName).toBe('2021年中关村海外联络工作支持资金项目');
  });
});

describe('jixiao export and multi-format import (issue 3)', () => {
  it('exports the seed to each format and imports a directory of all four plus a corrupt file', () => {
    // The HTML export is importable too (HTML import, issue "Read the forms people actually publish").
    const dir = tmp();
    for (const format of ['xlsx', 'docx', 'pdf', 'html']) {
      const r = run('export', SEED_TXT, '--format', format, '-o', join(dir, `seed.${format}`));
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain(`seed.${format}`);
    }
    expect(readFileSync(join(dir, 'seed.html'), 'utf8')).toContain('2021年中关村海外联络工作支持资金项目');
    writeFileSync(join(dir, 'seed.txt'), readFileSync(SEED_TXT));
    writeFileSync(join(dir, 'broken.xlsx'), readFileSync(join(dir, 'seed.xlsx')).subarray(0, 3000));
    const r = run('import', dir, '--json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('6/6');
    const results = JSON.parse(r.out) as Array<{
      file: string;
      ok: boolean;
      forms?: Array<{ form: { projectName: string; totalScore: number } }>;
      error?: string;
    }>;
    const ok = results.filter((x) => x.ok);
    expect(ok.map((x) => x.file.split('.').pop()).sort()).toEqual(['docx', 'html', 'pdf', 'txt', 'xlsx']);
    for (const x of ok) expect(x.forms?.[0]?.form.totalScore).toBe(99.35);
    const failed = results.filter((x) => !x.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error).toContain('broken.xlsx');
    noStack(r.err);
  }, 180_000);

  it('refuses an unknown export format with exit 2', () => {
    const r = run('export', SEED_TXT, '--format', 'odt');
    expect(r.code).toBe(2);
    expect(r.err).toContain('odt');
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT, SEED_JSON, SEED_TXT } from '../../test/fixtures/build-form.ts';
import { cleanForm } from '../../test/fixtures/report-forms.ts';
import { openContext } from '../services/context.ts';
import { seedDemoIfEmpty } from '../services/demo-seed.ts';
import { evaluateAll } from '../services/evaluation.ts';

// `jixiao report`: the two reports from files, a folder and the database, with the usual exit codes.

const BIN = resolve(ROOT, 'bin', 'jixiao');
const run = (...args: string[]) => {
  const r = spawnSync(BIN, args, { encoding: 'utf8', cwd: ROOT, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'jixiao-report-cli-'));
const zip = (file: string) => readFileSync(file).subarray(0, 2).toString('latin1');

async function sheetRows(file: string, sheet: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: string[][] = [];
  wb.getWorksheet(sheet)!.eachRow((r) => {
    rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  });
  return rows;
}

describe('jixiao report', { timeout: 120_000 }, () => {
  it('writes the self-evaluation report of any importable file as docx or pdf', () => {
    const dir = tmp();
    for (const [input, format] of [
      [SEED_TXT, 'docx'],
      [SEED_JSON, 'pdf'],
    ] as const) {
      const out = join(dir, `r.${format}`);
      const r = run('report', input, '--kind', 'self-evaluation-report', '--format', format, '-o', out);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('2021年中关村海外联络工作支持资金项目 绩效自评报告');
      expect(zip(out)).toBe(format === 'docx' ? 'PK' : '%P');
    }
  });

  it('refuses formats and inputs a kind has not, with exit 2 and no stack', () => {
    const dir = tmp();
    const xlsx = run(
      'report',
      SEED_TXT,
      '--kind',
      'self-evaluation-report',
      '--format',
      'xlsx',
      '-o',
      join(dir, 'x'),
    );
    expect(xlsx.code).toBe(2);
    expect(xlsx.err).toContain('只能导出为 docx、pdf');
    expect(
      run('report', SEED_TXT, SEED_JSON, '--kind', 'self-evaluation-report', '--format', 'pdf').code,
    ).toBe(2);
    expect(run('report', '--kind', 'spot-check-report', '--format', 'xlsx').code).toBe(2);
    expect(
      run('report', join(dir, 'missing.txt'), '--kind', 'self-evaluation-report', '--format', 'pdf').code,
    ).toBe(2);
    const status = run(
      'report',
      dir,
      '--kind',
      'spot-check-report',
      '--format',
      'xlsx',
      '--status',
      'submitted',
    );
    expect(status.code).toBe(2);
    expect(status.err).toContain('--database');
    const nodb = run(
      'report',
      '--database',
      '--data-dir',
      join(dir, 'none'),
      '--kind',
      'spot-check-report',
      '--format',
      'pdf',
    );
    expect(nodb.code).toBe(2);
    expect(nodb.err).toContain('数据库不存在');
    expect(existsSync(join(dir, 'none'))).toBe(false);
  });

  it('writes the spot-check report of a folder, filtered by year and unit, and exits 2 naming an unreadable file', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'seed.txt'), readFileSync(SEED_TXT));
    writeFileSync(join(dir, 'clean.json'), JSON.stringify(cleanForm()));
    writeFileSync(
      join(dir, 'other-year.json'),
      JSON.stringify(cleanForm({ year: 2022, projectName: '下一年项目' })),
    );
    const out = join(tmp(), 'spot.xlsx');
    const r = run(
      'report',
      dir,
      '--kind',
      'spot-check-report',
      '--format',
      'xlsx',
      '-o',
      out,
      '--year',
      '2021',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('2 张表，4 个错误、11 个警告');
    const forms = await sheetRows(out, '自评表');
    expect(
      forms
        .slice(1)
        .map((x) => x[0])
        .sort(),
    ).toEqual(['2021年中关村海外联络工作支持资金项目', '职业技能培训补助项目'].sort());
    const findings = await sheetRows(out, '问题清单');
    expect(findings[0]).toEqual([
      '项目名称',
      '单位',
      '年度',
      '状态',
      '行',
      '指标',
      '代码',
      '类别',
      '级别',
      '说明',
      '依据',
      '字段',
      '表单',
    ]);
    expect(
      findings.some((f) => f[4] === '17' && f[5] === '定额工作经费' && f[6] === 'scoring.late-full-marks'),
    ).toBe(true);

    const unit = run(
      'report',
      dir,
      '--kind',
      'spot-check-report',
      '--format',
      'pdf',
      '-o',
      join(dir, 'u.pdf'),
      '--unit',
      '职业技能',
    );
    expect(unit.code, unit.err).toBe(0);
    expect(unit.out).toContain('2 张表，0 个错误');

    writeFileSync(join(dir, 'broken.txt'), '\u0000\u0001 not a form');
    const bad = run(
      'report',
      dir,
      '--kind',
      'spot-check-report',
      '--format',
      'xlsx',
      '-o',
      join(dir, 'b.xlsx'),
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('broken.txt');
    expect(existsSync(join(dir, 'b.xlsx'))).toBe(true);
  });

  it('reads the database with --database, filtered by status', async () => {
    const dataDir = tmp();
    const ctx = await openContext({ dataDir, config: { scryptCost: 1024 } });
    await seedDemoIfEmpty(ctx);
    await evaluateAll(ctx);
    await ctx.close();
    const out = join(dataDir, 'db.xlsx');
    const r = run(
      'report',
      '--database',
      '--data-dir',
      dataDir,
      '--kind',
      'spot-check-report',
      '--format',
      'xlsx',
      '-o',
      out,
    );
    expect(r.code, r.err).toBe(0);
    const forms = await sheetRows(out, '自评表');
    expect(forms.length).toBeGreaterThan(1);
    expect(forms.slice(1).some((f) => f[0] === '2021年中关村海外联络工作支持资金项目')).toBe(true);
    const none = run(
      'report',
      '--database',
      '--data-dir',
      dataDir,
      '--kind',
      'spot-check-report',
      '--format',
      'pdf',
      '-o',
      join(dataDir, 'x.pdf'),
      '--status',
      '已公开',
      '--year',
      '1999',
    );
    expect(none.code, none.err).toBe(0);
    expect(none.out).toContain('0 张表');
    const wrong = run(
      'report',
      '--database',
      '--data-dir',
      dataDir,
      '--kind',
      'spot-check-report',
      '--format',
      'pdf',
      '--status',
      'lost',
    );
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('状态“lost”不存在');
  });
});

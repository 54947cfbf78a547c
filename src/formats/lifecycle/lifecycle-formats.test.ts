import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { profile, seedForm } from '../../../test/fixtures/build-form.ts';
import { onPath } from '../../../test/fixtures/tools.ts';
import { compareForms } from '../../core/form/compare.ts';
import { type Form, formSchema } from '../../core/form/schema.ts';
import { checkStages } from '../../core/lifecycle/index.ts';
import { EXPORT_FORMATS, exportForm } from '../export-any.ts';
import { importBytesAll } from '../import-any.ts';
import { readText } from '../read-text.ts';
import { Workbook } from '../xlsx/exceljs.ts';
import { kindOfTitle } from './vocabulary.ts';

// The three lifecycle kinds (lifecycle.md §2.1–2.3) in every format: the Form JSON truths under
// test/fixtures/lifecycle were written by hand; their .txt renderings (render-text.ts) import
// exactly, and every export (xlsx, docx, PDF, HTML) reads back to the truth.

const DIR = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'lifecycle');
const FIXTURES = {
  declaration: 'project-target-declaration',
  'declaration-weighted': 'project-target-declaration',
  monitoring: 'project-monitoring',
  department: 'department-self-evaluation',
} as const;
type Name = keyof typeof FIXTURES;
const NAMES = Object.keys(FIXTURES) as Name[];

function truth(name: Name): Form {
  return formSchema.parse(JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')));
}
const unequal = (expected: Form, actual: Form) => compareForms(expected, actual).filter((c) => !c.equal);

describe('lifecycle kinds: text fixtures', () => {
  for (const name of NAMES) {
    it(`${name}.txt imports exactly to ${name}.json`, () => {
      const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
      const [r, ...rest] = readText(text, { fileName: `${name}.txt` });
      expect(rest).toEqual([]);
      expect(r!.form.kind).toBe(FIXTURES[name]);
      expect(unequal(truth(name), r!.form)).toEqual([]);
      expect(r!.warnings).toEqual([]);
    });
  }

  it('reads a pipe table rendering, cells by order', () => {
    const text = [
      '项目支出绩效目标申报表',
      '（2026年度）',
      '| 项目名称 | 乡村学校营养餐补助 |',
      '| 主管部门 | 某县教育局 |',
      '| 实施单位 | 某县学生资助中心 |',
      '| 项目资金（万元） |',
      '| 资金来源 | 年初预算数 |',
      '| 年度资金总额 | 120.00 |',
      '| 其中：财政拨款 | 120.00 |',
      '| 年度目标 | 全年为3000名学生提供营养餐 |',
      '| 年度绩效指标 |',
      '| 一级指标 | 二级指标 | 三级指标 | 指标值 | 计量单位 |',
      '| 产出指标 | 数量指标 | 受益学生人数 | ≥3000 | 人 |',
      '| 产出指标 | 成本指标 | 每生每天补助 |  | 元 |',
    ].join('\n');
    const [r] = readText(text);
    expect(r!.form).toMatchObject({
      kind: 'project-target-declaration',
      year: 2026,
      projectName: '乡村学校营养餐补助',
      fundsUnit: '万元',
      funds: { total: { initialBudget: 120 }, fiscal: { initialBudget: 120 }, carryover: null, other: null },
      goals: { expected: '全年为3000名学生提供营养餐', actual: '' },
    });
    expect(r!.form.indicators).toEqual([
      {
        level1: '产出指标',
        level2: '数量指标',
        name: '受益学生人数',
        target: '≥3000',
        unit: '人',
        actual: '',
        weight: null,
        score: null,
        deviation: '',
      },
      {
        level1: '产出指标',
        level2: '成本指标',
        name: '每生每天补助',
        target: '',
        unit: '元',
        actual: '',
        weight: null,
        score: null,
        deviation: '',
      },
    ]);
  });

  it('names the row of a value it cannot read', () => {
    const text = [
      '绩效运行监控表',
      '（2025年度）',
      '项目名称      某项目',
      '监控期间      上半年',
      '版本号        第二版',
    ].join('\n');
    const [r] = readText(text, { fileName: 'm.txt' });
    expect(r!.form.kind).toBe('project-monitoring');
    expect(r!.form.asOfMonth).toBeUndefined();
    expect(r!.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('第4行'),
        expect.stringContaining('第5行'),
        expect.stringContaining('未找到绩效指标表'),
      ]),
    );
  });
});

describe('lifecycle kinds: a regional workbook laid out by hand', () => {
  it('reads two label pairs on a row, typed numbers and merged level cells', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('申报表');
    const rows: (string | number)[][] = [
      ['2025年度项目支出绩效目标申报表'],
      ['项目名称', '社区健身器材更新', '项目编码', 'P2025-017'],
      ['主管部门', '某区体育局', '实施单位', '某区全民健身中心'],
      ['项目资金（万元）'],
      ['资金来源', '年初预算数'],
      ['年度资金总额', 96.5],
      ['其中：财政拨款', 96.5],
      ['中期目标', '三年更新全部老旧器材'],
      ['年度目标', '更新120处健身点器材'],
      ['年度绩效指标'],
      ['一级指标', '二级指标', '三级指标', '指标值', '计量单位', '指标解释'],
      ['产出指标', '数量指标', '更新健身点数量', '≥120', '处', '年内完成更新的健身点'],
      ['', '', '新增器材件数', '≥600', '件', ''],
      ['', '质量指标', '验收合格率', '=100', '%', '验收合格健身点占比'],
      ['满意度指标', '服务对象满意度指标', '居民满意度', '≥90', '%', '问卷满意比例'],
    ];
    for (const r of rows) ws.addRow(r);
    ws.mergeCells('A1:F1');
    ws.mergeCells('A12:A14');
    ws.mergeCells('B12:B13');
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const [r, ...rest] = await importBytesAll(bytes, '申报表.xlsx');
    expect(rest).toEqual([]);
    expect(r!.form).toMatchObject({
      kind: 'project-target-declaration',
      year: 2025,
      title: '项目支出绩效目标申报表',
      projectName: '社区健身器材更新',
      projectCode: 'P2025-017',
      competentDepartment: '某区体育局',
      implementingUnit: '某区全民健身中心',
      funds: {
        total: { initialBudget: 96.5 },
        fiscal: { initialBudget: 96.5 },
        carryover: null,
        other: null,
      },
      goals: { midTerm: '三年更新全部老旧器材', expected: '更新120处健身点器材', actual: '' },
      template: 'national-declaration',
    });
    expect(
      r!.form.indicators.map((i) => [i.level1, i.level2, i.name, i.target, i.unit, i.explanation]),
    ).toEqual([
      ['产出指标', '数量指标', '更新健身点数量', '≥120', '处', '年内完成更新的健身点'],
      ['产出指标', '数量指标', '新增器材件数', '≥600', '件', ''],
      ['产出指标', '质量指标', '验收合格率', '=100', '%', '验收合格健身点占比'],
      ['满意度指标', '服务对象满意度指标', '居民满意度', '≥90', '%', '问卷满意比例'],
    ]);
    expect(r!.warnings).toEqual([]);
  });
});

describe('self-evaluation: the keys that link it to its chain (lifecycle.md §2.4)', () => {
  for (const format of EXPORT_FORMATS)
    it(`项目编码, 主管部门代码, 财政区划 and 目标版本号 survive ${format}`, { timeout: 60_000 }, async () => {
      const form: Form = {
        ...seedForm(),
        projectCode: '11000021T000000456',
        competentDepartmentCode: '301',
        divisionCode: '110000',
        targetVersion: 2,
      };
      const file = await exportForm(form, profile('national'), format);
      const [r] = await importBytesAll(file.bytes, `seed${file.extension}`);
      expect(r!.form.kind).toBe('project-self-evaluation');
      expect(unequal(form, r!.form)).toEqual([]);
    });
});

describe('lifecycle kinds: a chain read from different formats', () => {
  it('links the declaration (xlsx) and the monitoring report (docx) and checks them against each other', async () => {
    const read = async (name: Name, format: 'xlsx' | 'docx' | 'html') => {
      const file = await exportForm(truth(name), null, format);
      return (await importBytesAll(file.bytes, `${name}${file.extension}`))[0]!.form;
    };
    const chain = [await read('declaration', 'xlsx'), await read('monitoring', 'docx')];
    expect(chain.map((f) => [f.kind, f.projectCode, f.year])).toEqual([
      ['project-target-declaration', '51010025T000001234', 2025],
      ['project-monitoring', '51010025T000001234', 2025],
    ]);
    // lifecycle.md §4.3 X05: the monitoring fixture leaves out two of the approved version's rows.
    const x05 = checkStages(chain, profile('national')).filter((f) => f.code === 'X05');
    expect(x05.map((f) => f.message)).toEqual([
      expect.stringContaining('每餐补贴标准'),
      expect.stringContaining('老年人就餐难问题'),
    ]);
  });
});

describe('lifecycle kinds: a monitoring workbook in the national manner', () => {
  it('reads section labels in merged cells left of their tables, and unheaded funds row names', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('监控表');
    const rows: (string | number)[][] = [
      ['项目支出绩效目标执行监控表'],
      ['（2025年度）'],
      ['项目名称', '河道日常保洁', '主管部门', '某县水利局'],
      ['实施单位', '某县河道管理所', '项目编码', 'HD-2025-03'],
      ['项目资金（万元）', '', '年初预算数', '全年预算数', '1-6月执行数', '执行率', '全年预计执行数'],
      ['', '年度资金总额', 80, 80, 36, '45.00%', 78],
      ['', '其中：财政拨款', 80, 80, 36, '45.00%', 78],
      ['年度总体目标', '全年保洁河道120公里，水面无成片漂浮物'],
      ['1-6月执行情况', '已保洁河道118公里，汛期清漂3次'],
      [
        '绩效指标',
        '一级指标',
        '二级指标',
        '三级指标',
        '年度指标值',
        '1-6月执行情况',
        '全年预计完成情况',
        '完成目标可能性',
        '原因说明',
      ],
      ['', '产出指标', '数量指标', '保洁河道长度', '≥120公里', '118公里', '120公里', '确定能', ''],
      [
        '',
        '',
        '质量指标',
        '漂浮物清理及时率',
        '≥95%',
        '90%',
        '95%',
        '有可能',
        '汛期漂浮物集中，已增加巡河频次',
      ],
      ['纠偏措施', '汛期每日巡河一次'],
    ];
    for (const r of rows) ws.addRow(r);
    ws.mergeCells('A1:I1');
    ws.mergeCells('A5:A7');
    ws.mergeCells('A10:A12');
    ws.mergeCells('B11:B12');
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const [r] = await importBytesAll(bytes, '监控表.xlsx');
    expect(r!.form).toMatchObject({
      kind: 'project-monitoring',
      year: 2025,
      projectName: '河道日常保洁',
      projectCode: 'HD-2025-03',
      asOfMonth: 6,
      funds: {
        total: {
          initialBudget: 80,
          annualBudget: 80,
          executedToDate: 36,
          executionRate: 45,
          forecastExecuted: 78,
        },
        fiscal: {
          initialBudget: 80,
          annualBudget: 80,
          executedToDate: 36,
          executionRate: 45,
          forecastExecuted: 78,
        },
      },
      goals: {
        expected: '全年保洁河道120公里，水面无成片漂浮物',
        progress: '已保洁河道118公里，汛期清漂3次',
      },
      correctiveActions: '汛期每日巡河一次',
    });
    expect(
      r!.form.indicators.map((i) => [
        i.level1,
        i.level2,
        i.name,
        i.target,
        i.progress,
        i.likelihood,
        i.deviationNote,
      ]),
    ).toEqual([
      ['产出指标', '数量指标', '保洁河道长度', '≥120公里', '118公里', '确定能', ''],
      ['产出指标', '质量指标', '漂浮物清理及时率', '≥95%', '90%', '有可能', '汛期漂浮物集中，已增加巡河频次'],
    ]);
    expect(r!.warnings).toEqual([]);
  });
});

describe('lifecycle kinds: kind from the printed title', () => {
  it.each([
    ['2025年度项目支出绩效目标申报表', 'project-target-declaration'],
    ['项目支出绩效目标表', 'project-target-declaration'],
    ['绩效目标审核表', 'project-target-declaration'],
    ['项目支出绩效运行监控表', 'project-monitoring'],
    ['绩效监控情况表', 'project-monitoring'],
    ['部门整体支出绩效自评表', 'department-self-evaluation'],
    ['项目支出绩效自评表', 'project-self-evaluation'],
    ['项目绩效目标自评表', 'project-self-evaluation'],
  ])('%s → %s', (title, kind) => {
    expect(kindOfTitle(title)).toBe(kind);
  });
});

describe('lifecycle kinds: every export reads back exactly', () => {
  for (const name of NAMES)
    for (const format of EXPORT_FORMATS) {
      it(`${name} → ${format} → Form JSON`, { timeout: 60_000 }, async () => {
        const form = truth(name);
        const file = await exportForm(form, null, format);
        const [r, ...rest] = await importBytesAll(file.bytes, `${name}${file.extension}`);
        expect(rest).toEqual([]);
        expect(unequal(form, r!.form)).toEqual([]);
        expect(r!.warnings).toEqual([]);
      });
    }

  it('recognises each fixture’s printed family (templates/*.json)', async () => {
    const families: Record<Name, string> = {
      declaration: 'national-declaration',
      'declaration-weighted': 'fengjie-declaration',
      monitoring: 'national-monitoring',
      department: 'chongqing-department',
    };
    for (const name of NAMES) {
      const file = await exportForm(truth(name), null, 'xlsx');
      const [r] = await importBytesAll(file.bytes, 'x.xlsx');
      expect(r!.form.template, name).toBe(families[name]);
    }
  });
});

// Real programs open the files: LibreOffice converts the xlsx and docx, poppler reads the PDF.
const run = promisify(execFile);
const tools = ['soffice', 'pdftotext'].every((t) => onPath(t) !== null);
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const squash = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!tools && process.env['CI'] !== 'true')('lifecycle kinds: the files open', () => {
  it('LibreOffice converts each xlsx and docx; pdftotext reads each PDF', { timeout: 600_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-lc-'));
    const profileDir = await mkdtemp(join(tmpdir(), 'lo-'));
    dirs.push(dir, profileDir);
    for (const name of NAMES) {
      const form = truth(name);
      const must = [form.title, form.indicators[0]!.name, form.indicators.at(-1)!.name];
      for (const format of ['xlsx', 'docx'] as const) {
        const file = join(dir, `${name}-${format}.${format}`);
        await writeFile(file, (await exportForm(form, null, format)).bytes);
        await run(
          'soffice',
          [
            `-env:UserInstallation=file://${profileDir}`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            dir,
            file,
          ],
          { timeout: 180_000 },
        );
        const text = squash(
          (await run('pdftotext', ['-enc', 'UTF-8', file.replace(/\.\w+$/, '.pdf'), '-'])).stdout,
        );
        for (const m of must) expect(text, `${name}.${format}`).toContain(squash(m).slice(0, 6));
      }
      const pdf = join(dir, `${name}.pdf`);
      await writeFile(pdf, (await exportForm(form, null, 'pdf')).bytes);
      const text = squash((await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).stdout);
      for (const m of must) expect(text, `${name}.pdf`).toContain(squash(m).slice(0, 6));
    }
  });
});

import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { form, profile, row, seedForm } from '../../../test/fixtures/build-form.ts';
import { compareForms } from '../../core/form/compare.ts';
import type { Form } from '../../core/form/schema.ts';
import { FormatError } from '../format-error.ts';
import { importBytesAll } from '../import-any.ts';
import { exportHtml } from './export-html.ts';
import { importHtml } from './import-html.ts';
import { encodeGbk, formTable, governmentPage } from './test-pages.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

function formatError(fn: () => unknown): FormatError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error('expected a FormatError');
}

/** The hand-written form of test-pages.ts, as Form JSON. */
function expectedForm(projectName: string, patch: Partial<Form> = {}): Form {
  const funds = { initialBudget: 1000, annualBudget: 1000, executed: 900, executionRate: 90 };
  return form(
    [
      row({ name: '培训人数', target: '≥100人次', actual: '120人次', weight: 30, score: 30 }),
      row({ name: '举办场次', target: '不少于5场', actual: '5场', weight: 30, score: 30 }),
      row({
        level2: '时效指标',
        name: '完成时间',
        target: '2021年12月31日前',
        actual: '2022年1月15日',
        weight: 20,
        score: 15,
        deviation: '因疫情<延期> & 顺延',
      }),
      row({
        level1: '满意度指标',
        level2: '服务对象满意度指标',
        name: '学员满意度',
        target: '≥90%',
        actual: '95%',
        weight: 10,
        score: 10,
      }),
    ],
    {
      projectName,
      funds: { total: { ...funds, weight: 10, score: 9 }, fiscal: funds, carryover: null, other: null },
      goals: { expected: '年度目标：\n1、培训 100 人次；\n2、举办 5 场。', actual: '已完成' },
      totalScore: 94,
      ...patch,
    },
  );
}

const differences = (want: Form, got: Form) => compareForms(want, got).filter((c) => !c.equal);

describe('importHtml', () => {
  it('reads a published form: rowspan/colspan, <br> in labels, entities, inside a government page', () => {
    const [result, ...rest] = importHtml(
      utf8(governmentPage(formTable({ project: '测试培训项目' }))),
      'p.html',
    );
    expect(rest).toHaveLength(0);
    expect(differences(expectedForm('测试培训项目'), result!.form)).toEqual([]);
    expect(result!.warnings).toEqual([]);
  });

  it('reads a GBK page that declares gb2312, and one that declares nothing', () => {
    const page = governmentPage(
      formTable({ project: '中关村海外联络工作支持资金项目' }),
      '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
    );
    const declared = importHtml(encodeGbk(page), 'gbk.html');
    expect(declared[0]!.form.projectName).toBe('中关村海外联络工作支持资金项目');
    expect(differences(expectedForm('中关村海外联络工作支持资金项目'), declared[0]!.form)).toEqual([]);
    const bare = importHtml(encodeGbk(formTable({ project: '无声明的项目' })), 'bare.htm');
    expect(bare[0]!.form.projectName).toBe('无声明的项目');
  });

  it('finds several forms on one page, in order, each with its own year and unit', () => {
    const page = governmentPage(
      `${formTable({ project: '项目甲', year: 2021 })}<p>附件2</p>${formTable({ project: '项目乙', year: 2022, unit: '乙单位' })}`,
    );
    const results = importHtml(utf8(page), 'two.html');
    expect(results.map((r) => [r.form.projectName, r.form.year, r.form.implementingUnit])).toEqual([
      ['项目甲', 2021, '测试实施单位'],
      ['项目乙', 2022, '乙单位'],
    ]);
    expect(
      differences(expectedForm('项目乙', { year: 2022, implementingUnit: '乙单位' }), results[1]!.form),
    ).toEqual([]);
  });

  it('reads our own HTML export back to the same Form JSON (the seed and a small form)', () => {
    const seed = seedForm();
    const [back] = importHtml(utf8(exportHtml(seed, profile('beijing'))), 'seed.html');
    expect(differences(seed, back!.form)).toEqual([]);
    // the reader adds the printed family it recognised (Form JSON v1.1); nothing else differs
    expect(back!.form.template).toBe('national-2020');
    expect(isDeepStrictEqual({ ...back!.form, template: undefined }, { ...seed, template: undefined })).toBe(
      true,
    );
    expect(back!.warnings).toEqual([]);
    const small = form([row({ target: '≥10个', actual: '12个' })], { totalScore: 10 });
    const [again] = importHtml(utf8(exportHtml(small, null)), 'small.html');
    expect(
      isDeepStrictEqual({ ...again!.form, template: undefined }, { ...small, template: undefined }),
    ).toBe(true);
  });

  it('a page without a form is the same not-a-form FormatError as other formats', () => {
    const noForm = formatError(() =>
      importHtml(utf8(governmentPage('<table><tr><td>姓名</td><td>电话</td></tr></table>')), 'news.html'),
    );
    expect(noForm.code).toBe('not-a-form');
    expect(noForm.message).toMatch(/^news\.html：.*没有找到项目支出绩效自评表/);
    const noTable = formatError(() =>
      importHtml(utf8('<html><body><p>项目名称</p></body></html>'), 'p.html'),
    );
    expect(noTable.code).toBe('not-a-form');
    expect(noTable.message).toContain('没有表格');
  });

  it('refuses empty, binary and oversized files with a clear FormatError', () => {
    expect(formatError(() => importHtml(new Uint8Array(), 'e.html')).code).toBe('corrupt');
    const binary = formatError(() =>
      importHtml(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 0]), 'b.html'),
    );
    expect(binary.code).toBe('corrupt');
    expect(binary.message).toContain('二进制');
    const big = new Uint8Array(32 * 1024 * 1024 + 1).fill(0x20);
    expect(formatError(() => importHtml(big, 'big.html')).code).toBe('too-large');
  });

  it('is wired into importBytesAll for .html and .htm, and for HTML saved as .xls', async () => {
    const bytes = utf8(formTable({ project: '扩展名测试' }));
    for (const name of ['a.html', 'b.HTM', 'c.xls', 'd.doc']) {
      const [r] = await importBytesAll(bytes, name);
      expect(r!.form.projectName, name).toBe('扩展名测试');
    }
  });
});

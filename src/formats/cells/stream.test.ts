import { describe, expect, it } from 'vitest';
import { buildStream, CELL, cellsOf, cleanSource, LINE, NONE, SPACE, textOf } from './stream.ts';

describe('stream: text of any layout as one keyed run with separators', () => {
  it('marks how strongly each character is set apart from the one before', () => {
    const s = buildStream('分值 得分\n执行率|100%');
    expect(s.key).toBe('分值得分执行率100%');
    expect([s.bound[2], s.bound[4], s.bound[7]]).toEqual([SPACE, LINE, CELL]);
    expect(s.bound[1]).toBe(NONE);
  });

  it('folds full-width signs, comparator variants and traditional label characters in the key only', () => {
    const s = buildStream('項目名稱：≧９０％');
    expect(s.key).toBe('项目名称:≥90%');
    expect(textOf(s, 0, s.key.length)).toBe('項目名稱：≧９０％');
  });

  it('counts blank cells: `|` between `|`, an empty line between one-per-line cells, a paragraph of spaces', () => {
    const pipe = buildStream('60 |\n|\n|\n效益');
    expect(pipe.empties[2]).toBe(2);
    expect(cellsOf(pipe, 0, pipe.key.length, SPACE).map(([a, b]) => pipe.key.slice(a, b))).toEqual([
      '60',
      '',
      '',
      '效益',
    ]);
    const lines = buildStream('当年财政拨款\n30\n30\n\n100%\n\n上年结转资金\n\n\n其他资金');
    expect(lines.empties[lines.key.indexOf('100%')]).toBe(1);
    const paragraphs = buildStream('30\n\n30\n\n \n\n100%');
    expect(paragraphs.empties[paragraphs.key.indexOf('100%')]).toBe(1);
    expect(paragraphs.empties[paragraphs.key.indexOf('30', 1)]).toBe(0);
  });

  it('joins a wrapped cell as form-json.md says: nothing between ideographs, a space between Latin words', () => {
    const s = buildStream('联络高校\n院所 Slush\nVivatech');
    expect(textOf(s, 0, s.key.length)).toBe('联络高校院所 Slush Vivatech');
  });

  it('removes a document site’s numbered chunk markers, and only those', () => {
    expect(cleanSource('上传\n1、项目支出绩效自评表项目名称甲\n2、乙丙\n3、丁')).toBe(
      '上传\n项目支出绩效自评表项目名称甲乙丙丁',
    );
    // a numbered list inside a cell is the form's text
    expect(cleanSource('年度目标：\n1、完成调研\n2、举办培训')).toBe('年度目标：\n1、完成调研\n2、举办培训');
  });

  it('drops pinyin annotations between ideographs and Markdown table rules', () => {
    expect(cleanSource('項(xiàng)目名稱')).toBe('項目名稱');
    expect(cleanSource('| 分值 | 得分 |\n| --- | --- |\n| 10 | 9 |')).toBe('| 分值 | 得分 |\n\n| 10 | 9 |');
  });

  it('reads OCR confusions of labels into the key (`项Fl资金（万兀）`), remembering where', () => {
    const s = buildStream('项Fl资金（万兀）');
    expect(s.key).toBe('项目资金(万元)');
    expect(s.ocr.size).toBe(2);
  });
});

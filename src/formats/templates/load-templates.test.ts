import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCells } from '../cells/read-cells.ts';
import { loadTemplates, TEMPLATES_DIR } from './load-templates.ts';

describe('template families as data (templates/*.json)', () => {
  it('loads every family, each with a source, a rules profile and its column orders', () => {
    const set = loadTemplates();
    expect(set.families.length).toBeGreaterThanOrEqual(8);
    for (const f of set.families) {
      expect(f.source.length).toBeGreaterThan(10);
      expect(f.indicators.columns).toContain('name');
      expect(f.funds.columns.length).toBeGreaterThan(1);
    }
    expect(set.vocabulary.header.projectName).toContain('项目名称');
    // a family's own terms join the shared vocabulary
    expect(set.vocabulary.fundsRows.extra).toContain('财政专户管理资金');
  });

  it('reads a region’s template by adding a file: its labels, title and column order', () => {
    const base = () => {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-templates-'));
      for (const name of ['vocabulary.json', 'national-2020.json'])
        writeFileSync(join(dir, name), readFileSync(join(TEMPLATES_DIR, name)));
      return dir;
    };
    const text = '某地项目绩效考评表（2024年度）\n项目名称 甲 承办单位 乙单位\n';
    expect(readCells(text, { templates: loadTemplates(base()) })[0]?.form.implementingUnit ?? '').toBe('');
    const dir = base();
    writeFileSync(
      join(dir, 'example-region.json'),
      JSON.stringify({
        id: 'example-region',
        name: '某地项目绩效考评表',
        region: '示例',
        source: 'a test of adding a family by a file',
        detect: { titles: ['项目绩效考评表'], labels: ['承办单位'] },
        funds: { columns: ['annualBudget', 'executed', 'executionRate'], weight: null },
        indicators: {
          columns: ['level1', 'level2', 'name', 'target', 'actual'],
          points: null,
          weights: false,
          scores: false,
        },
        totalWeight: null,
        vocabulary: { titles: ['项目绩效考评表'], header: { implementingUnit: ['承办单位'] } },
      }),
    );
    const [r] = readCells(text, { templates: loadTemplates(dir) });
    expect(r?.form.template).toBe('example-region');
    expect(r?.form.implementingUnit).toBe('乙单位');
  });

  it('stops loudly on a family file that does not fit the schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-templates-'));
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ id: 'Broken Id' }));
    expect(() => loadTemplates(dir)).toThrow(/broken\.json/);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../test/fixtures/build-form.ts';
import { profileSchema, resolveProfile } from './profile.ts';

const dir = resolve(ROOT, 'rules');
const files: Record<string, unknown> = {};
for (const name of readdirSync(dir))
  files[name.replace(/\.json$/, '')] = JSON.parse(readFileSync(resolve(dir, name), 'utf8'));

describe('rule profiles (rules/*.json)', () => {
  it('ships every profile the spec names', () => {
    expect(Object.keys(files).sort()).toEqual(
      [
        'anhui',
        'beijing',
        'execution-cap',
        'guangxi',
        'hubei',
        'national',
        'shanxi',
        'sichuan',
        // lifecycle.md §4.2, §5: monitoring variants
        'tianjin',
        'ningxia',
      ].sort(),
    );
  });

  it.each(Object.keys(files))('%s resolves, validates and cites rules.md in every group it sets', (id) => {
    const p = resolveProfile(id, files);
    expect(p.ok, p.ok ? '' : p.reason).toBe(true);
    const raw = files[id] as Record<string, unknown>;
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        expect((value as { source?: string }).source, `${id}.${key}.source`).toMatch(
          /rules\.md §\d|form-json\.md|lifecycle\.md §\d/,
        );
      }
    }
  });

  it('carries the regional differences of rules.md §2 as data', () => {
    const get = (id: string) => {
      const p = resolveProfile(id, files);
      if (!p.ok) throw new Error(p.reason);
      return p.value;
    };
    expect(get('national').weights.level1).toEqual({ 产出指标: 50, 效益指标: 30, 满意度指标: 10 });
    expect(get('hubei').weights.funds).toBe(20);
    expect(get('hubei').qualitative.bands.partial).toEqual([50, 80]);
    expect(get('hubei').form.title).toBe('项目绩效目标自评表');
    expect(get('sichuan').weights.level1).toBeNull();
    expect(get('sichuan').deviationNote.whenExecutionBelow).toBe(90);
    expect(get('guangxi').quantitative.overCompletion).toBe(130);
    expect(get('guangxi').rows.deductionColumn).toBe(true);
    expect(get('shanxi').rows.defaultCostRowMax).toBe(5);
    expect(get('anhui').form.fiscalLabel).toBe('本年财政拨款');
    expect(get('execution-cap').execution.cap.length).toBe(4);
    // an override replaces only the keys it names
    expect(get('guangxi').quantitative.lowerIsBetter).toBe('ratio');
    // lifecycle.md §4.2, §4.3, §5: the lifecycle thresholds are data too
    expect(get('national').lifecycle.monitoringMonths).toEqual([6, 7, 8]);
    expect(get('national').lifecycle.lights).toMatchObject({
      red: 60,
      yellow: 80,
      blue: 120,
      blueOf: 'target',
    });
    expect(get('national').lifecycle.causes.requiredFor).toEqual(['red', 'yellow']);
    expect(get('national').lifecycle.stages.overCompletion.mode).toBe('flag');
    expect(get('shanxi').lifecycle.lights.blueOf).toBe('pro-rata');
    expect(get('guangxi').lifecycle.causes.requiredFor).toEqual([]);
    expect(get('execution-cap').lifecycle.stages.overCompletion).toEqual({
      mode: 'deduct',
      above: 30,
      points: 2,
    });
    expect(get('hubei').lifecycle.monitoringMonths).toEqual([6, 7]);
    expect(get('sichuan').lifecycle.monitoringMonths).toEqual([7, 8]);
    expect(get('tianjin').lifecycle.causes.noteForAnyCause).toBe(true);
    expect(get('ningxia').lifecycle.causes.requiredFor).toEqual(['red']);
    // a region naming only its periods keeps the national bands
    expect(get('sichuan').lifecycle.lights.red).toBe(60);
  });

  it('adds a region with no code change: a new file that extends another', () => {
    const withRegion = {
      ...files,
      zhejiang: {
        id: 'zhejiang',
        name: '浙江省',
        extends: 'national',
        totals: {
          source: 'rules.md §1.7',
          grades: [
            { min: 85, grade: '优' },
            { min: 0, grade: '差' },
          ],
        },
      },
    };
    const p = resolveProfile('zhejiang', withRegion);
    expect(p.ok).toBe(true);
    if (p.ok) {
      expect(p.value.totals.grades[0]).toEqual({ min: 85, grade: '优' });
      expect(p.value.totals.rounding).toBe('sum-of-rounded');
      expect(profileSchema.safeParse(p.value).success).toBe(true);
    }
  });

  it('reports unknown ids, missing parents, cycles and invalid settings as values', () => {
    const bad = resolveProfile('nope', files);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toContain('national');
    const orphan = resolveProfile('x', { x: { id: 'x', name: 'X', extends: 'missing' } });
    expect(orphan.ok).toBe(false);
    const cycle = resolveProfile('a', {
      a: { id: 'a', name: 'A', extends: 'b' },
      b: { id: 'b', name: 'B', extends: 'a' },
    });
    expect(cycle.ok).toBe(false);
    if (!cycle.ok) expect(cycle.reason).toContain('循环');
    const invalid = resolveProfile('x', {
      ...files,
      x: { id: 'x', name: 'X', extends: 'national', weights: { funds: -1 } },
    });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.reason).toContain('weights');
  });
});

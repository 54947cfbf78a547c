import { describe, expect, it } from 'vitest';
import type { DeclarationDiffView } from '../../../../src/contract/lifecycle.ts';
import { blankIndicator } from '../forms/new-form-template.ts';
import { diffLines } from './lifecycle-panel.tsx';

const row = (name: string, target: string) => ({ ...blankIndicator('产出指标', '数量指标'), name, target });
const view = (over: Partial<DeclarationDiffView>): DeclarationDiffView => ({
  older: { formId: 'a', version: 1 },
  newer: { formId: 'b', version: 2 },
  added: [],
  removed: [],
  modified: [],
  form: [],
  ...over,
});

describe('the version diff as the dialog lists it', () => {
  it('lists a changed target with both values, an added and a removed row, a goal change', () => {
    const lines = diffLines(
      view({
        added: [{ indicatorId: 'n', index: 3, row: row('新增培训场次', '≥4场') }],
        removed: [{ indicatorId: 'r', index: 1, row: row('宣传册印制', '≥2000册') }],
        modified: [
          {
            indicatorId: 'm',
            index: 0,
            name: '新建集中供水工程',
            changes: [{ field: 'target', before: '3', after: '4' }],
          },
        ],
        form: [{ field: 'goals.expected', before: '新建3处', after: '' }],
      }),
    );
    expect(lines.map((l) => [l.kind, l.name, l.field, l.before, l.after])).toEqual([
      ['added', '新增培训场次', '', '', '≥4场'],
      ['removed', '宣传册印制', '', '≥2000册', ''],
      ['modified', '新建集中供水工程', 'target', '3', '4'],
      ['modified', '', 'goals.expected', '新建3处', '（空白）'],
    ]);
  });

  it('lists nothing for two equal versions', () => {
    expect(diffLines(view({}))).toEqual([]);
  });
});

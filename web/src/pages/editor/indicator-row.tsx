import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  MoreOutlined,
  PaperClipOutlined,
  PlusOutlined,
  TagsOutlined,
} from '@ant-design/icons';
import { Dropdown } from 'antd';
import { memo } from 'react';
import type { Finding } from '../../../../src/core/audit/types.ts';
import type { Indicator } from '../../../../src/core/form/schema.ts';
import type { RowScore } from '../../../../src/core/scoring/score-form.ts';
import { useT } from '../../app/i18n.tsx';
import { blankIndicator } from '../forms/new-form-template.ts';
import { FieldCell, NumberInput, TextInput } from './cells.tsx';
import { LevelCell } from './level-cell.tsx';
import { sameFindings, sameRowScore } from './live-rescore.ts';
import { LEVEL1_OPTIONS, level2Options, type RowSpans } from './row-groups.ts';
import { RuleScoreCell } from './rule-score-cell.tsx';
import { type CellMarks, useSheet } from './sheet-context.tsx';
import { ValueCell } from './value-cell.tsx';

export type RowProps = {
  index: number;
  count: number;
  row: Indicator;
  spans: RowSpans;
  score: RowScore | undefined;
  /** findings whose field is in this row. */
  findings: readonly Finding[] | undefined;
  comments: ReadonlyMap<string, readonly string[]> | undefined;
  lowConfidence: ReadonlyMap<string, string> | undefined;
  year: number;
  evidenceCount: number;
  /** the first row carries the 绩效指标 section cell, spanning this many rows. */
  sectionSpan?: number;
};

/**
 * The vertical 绩效指标 cell down the table body. The header row has its own (blank) section
 * cell: a printed table repeats its header on every page, and a rowspan cannot cross from the
 * header into the body.
 */
export function IndicatorSection(props: { span: number }) {
  const t = useT();
  return (
    <th rowSpan={props.span} className="section section-body" scope="rowgroup">
      <span className="vertical">{t.sheet.indicators}</span>
    </th>
  );
}

const COST = /成本/;

function marks(p: RowProps, col: string): CellMarks {
  const field = `indicators[${p.index}].${col}`;
  return {
    findings: p.findings?.filter((f) => f.field === field),
    comments: p.comments?.get(field),
    lowConfidence: p.lowConfidence?.get(field),
  };
}

function RowImpl(p: RowProps) {
  const t = useT();
  const { readOnly, dispatch, onRowCommand, evidence } = useSheet();
  const { index: i, row } = p;
  const f = (col: string) => `indicators[${i}].${col}`;
  const label = (col: string) => `${t.sheet.row(i + 1)} ${col}`;
  const isCost = COST.test(row.level2) || COST.test(row.level1);
  const deviationMarks = marks(p, 'deviation');
  const deviationNeeded = deviationMarks.findings?.some((x) => x.code === 'structure.deviation-note-missing');
  // X02/X05 (lifecycle.md §4.3): the target differs from the approved version in force
  const stageChanged = p.findings?.some((x) => x.field === f('target') && /^X0[25]$/.test(x.code));
  const levelFlag = (col: string) => Boolean(p.findings?.some((x) => x.field === f(col)));
  return (
    <tr className="indicator-row" data-row-index={i}>
      {p.sectionSpan !== undefined && <IndicatorSection span={p.sectionSpan} />}
      {p.spans.level1 > 0 && (
        <LevelCell
          level="level1"
          value={row.level1}
          run={p.spans.level1Run}
          rowSpan={p.spans.level1}
          options={LEVEL1_OPTIONS}
          label={`${label(t.sheet.level1)}`}
          flagged={levelFlag('level1')}
        />
      )}
      {p.spans.level2 > 0 && (
        <LevelCell
          level="level2"
          value={row.level2}
          run={p.spans.level2Run}
          rowSpan={p.spans.level2}
          options={level2Options(row.level1)}
          label={`${label(t.sheet.level2)}`}
          flagged={levelFlag('level2')}
        />
      )}
      <FieldCell marks={marks(p, 'name')} className="col-name">
        <TextInput field={f('name')} value={row.name} label={label(t.sheet.name)} nav={{ row: i, col: 1 }} />
      </FieldCell>
      <FieldCell marks={marks(p, 'target')} className={`col-value${stageChanged ? ' stage-changed' : ''}`}>
        <ValueCell
          field={f('target')}
          text={row.target}
          year={p.year}
          column="target"
          isCost={isCost}
          label={label(t.sheet.target)}
          nav={{ row: i, col: 2 }}
        />
      </FieldCell>
      <FieldCell marks={marks(p, 'actual')} className="col-value">
        <ValueCell
          field={f('actual')}
          text={row.actual}
          year={p.year}
          column="actual"
          isCost={isCost}
          label={label(t.sheet.actualValue)}
          nav={{ row: i, col: 3 }}
          completion={p.score?.facts?.completion}
        />
      </FieldCell>
      <FieldCell marks={marks(p, 'weight')} className="col-num">
        <NumberInput
          field={f('weight')}
          value={row.weight}
          empty={null}
          label={label(t.sheet.weight)}
          nav={{ row: i, col: 4 }}
        />
      </FieldCell>
      <FieldCell marks={marks(p, 'score')} className="col-num col-self">
        <NumberInput
          field={f('score')}
          value={row.score}
          empty={null}
          label={label(t.sheet.score)}
          nav={{ row: i, col: 5 }}
        />
      </FieldCell>
      <RuleScoreCell score={p.score} row={i} />
      <FieldCell marks={deviationMarks} className={`col-deviation ${deviationNeeded ? 'needs-note' : ''}`}>
        <TextInput
          field={f('deviation')}
          value={row.deviation}
          label={label(t.sheet.deviation)}
          nav={{ row: i, col: 6 }}
          placeholder={deviationNeeded ? t.editor.deviationRequired : ''}
        />
      </FieldCell>
      <td className="col-actions no-print">
        {p.evidenceCount > 0 && (
          <button
            type="button"
            className="evidence-chip"
            onClick={() => onRowCommand?.('evidence', i)}
            aria-label={`${t.evidence.title} ${p.evidenceCount}`}
          >
            <PaperClipOutlined />
            {p.evidenceCount}
          </button>
        )}
        {!readOnly && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'up', icon: <ArrowUpOutlined />, label: t.editor.moveUp, disabled: i === 0 },
                {
                  key: 'down',
                  icon: <ArrowDownOutlined />,
                  label: t.editor.moveDown,
                  disabled: i === p.count - 1,
                },
                { key: 'insert', icon: <PlusOutlined />, label: t.editor.insertBelow },
                { key: 'levels', icon: <TagsOutlined />, label: t.editor.setLevels },
                ...(evidence
                  ? [{ key: 'evidence', icon: <PaperClipOutlined />, label: t.evidence.title }]
                  : []),
                { type: 'divider' as const },
                { key: 'remove', icon: <DeleteOutlined />, label: t.editor.remove, danger: true },
              ],
              onClick: ({ key }) => {
                if (key === 'up') dispatch({ type: 'move-row', from: i, to: i - 1 });
                else if (key === 'down') dispatch({ type: 'move-row', from: i, to: i + 1 });
                else if (key === 'insert')
                  dispatch({ type: 'insert-row', at: i + 1, row: blankIndicator(row.level1, row.level2) });
                else if (key === 'levels') onRowCommand?.('set-levels', i);
                else if (key === 'evidence') onRowCommand?.('evidence', i);
                else if (key === 'remove') onRowCommand?.('remove', i);
              },
            }}
          >
            <button type="button" className="row-menu" aria-label={t.editor.rowActions(i + 1)}>
              <MoreOutlined />
            </button>
          </Dropdown>
        )}
      </td>
    </tr>
  );
}

export const IndicatorRow = memo(
  RowImpl,
  (a, b) =>
    a.index === b.index &&
    a.count === b.count &&
    a.sectionSpan === b.sectionSpan &&
    a.row === b.row &&
    a.year === b.year &&
    a.evidenceCount === b.evidenceCount &&
    a.comments === b.comments &&
    a.lowConfidence === b.lowConfidence &&
    a.spans.level1 === b.spans.level1 &&
    a.spans.level2 === b.spans.level2 &&
    a.spans.level1Run.join() === b.spans.level1Run.join() &&
    a.spans.level2Run.join() === b.spans.level2Run.join() &&
    sameRowScore(a.score, b.score) &&
    sameFindings(a.findings, b.findings),
);

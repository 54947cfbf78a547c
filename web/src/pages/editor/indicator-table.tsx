import { PlusOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useMemo, useState } from 'react';
import type { Finding } from '../../../../src/core/audit/types.ts';
import type { Form } from '../../../../src/core/form/schema.ts';
import { useT } from '../../app/i18n.tsx';
import { fmtScore } from '../../components/format.ts';
import { GradeBadge } from '../../components/status-tag.tsx';
import { blankIndicator } from '../forms/new-form-template.ts';
import { FieldCell, NumberInput } from './cells.tsx';
import { IndicatorRow, IndicatorSection } from './indicator-row.tsx';
import { onSheetKeyDown } from './keyboard.ts';
import type { LiveEvaluation } from './live-rescore.ts';
import { rowOfPath } from './paths.ts';
import { rowSpans } from './row-groups.ts';
import { SetLevelsDialog } from './set-levels-dialog.tsx';
import { type MarksIndex, marksOf, SheetContext, useSheet } from './sheet-context.tsx';

function byRow<V>(entries: Iterable<[string, V]>): Map<number, Map<string, V>> {
  const out = new Map<number, Map<string, V>>();
  for (const [field, v] of entries) {
    const r = rowOfPath(field);
    if (r === null) continue;
    const m = out.get(r) ?? new Map<string, V>();
    out.set(r, m);
    m.set(field, v);
  }
  return out;
}

export function IndicatorTable(props: {
  form: Form;
  evaluation: LiveEvaluation | null;
  marks: MarksIndex;
  evidenceCounts?: ReadonlyMap<number, number>;
  onEvidence?: (row: number) => void;
}) {
  const t = useT();
  const sheet = useSheet();
  const { modal } = App.useApp();
  const { form, evaluation } = props;
  const rows = form.indicators;
  const spans = useMemo(() => rowSpans(rows), [rows]);
  const [levelsFor, setLevelsFor] = useState<number | null>(null);
  const findingsByRow = useMemo(() => {
    const out = new Map<number, Finding[]>();
    for (const f of evaluation?.findings ?? []) {
      const r = rowOfPath(f.field);
      if (r === null) continue;
      const list = out.get(r);
      if (list) list.push(f);
      else out.set(r, [f]);
    }
    return out;
  }, [evaluation]);
  const commentsByRow = useMemo(() => byRow(props.marks.comments), [props.marks.comments]);
  const unsureByRow = useMemo(() => byRow(props.marks.lowConfidence), [props.marks.lowConfidence]);
  const context = useMemo(
    () => ({
      ...sheet,
      onRowCommand: (cmd: 'set-levels' | 'evidence' | 'remove', i: number) => {
        if (cmd === 'evidence') props.onEvidence?.(i);
        else if (cmd === 'set-levels') setLevelsFor(i);
        else
          modal.confirm({
            title: t.editor.removeConfirm,
            content: rows[i]?.name || t.sheet.row(i + 1),
            okButtonProps: { danger: true },
            okText: t.common.delete,
            cancelText: t.common.cancel,
            onOk: () => sheet.dispatch({ type: 'remove-row', index: i }),
          });
      },
      evidence: Boolean(props.onEvidence),
    }),
    [sheet, props.onEvidence, modal, t, rows],
  );
  const score = evaluation?.score;
  const last = rows[rows.length - 1];
  return (
    <SheetContext value={context}>
      <table className="sheet-table indicators" onKeyDown={onSheetKeyDown}>
        <colgroup>
          <col className="w-section" />
          <col className="w-level1" />
          <col className="w-level2" />
          <col className="w-name" />
          <col className="w-value" />
          <col className="w-value" />
          <col className="w-num" />
          <col className="w-num" />
          <col className="w-rule" />
          <col className="w-deviation" />
          <col className="w-actions no-print" />
        </colgroup>
        <thead>
          <tr className="head">
            <th className="section section-head" aria-hidden />
            <th scope="col">{t.sheet.level1}</th>
            <th scope="col">{t.sheet.level2}</th>
            <th scope="col">{t.sheet.name}</th>
            <th scope="col">{t.sheet.target}</th>
            <th scope="col">{t.sheet.actualValue}</th>
            <th scope="col">{t.sheet.weight}</th>
            <th scope="col">{t.sheet.score}</th>
            <th scope="col" className="col-rule">
              {t.sheet.ruleScore}
            </th>
            <th scope="col">{t.sheet.deviation}</th>
            <th className="col-actions no-print" aria-hidden />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <IndicatorRow
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the printed table
              key={i}
              index={i}
              count={rows.length}
              row={row}
              spans={spans[i]!}
              score={score?.rows[i]}
              findings={findingsByRow.get(i)}
              comments={commentsByRow.get(i)}
              lowConfidence={unsureByRow.get(i)}
              year={form.year}
              evidenceCount={props.evidenceCounts?.get(i) ?? 0}
              {...(i === 0 ? { sectionSpan: rows.length + 1 } : {})}
            />
          ))}
          <tr className="total-row">
            {rows.length === 0 && <IndicatorSection span={1} />}
            <th colSpan={5} scope="row" className="total-caption">
              {t.sheet.totalRow}
              {rows.length === 0 && <span className="muted no-print">（{t.editor.noIndicators}）</span>}
            </th>
            <FieldCell
              marks={marksOf({ ...props.marks, findings: evaluation?.byField ?? new Map() }, 'totalWeight')}
              className="col-num"
            >
              <NumberInput
                field="totalWeight"
                value={form.totalWeight}
                empty={null}
                label={`${t.sheet.totalRow} ${t.sheet.weight}`}
              />
            </FieldCell>
            <FieldCell
              marks={marksOf({ ...props.marks, findings: evaluation?.byField ?? new Map() }, 'totalScore')}
              className="col-num col-self total-self"
            >
              <NumberInput
                field="totalScore"
                value={form.totalScore}
                empty={null}
                label={`${t.sheet.totalRow} ${t.sheet.score}`}
              />
            </FieldCell>
            <td className="col-rule total-rule" data-field="ruleTotal">
              <span className="rule-total-value" data-testid="rule-total">
                {score ? fmtScore(score.ruleTotal) : '—'}
              </span>
            </td>
            <td className="total-grade">
              {score && (
                <span>
                  {t.editor.ruleTotal} <GradeBadge grade={score.grade} />
                  {score.selfGrade && (
                    <span className="muted">
                      {' '}
                      · {t.editor.selfTotal} {score.selfGrade}
                    </span>
                  )}
                </span>
              )}
            </td>
            <td className="col-actions no-print" />
          </tr>
        </tbody>
      </table>
      {!sheet.readOnly && (
        <div className="sheet-below no-print">
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              sheet.dispatch({
                type: 'insert-row',
                at: rows.length,
                row: blankIndicator(last?.level1 ?? '产出指标', last?.level2 ?? '数量指标'),
              })
            }
          >
            {t.editor.addRow}
          </Button>
          <span className="muted keyboard-hint">{t.editor.keyboardHint}</span>
        </div>
      )}
      <SetLevelsDialog index={levelsFor} form={form} onClose={() => setLevelsFor(null)} />
    </SheetContext>
  );
}

import { Tooltip } from 'antd';
import type { Form, FundsKey } from '../../../../src/core/form/schema.ts';
import { rowRate } from '../../../../src/core/scoring/funds.ts';
import { round2 } from '../../../../src/core/scoring/round.ts';
import { useT } from '../../app/i18n.tsx';
import { fmtMoney, fmtPercent, fmtScore } from '../../components/format.ts';
import { CellFlags, cellClass, FieldCell, NumberInput } from './cells.tsx';
import type { LiveEvaluation } from './live-rescore.ts';
import { type MarksIndex, marksOf, useSheet } from './sheet-context.tsx';

const ROWS: readonly FundsKey[] = ['total', 'fiscal', 'carryover', 'other'];
const AMOUNTS = ['initialBudget', 'annualBudget', 'executed'] as const;

/** 项目资金 block: amounts typed, execution rate and score computed as they change. */
export function FundsTable({
  form,
  evaluation,
  marks,
}: {
  form: Form;
  evaluation: LiveEvaluation | null;
  marks: MarksIndex;
}) {
  const t = useT();
  const s = t.sheet;
  const { readOnly, dispatch } = useSheet();
  const label: Record<FundsKey, string> = {
    total: s.total,
    fiscal: s.fiscal,
    carryover: s.carryover,
    other: s.other,
  };
  const fm = (f: string) => marksOf({ ...marks, findings: evaluation?.byField ?? marks.findings }, f);
  const funds = evaluation?.score.funds;
  return (
    <table className="sheet-table funds">
      <colgroup>
        <col className="w-section" />
        <col style={{ width: '22%' }} />
        <col />
        <col />
        <col />
        <col style={{ width: '8%' }} />
        <col style={{ width: '11%' }} />
        <col style={{ width: '11%' }} />
      </colgroup>
      <tbody>
        <tr className="head">
          <th rowSpan={5} className="section" scope="rowgroup">
            <span className="vertical">
              {s.funds}
              {s.fundsUnit(form.fundsUnit)}
            </span>
          </th>
          <th className="unit-cell">
            {readOnly ? null : (
              <label className="unit-label">
                {t.editor.amountUnit}
                <select
                  className="unit-select"
                  value={form.fundsUnit}
                  onChange={(e) => dispatch({ type: 'set', path: 'fundsUnit', value: e.target.value })}
                >
                  <option value="万元">万元</option>
                  <option value="元">元</option>
                </select>
              </label>
            )}
          </th>
          <th scope="col">{s.initialBudget}</th>
          <th scope="col">{s.annualBudget}</th>
          <th scope="col">{s.executed}</th>
          <th scope="col">{s.weight}</th>
          <th scope="col">{s.executionRate}</th>
          <th scope="col">{s.score}</th>
        </tr>
        {ROWS.map((key) => {
          const row = form.funds[key];
          const rate = rowRate(row);
          const printedRate = row?.executionRate;
          const rateDiffers =
            printedRate !== undefined && rate !== null && Math.abs(printedRate - round2(rate)) >= 0.005;
          const rateField = `funds.${key}.executionRate`;
          const scoreField = `funds.${key}.score`;
          const printedScore = row?.score;
          const isTotal = key === 'total';
          const scoreDiffers =
            isTotal &&
            funds?.score != null &&
            printedScore !== undefined &&
            Math.abs(printedScore - funds.score) >= 0.005;
          return (
            <tr key={key} className={`funds-row ${key}`}>
              <th scope="row" className="row-label">
                {label[key]}
              </th>
              {AMOUNTS.map((a) => (
                <FieldCell key={a} marks={fm(`funds.${key}.${a}`)} className="col-money">
                  <NumberInput
                    field={`funds.${key}.${a}`}
                    value={row?.[a]}
                    empty={null}
                    format={fmtMoney}
                    label={`${label[key]} ${s[a]}`}
                  />
                </FieldCell>
              ))}
              <FieldCell marks={fm(`funds.${key}.weight`)} className="col-num">
                {isTotal ? (
                  <NumberInput
                    field="funds.total.weight"
                    value={row?.weight}
                    empty={undefined}
                    label={`${label[key]} ${s.weight}`}
                  />
                ) : (
                  <span className="dash">—</span>
                )}
              </FieldCell>
              <td className={cellClass(fm(rateField), 'computed')}>
                <CellFlags marks={fm(rateField)} />
                <span
                  className="computed-value"
                  data-field={rateField}
                  tabIndex={-1}
                  data-testid={`rate-${key}`}
                >
                  {rate === null
                    ? printedRate !== undefined
                      ? fmtPercent(printedRate)
                      : '—'
                    : fmtPercent(round2(rate))}
                </span>
                {rateDiffers && (
                  <span className="printed-note">{t.editor.printedDiffers(fmtPercent(printedRate))}</span>
                )}
              </td>
              <td className={cellClass(fm(scoreField), 'computed')}>
                <CellFlags marks={fm(scoreField)} />
                {isTotal && funds ? (
                  <Tooltip title={funds.trail}>
                    <output
                      className="computed-value strong"
                      data-field={scoreField}
                      data-testid="funds-score"
                    >
                      {fmtScore(funds.score)}
                    </output>
                  </Tooltip>
                ) : isTotal && printedScore !== undefined ? (
                  <output className="computed-value" data-field={scoreField}>
                    {fmtScore(printedScore)}
                  </output>
                ) : (
                  <span className="dash">—</span>
                )}
                {scoreDiffers && (
                  <span className="printed-note">{t.editor.printedDiffers(fmtScore(printedScore))}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

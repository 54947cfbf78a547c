import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { Finding } from '../../../../src/core/audit/types.ts';
import type { Form, FundsRow, Indicator } from '../../../../src/core/form/schema.ts';
import { round2 } from '../../../../src/core/scoring/round.ts';
import { fmtMoney, fmtPercent, fmtScore } from '../../components/format.ts';
import { FieldCell, NumberInput, TextInput } from '../editor/cells.tsx';
import { type MarksIndex, marksOf, useSheet } from '../editor/sheet-context.tsx';
import {
  blankRow,
  type Column,
  departmentRowScore,
  type KindLayout,
  monitoringPeriods,
  periodLabel,
} from './kind-layout.ts';
import { LightDot, type RowLight } from './light-dot.tsx';

/**
 * A declaration, monitoring or department form laid out like its printed table (lifecycle.md §2):
 * header, funds block, goals, indicator rows. The columns come from kind-layout.ts; findings,
 * lights and comments sit on the cells exactly as on the self-evaluation sheet.
 */
export function LifecycleSheet(props: {
  form: Form;
  layout: KindLayout;
  marks: MarksIndex;
  monitoringMonths?: readonly number[] | undefined;
  lights?: { funds: Partial<Record<string, RowLight>>; rows: readonly (RowLight | null)[] } | null;
}) {
  const { form, layout, marks } = props;
  return (
    <div className={`lifecycle-sheet kind-${form.kind}`} data-kind={form.kind}>
      <div className="sheet-title">
        <TextInput
          field="title"
          value={form.title || layout.title}
          label="表名"
          multiline={false}
          className="title-input"
        />
        <div className="sheet-year">
          （
          <NumberInput field="year" value={form.year} empty={undefined} label="年度" className="year-input" />
          年度
          {form.kind === 'project-monitoring' && (
            <PeriodSelect form={form} months={monitoringPeriods(props.monitoringMonths)} />
          )}
          ）
        </div>
        <VersionLine form={form} />
      </div>
      <HeaderTable form={form} layout={layout} marks={marks} />
      <FundsBlock form={form} layout={layout} marks={marks} lights={props.lights?.funds ?? {}} />
      <GoalsBlock form={form} layout={layout} marks={marks} />
      <RowsTable form={form} layout={layout} marks={marks} lights={props.lights?.rows ?? []} />
      {form.kind === 'project-monitoring' && (
        <table className="sheet-table goals">
          <tbody>
            <tr>
              <th scope="row" className="lc-th">
                纠偏措施
              </th>
              <FieldCell marks={marksOf(marks, 'correctiveActions')} className="goal-cell">
                <TextInput field="correctiveActions" value={form.correctiveActions ?? ''} label="纠偏措施" />
              </FieldCell>
            </tr>
          </tbody>
        </table>
      )}
    </div>
  );
}

function PeriodSelect({ form, months }: { form: Form; months: readonly number[] }) {
  const { readOnly, dispatch } = useSheet();
  const value = form.asOfMonth ?? months[months.length - 1] ?? 7;
  if (readOnly) return <span data-testid="period"> · {periodLabel(value)}</span>;
  return (
    <label className="period-label">
      {' · '}
      <select
        aria-label="监控期间"
        className="unit-select"
        data-testid="period"
        value={value}
        onChange={(e) => dispatch({ type: 'set', path: 'asOfMonth', value: Number(e.target.value) })}
      >
        {(months.includes(value) ? months : [...months, value]).map((m) => (
          <option key={m} value={m}>
            {periodLabel(m)}
          </option>
        ))}
      </select>
    </label>
  );
}

function VersionLine({ form }: { form: Form }) {
  const bits: string[] = [];
  if (form.kind === 'project-target-declaration' && form.version) bits.push(`第 ${form.version} 版`);
  if (form.targetVersion) bits.push(`依据目标第 ${form.targetVersion} 版`);
  if (form.adjustment) bits.push(`调整：${form.adjustment.trigger}（${form.adjustment.reason}）`);
  if (form.review?.grade) bits.push(`审核等级：${form.review.grade}`);
  if (form.approval) bits.push(`批复文号：${form.approval.documentNo}`);
  if (bits.length === 0) return null;
  return (
    <div className="version-line" data-testid="version-line">
      {bits.join(' · ')}
    </div>
  );
}

function HeaderTable({ form, layout, marks }: { form: Form; layout: KindLayout; marks: MarksIndex }) {
  const { readOnly, dispatch } = useSheet();
  const cells: ReactNode[][] = [];
  let line: ReactNode[] = [];
  for (const h of layout.header) {
    const value = (form[h.key] as string | undefined) ?? '';
    const cell = (
      <FieldCell key={h.key} marks={marksOf(marks, h.key)} colSpan={h.wide ? 3 : 1}>
        {h.options && !readOnly ? (
          <select
            className="cell-input"
            data-field={h.key}
            aria-label={h.label}
            value={value}
            onChange={(e) => dispatch({ type: 'set', path: h.key, value: e.target.value })}
          >
            <option value="" />
            {h.options.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        ) : (
          <TextInput field={h.key} value={value} label={h.label} multiline={Boolean(h.wide)} />
        )}
      </FieldCell>
    );
    const pair = [
      <th key={`${h.key}-th`} scope="row">
        {h.label}
      </th>,
      cell,
    ];
    if (h.wide) {
      if (line.length) cells.push(line);
      cells.push(pair);
      line = [];
    } else {
      line.push(...pair);
      if (line.length === 4) {
        cells.push(line);
        line = [];
      }
    }
  }
  if (line.length) cells.push(line);
  return (
    <table className="sheet-table header">
      <colgroup>
        <col style={{ width: '13%' }} />
        <col style={{ width: '37%' }} />
        <col style={{ width: '13%' }} />
        <col style={{ width: '37%' }} />
      </colgroup>
      <tbody>
        {cells.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: header lines are fixed positions
          <tr key={i}>{c}</tr>
        ))}
      </tbody>
    </table>
  );
}

function rateOf(row: FundsRow | null | undefined, by: 'executed' | 'executedToDate'): number | null {
  const base = row?.annualBudget ?? null;
  const done = row?.[by] ?? null;
  if (base === null || done === null || base === 0) return null;
  return round2((done / base) * 100);
}

function FundsBlock(props: {
  form: Form;
  layout: KindLayout;
  marks: MarksIndex;
  lights: Partial<Record<string, RowLight>>;
}) {
  const { form, layout, marks } = props;
  const cols = layout.fundsColumns;
  const showLight = form.kind === 'project-monitoring';
  return (
    <table className="sheet-table funds">
      <colgroup>
        <col className="w-section" />
        <col style={{ width: '24%' }} />
      </colgroup>
      <tbody>
        <tr className="head">
          <th rowSpan={layout.fundsRows.length + 1} className="section" scope="rowgroup">
            <span className="vertical">
              {layout.fundsTitle}（{form.fundsUnit}）
            </span>
          </th>
          <th />
          {cols.map((c) => (
            <th key={c.key} scope="col">
              {c.label}
            </th>
          ))}
          {layout.fundsRate && <th scope="col">执行率</th>}
          {form.kind === 'department-self-evaluation' && <th scope="col">得分</th>}
          {showLight && <th scope="col">预警</th>}
        </tr>
        {layout.fundsRows.map((r) => {
          const row = (form.funds as Record<string, FundsRow | null | undefined>)[r.key];
          const rate = layout.fundsRate ? rateOf(row, layout.fundsRate) : null;
          const weight = row?.weight;
          return (
            <tr key={r.key} className={`funds-row ${r.key}`}>
              <th scope="row" className="row-label">
                {r.label}
              </th>
              {cols.map((c) =>
                c.key === 'weight' && r.key !== 'total' ? (
                  <td key={c.key} className="col-num">
                    <span className="dash">—</span>
                  </td>
                ) : (
                  <FieldCell
                    key={c.key}
                    marks={marksOf(marks, `funds.${r.key}.${c.key}`)}
                    className="col-money"
                  >
                    <NumberInput
                      field={`funds.${r.key}.${c.key}`}
                      value={row?.[c.key]}
                      empty={c.key === 'weight' ? undefined : null}
                      format={c.key === 'weight' ? undefined : fmtMoney}
                      label={`${r.label} ${c.label}`}
                    />
                  </FieldCell>
                ),
              )}
              {layout.fundsRate && (
                <td className="computed" data-testid={`rate-${r.key}`}>
                  {rate === null ? '—' : fmtPercent(rate)}
                </td>
              )}
              {form.kind === 'department-self-evaluation' && (
                <td className="computed" data-testid={`funds-score-${r.key}`}>
                  {r.key === 'total' && weight !== undefined && rate !== null
                    ? fmtScore(round2((Math.min(rate, 100) / 100) * weight))
                    : '—'}
                </td>
              )}
              {showLight && (
                <td className="light-cell">
                  <LightDot reading={props.lights[r.key] ?? null} testId={`light-funds-${r.key}`} />
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function GoalsBlock({ form, layout, marks }: { form: Form; layout: KindLayout; marks: MarksIndex }) {
  return (
    <table className="sheet-table goals">
      <colgroup>
        <col className="w-section" />
      </colgroup>
      <tbody>
        <tr className="head">
          <th rowSpan={2} className="section" scope="rowgroup">
            <span className="vertical">绩效目标</span>
          </th>
          {layout.goals.map((g) => (
            <th key={g.key} scope="col">
              {g.key === 'progress' && form.asOfMonth ? `1–${form.asOfMonth}月${g.label}` : g.label}
            </th>
          ))}
        </tr>
        <tr>
          {layout.goals.map((g) => (
            <FieldCell key={g.key} marks={marksOf(marks, `goals.${g.key}`)} className="goal-cell">
              <TextInput
                field={`goals.${g.key}`}
                value={(form.goals[g.key] as string | undefined) ?? ''}
                label={g.label}
              />
            </FieldCell>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

function RowsTable(props: {
  form: Form;
  layout: KindLayout;
  marks: MarksIndex;
  lights: readonly (RowLight | null)[];
}) {
  const { form, layout, marks } = props;
  const { readOnly, dispatch } = useSheet();
  const showLight = form.kind === 'project-monitoring';
  const rows = form.indicators;
  const weighted = layout.columns.some((c) => c.key === 'weight');
  const totalWeight = rows.reduce((a, r) => a + (r.weight ?? 0), 0);
  return (
    <>
      <table className="sheet-table indicators lifecycle-rows">
        <colgroup>
          {layout.columns.map((c) => (
            <col key={c.key} style={c.width ? { width: c.width } : undefined} />
          ))}
          {showLight && <col style={{ width: '5%' }} />}
          <col className="w-actions no-print" />
        </colgroup>
        <thead>
          <tr className="head">
            {layout.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.key === 'progress' && form.asOfMonth ? `1–${form.asOfMonth}月完成值` : c.label}
              </th>
            ))}
            {showLight && <th scope="col">预警</th>}
            <th className="col-actions no-print" aria-hidden />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the printed table
              key={i}
              className="indicator-row"
              data-row-index={i}
            >
              {layout.columns.map((c) => (
                <RowCell key={c.key} form={form} row={row} index={i} column={c} marks={marks} />
              ))}
              {showLight && (
                <td className="light-cell">
                  <LightDot reading={props.lights[i] ?? null} testId={`light-row-${i}`} />
                </td>
              )}
              <td className="col-actions no-print">
                {!readOnly && (
                  <button
                    type="button"
                    className="row-menu"
                    aria-label={`删除第 ${i + 1} 行`}
                    onClick={() => dispatch({ type: 'remove-row', index: i })}
                  >
                    <DeleteOutlined />
                  </button>
                )}
              </td>
            </tr>
          ))}
          {weighted && (
            <tr className="total-row">
              <th
                scope="row"
                colSpan={layout.columns.findIndex((c) => c.key === 'weight')}
                className="total-caption"
              >
                合计
              </th>
              <td className="computed" data-testid="weight-sum">
                {fmtScore(round2(totalWeight + (form.funds.total?.weight ?? 0)))}
              </td>
              <td colSpan={layout.columns.length - layout.columns.findIndex((c) => c.key === 'weight')} />
            </tr>
          )}
        </tbody>
      </table>
      {!readOnly && (
        <div className="sheet-below no-print">
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              const last = rows[rows.length - 1];
              dispatch({
                type: 'insert-row',
                at: rows.length,
                row: blankRow(form.kind, last?.level1 ?? '产出指标', last?.level2 ?? '数量指标'),
              });
            }}
          >
            添加指标行
          </Button>
        </div>
      )}
    </>
  );
}

function cellFindings(marks: MarksIndex, field: string): readonly Finding[] | undefined {
  return marks.findings.get(field);
}

function RowCell(props: { form: Form; row: Indicator; index: number; column: Column; marks: MarksIndex }) {
  const { row, index: i, column: c, marks } = props;
  const { readOnly, dispatch } = useSheet();
  const field = `indicators[${i}].${c.key}`;
  const label = `第 ${i + 1} 行 ${c.label}`;
  const m = marksOf(marks, field);
  const value = row[c.key];
  const changed = cellFindings(marks, field)?.some((f) => /^X\d/.test(f.code));
  const cls = `col-${c.type}${changed ? ' stage-changed' : ''}`;
  if (c.key === 'score' && props.form.kind === 'department-self-evaluation') {
    const computed = departmentRowScore(row);
    return (
      <FieldCell marks={m} className={cls}>
        <NumberInput field={field} value={row.score} empty={null} label={label} />
        {computed !== null && computed !== row.score && (
          <Tooltip title="得分系数 × 分值">
            <span className="printed-note" data-testid={`computed-score-${i}`}>
              应为 {fmtScore(computed)}
            </span>
          </Tooltip>
        )}
      </FieldCell>
    );
  }
  if (c.type === 'number')
    return (
      <FieldCell marks={m} className={cls}>
        <NumberInput field={field} value={value as number | null | undefined} empty={null} label={label} />
      </FieldCell>
    );
  if (c.type === 'bool')
    return (
      <FieldCell marks={m} className={cls}>
        <input
          type="checkbox"
          data-field={field}
          aria-label={label}
          checked={value === true}
          disabled={readOnly}
          onChange={(e) => dispatch({ type: 'set', path: field, value: e.target.checked })}
        />
      </FieldCell>
    );
  if (c.type === 'select' && !readOnly) {
    const v = (value as string | undefined) ?? '';
    const options = c.options ?? [];
    return (
      <FieldCell marks={m} className={cls}>
        <select
          className="cell-input"
          data-field={field}
          aria-label={label}
          value={v}
          onChange={(e) => dispatch({ type: 'set', path: field, value: e.target.value })}
        >
          <option value="" />
          {(options.includes(v) || v === '' ? options : [...options, v]).map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      </FieldCell>
    );
  }
  if (c.type === 'list') {
    const list = (value as string[] | undefined) ?? [];
    return (
      <FieldCell marks={m} className={cls}>
        <TextInput
          field={field}
          value={list.join('、')}
          label={label}
          placeholder={c.options?.join('、')}
          onValue={(s) =>
            s
              .split(/[、,，;；\s]+/)
              .map((x) => x.trim())
              .filter(Boolean)
          }
        />
      </FieldCell>
    );
  }
  return (
    <FieldCell marks={m} className={cls}>
      <TextInput field={field} value={(value as string | undefined) ?? ''} label={label} />
    </FieldCell>
  );
}

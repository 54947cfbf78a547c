import { Tooltip } from 'antd';
import { type KeyboardEvent, memo, type ReactNode, useState } from 'react';
import type { CellMarks } from './sheet-context.tsx';
import { useSheet } from './sheet-context.tsx';

// The cells of the printed table: borderless inputs that look like the paper form, with small
// corner flags for findings (red/orange), review comments (blue) and unsure imports (yellow).

export function cellClass(marks: CellMarks | undefined, extra = ''): string {
  const c = [extra];
  const sev = marks?.findings?.some((f) => f.severity === 'error')
    ? 'flag-error'
    : marks?.findings?.some((f) => f.severity === 'warning')
      ? 'flag-warning'
      : marks?.findings?.length
        ? 'flag-info'
        : '';
  if (sev) c.push(sev);
  if (marks?.comments?.length) c.push('flag-comment');
  if (marks?.lowConfidence) c.push('low-confidence');
  return c.filter(Boolean).join(' ');
}

/** The corner flags of a cell, with the messages on hover. */
export function CellFlags({ marks }: { marks: CellMarks | undefined }) {
  if (!marks) return null;
  const findings = marks.findings ?? [];
  return (
    <>
      {findings.length > 0 && (
        <Tooltip
          title={
            <ul className="tip-list">
              {findings.map((f) => (
                <li key={f.code + f.message}>{f.message}</li>
              ))}
            </ul>
          }
        >
          <span
            className={`corner-flag ${findings.some((f) => f.severity === 'error') ? 'error' : 'warning'}`}
            aria-hidden
          />
        </Tooltip>
      )}
      {marks.comments && marks.comments.length > 0 && (
        <Tooltip
          title={
            <ul className="tip-list">
              {marks.comments.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          }
        >
          <span className="corner-flag comment" aria-hidden />
        </Tooltip>
      )}
      {marks.lowConfidence && (
        <Tooltip title={marks.lowConfidence}>
          <span className="corner-flag unsure" aria-hidden />
        </Tooltip>
      )}
    </>
  );
}

type TextProps = {
  field: string;
  value: string;
  label: string;
  placeholder?: string;
  className?: string;
  multiline?: boolean;
  nav?: { row: number; col: number };
  /** id of the element that explains the cell (aria-describedby). */
  describedBy?: string;
  /** maps the typed text to the stored value (optional header fields store undefined for ''). */
  onValue?: (v: string) => unknown;
};

export const TextInput = memo(function TextInput(p: TextProps) {
  const { readOnly, dispatch } = useSheet();
  const common = {
    'data-field': p.field,
    'data-row': p.nav?.row,
    'data-col': p.nav?.col,
    'aria-label': p.label,
    'aria-describedby': p.describedBy,
    className: `cell-input ${p.className ?? ''}`,
    value: p.value,
    placeholder: readOnly ? undefined : p.placeholder,
    readOnly,
    onChange: (e: { target: { value: string } }) =>
      dispatch({ type: 'set', path: p.field, value: p.onValue ? p.onValue(e.target.value) : e.target.value }),
  };
  if (p.multiline === false) return <input type="text" {...common} />;
  return (
    <>
      <textarea rows={1} {...common} />
      <div className="print-text" aria-hidden>
        {p.value}
      </div>
    </>
  );
});

type NumberProps = {
  field: string;
  value: number | null | undefined;
  label: string;
  className?: string;
  nav?: { row: number; col: number };
  /** what clearing the cell writes: null (nullable fields) or undefined (optional ones). */
  empty: null | undefined;
  format?: (n: number) => string;
  placeholder?: string;
};

function parseNumber(text: string): number | null {
  const s = text.replace(/[,，\s]/g, '').replace(/[％%]$/, '');
  if (s === '' || s === '-' || s === '.') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** A number cell: keeps what is typed (`2.`) while focused, shows the formatted value otherwise. */
export const NumberInput = memo(function NumberInput(p: NumberProps) {
  const { readOnly, dispatch } = useSheet();
  const shown =
    p.value === null || p.value === undefined ? '' : p.format ? p.format(p.value) : String(p.value);
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && draft !== null) {
      setDraft(null);
      e.currentTarget.blur();
    }
  };
  return (
    <input
      type="text"
      inputMode="decimal"
      data-field={p.field}
      data-row={p.nav?.row}
      data-col={p.nav?.col}
      data-enter="down"
      aria-label={p.label}
      aria-invalid={invalid || undefined}
      className={`cell-input num ${invalid ? 'invalid' : ''} ${p.className ?? ''}`}
      value={draft ?? shown}
      placeholder={readOnly ? undefined : p.placeholder}
      readOnly={readOnly}
      onFocus={() => !readOnly && setDraft(p.value === null || p.value === undefined ? '' : String(p.value))}
      onBlur={() => {
        setDraft(null);
        setInvalid(false);
      }}
      onKeyDown={onKeyDown}
      onChange={(e) => {
        const text = e.target.value;
        setDraft(text);
        const n = parseNumber(text);
        if (Number.isNaN(n)) {
          setInvalid(true);
          return;
        }
        setInvalid(false);
        if (n !== (p.value ?? null))
          dispatch({ type: 'set', path: p.field, value: n === null ? p.empty : n });
      }}
    />
  );
});

/** A table cell holding a field: flags + content. */
export function FieldCell(props: {
  marks?: CellMarks | undefined;
  className?: string;
  colSpan?: number;
  rowSpan?: number;
  children: ReactNode;
}) {
  return (
    <td className={cellClass(props.marks, props.className)} colSpan={props.colSpan} rowSpan={props.rowSpan}>
      <CellFlags marks={props.marks} />
      {props.children}
    </td>
  );
}

import { AutoComplete, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useSheet } from './sheet-context.tsx';

/**
 * A merged 一级 or 二级 cell: a picker over the standard vocabulary (free text allowed). Renaming
 * it renames every row of the run, so the merged cell stays one cell.
 */
export function LevelCell(props: {
  level: 'level1' | 'level2';
  value: string;
  run: readonly number[];
  options: readonly string[];
  label: string;
  rowSpan: number;
  flagged?: boolean;
}) {
  const { readOnly, dispatch } = useSheet();
  const [draft, setDraft] = useState(props.value);
  useEffect(() => setDraft(props.value), [props.value]);
  const commit = (v: string) => {
    const next = v.trim();
    if (next !== props.value) dispatch({ type: 'set-levels', indices: props.run, [props.level]: next });
  };
  const field = `indicators[${props.run[0] ?? 0}].${props.level}`;
  return (
    <td
      rowSpan={props.rowSpan}
      className={`level-cell ${props.level} ${props.flagged ? 'flag-warning' : ''}`}
    >
      {readOnly ? (
        <span className="level-text" data-field={field} tabIndex={-1}>
          {props.value}
        </span>
      ) : (
        <AutoComplete
          variant="borderless"
          className="level-picker"
          value={draft}
          options={props.options.map((o) => ({ value: o, label: o }))}
          onChange={(v) => setDraft(v)}
          onSelect={(v) => {
            setDraft(v);
            commit(v);
          }}
          onBlur={() => commit(draft)}
          popupMatchSelectWidth={150}
        >
          <Input.TextArea
            autoSize
            variant="borderless"
            className="level-input"
            aria-label={props.label}
            data-field={field}
          />
        </AutoComplete>
      )}
    </td>
  );
}

import { memo, useMemo } from 'react';
import { useT } from '../../app/i18n.tsx';
import { TextInput } from './cells.tsx';
import { understandCell } from './understanding.ts';

/** A target or actual cell: the text as printed, and under it how the rules read it. */
export const ValueCell = memo(function ValueCell(props: {
  field: string;
  text: string;
  year: number;
  column: 'target' | 'actual';
  isCost: boolean;
  label: string;
  nav: { row: number; col: number };
  /** actual ÷ target, when the rules computed it. */
  completion?: number | undefined;
}) {
  const t = useT();
  const u = useMemo(
    () => understandCell(props.text, { year: props.year, role: props.column, isCost: props.isCost }, t),
    [props.text, props.year, props.column, props.isCost, t],
  );
  const id = `u-${props.field.replace(/[^\w]/g, '-')}`;
  return (
    <>
      <TextInput
        field={props.field}
        value={props.text}
        label={props.label}
        nav={props.nav}
        describedBy={id}
      />
      <div id={id} className={`understood tone-${u.tone}`} data-understood={props.field}>
        {u.tone === 'ok' && (
          <span className="understood-mark" aria-hidden>
            ≈{' '}
          </span>
        )}
        {u.text}
        {props.completion !== undefined && props.column === 'actual' && (
          <span className="completion">
            {' '}
            · {t.editor.completion(Math.round(props.completion * 100) / 100)}
          </span>
        )}
      </div>
    </>
  );
});

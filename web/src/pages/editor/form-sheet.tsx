import { useMemo } from 'react';
import type { Form } from '../../../../src/core/form/schema.ts';
import { layoutOf } from '../lifecycle/kind-layout.ts';
import { LifecycleSheet } from '../lifecycle/lifecycle-sheet.tsx';
import type { RowLight } from '../lifecycle/light-dot.tsx';
import type { Edit } from './form-edits.ts';
import { FundsTable } from './funds-table.tsx';
import { GoalsTable } from './goals-table.tsx';
import { IndicatorTable } from './indicator-table.tsx';
import type { LiveEvaluation } from './live-rescore.ts';
import { type MarksIndex, NO_MARKS, SheetContext } from './sheet-context.tsx';
import { SheetHeader } from './sheet-header.tsx';

/**
 * The form laid out like the official printed table: header, funds, goals, indicators, total.
 * Used by the editor, the import wizard and the print page (read-only).
 */
export function FormSheet(props: {
  form: Form;
  evaluation: LiveEvaluation | null;
  readOnly: boolean;
  dispatch: (edit: Edit) => void;
  comments?: ReadonlyMap<string, readonly string[]>;
  lowConfidence?: ReadonlyMap<string, string>;
  evidenceCounts?: ReadonlyMap<number, number>;
  onEvidence?: (row: number) => void;
  onFocusField?: (field: string) => void;
  /** monitoring: the profile's 1–N月 periods (lifecycle.md §5). */
  monitoringMonths?: readonly number[] | undefined;
  /** monitoring: the lights core computed (lifecycle.md §4.2). */
  lights?: { funds: Partial<Record<string, RowLight>>; rows: readonly (RowLight | null)[] } | null;
}) {
  const { form, evaluation, readOnly, dispatch } = props;
  const marks: MarksIndex = useMemo(
    () => ({
      findings: evaluation?.byField ?? NO_MARKS.findings,
      comments: props.comments ?? NO_MARKS.comments,
      lowConfidence: props.lowConfidence ?? NO_MARKS.lowConfidence,
    }),
    [evaluation, props.comments, props.lowConfidence],
  );
  const context = useMemo(() => ({ readOnly, dispatch }), [readOnly, dispatch]);
  const onFocus = props.onFocusField;
  const layout = layoutOf(form.kind);
  return (
    <SheetContext value={context}>
      <div
        className={`form-sheet ${readOnly ? 'read-only' : 'editable'}`}
        onFocusCapture={
          onFocus
            ? (e) => {
                const field = (e.target as HTMLElement).closest<HTMLElement>('[data-field]')?.dataset[
                  'field'
                ];
                if (field) onFocus(field);
              }
            : undefined
        }
      >
        {layout ? (
          <LifecycleSheet
            form={form}
            layout={layout}
            marks={marks}
            monitoringMonths={props.monitoringMonths}
            lights={props.lights ?? null}
          />
        ) : (
          <>
            <SheetHeader form={form} marks={marks} />
            <FundsTable form={form} evaluation={evaluation} marks={marks} />
            <GoalsTable form={form} marks={marks} />
            <IndicatorTable
              form={form}
              evaluation={evaluation}
              marks={marks}
              {...(props.evidenceCounts ? { evidenceCounts: props.evidenceCounts } : {})}
              {...(props.onEvidence ? { onEvidence: props.onEvidence } : {})}
            />
          </>
        )}
      </div>
    </SheetContext>
  );
}

import type { Form } from '../../../../src/core/form/schema.ts';
import { useT } from '../../app/i18n.tsx';
import { FieldCell, TextInput } from './cells.tsx';
import { type MarksIndex, marksOf } from './sheet-context.tsx';

/** 年度总体目标: expected and actual, side by side as printed. */
export function GoalsTable({ form, marks }: { form: Form; marks: MarksIndex }) {
  const t = useT();
  const s = t.sheet;
  return (
    <table className="sheet-table goals">
      <colgroup>
        <col className="w-section" />
        <col />
        <col />
      </colgroup>
      <tbody>
        <tr className="head">
          <th rowSpan={2} className="section" scope="rowgroup">
            <span className="vertical">{s.goals}</span>
          </th>
          <th scope="col">{s.expected}</th>
          <th scope="col">{s.actual}</th>
        </tr>
        <tr>
          <FieldCell marks={marksOf(marks, 'goals.expected')} className="goal-cell">
            <TextInput
              field="goals.expected"
              value={form.goals.expected}
              label={`${s.goals} ${s.expected}`}
            />
          </FieldCell>
          <FieldCell marks={marksOf(marks, 'goals.actual')} className="goal-cell">
            <TextInput field="goals.actual" value={form.goals.actual} label={`${s.goals} ${s.actual}`} />
          </FieldCell>
        </tr>
      </tbody>
    </table>
  );
}

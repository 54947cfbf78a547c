import type { Form } from '../../../../src/core/form/schema.ts';
import { useT } from '../../app/i18n.tsx';
import { FieldCell, NumberInput, TextInput } from './cells.tsx';
import { type MarksIndex, marksOf } from './sheet-context.tsx';

const orUndefined = (v: string) => (v === '' ? undefined : v);

/** Title, year and the header rows of the official table. */
export function SheetHeader({ form, marks }: { form: Form; marks: MarksIndex }) {
  const t = useT();
  const s = t.sheet;
  const m = (f: string) => marksOf(marks, f);
  return (
    <>
      <div className="sheet-title">
        <TextInput
          field="title"
          value={form.title || '项目支出绩效自评表'}
          label={s.formTitle}
          multiline={false}
          className="title-input"
        />
        <div className="sheet-year">
          （
          <NumberInput
            field="year"
            value={form.year}
            empty={undefined}
            label={s.yearLabel}
            className="year-input"
          />
          {s.yearLabel}）
        </div>
      </div>
      <table className="sheet-table header">
        <colgroup>
          <col style={{ width: '13%' }} />
          <col style={{ width: '37%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '37%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th scope="row">{s.projectName}</th>
            <FieldCell marks={m('projectName')} colSpan={3}>
              <TextInput
                field="projectName"
                value={form.projectName}
                label={s.projectName}
                className="strong"
              />
            </FieldCell>
          </tr>
          <tr>
            <th scope="row">{s.competentDepartment}</th>
            <FieldCell marks={m('competentDepartment')}>
              <TextInput
                field="competentDepartment"
                value={form.competentDepartment}
                label={s.competentDepartment}
              />
            </FieldCell>
            <th scope="row">{s.implementingUnit}</th>
            <FieldCell marks={m('implementingUnit')}>
              <TextInput field="implementingUnit" value={form.implementingUnit} label={s.implementingUnit} />
            </FieldCell>
          </tr>
          <tr>
            <th scope="row">{s.projectLead}</th>
            <FieldCell marks={m('projectLead')}>
              <TextInput
                field="projectLead"
                value={form.projectLead ?? ''}
                label={s.projectLead}
                onValue={orUndefined}
                multiline={false}
              />
            </FieldCell>
            <th scope="row">{s.phone}</th>
            <FieldCell marks={m('phone')}>
              <TextInput
                field="phone"
                value={form.phone ?? ''}
                label={s.phone}
                onValue={orUndefined}
                multiline={false}
              />
            </FieldCell>
          </tr>
        </tbody>
      </table>
    </>
  );
}

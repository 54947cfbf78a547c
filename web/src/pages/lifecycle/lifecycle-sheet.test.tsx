// @vitest-environment jsdom
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { App } from 'antd';
import { useMemo, useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Form } from '../../../../src/core/form/schema.ts';
import { lifecycleFindings, monitoringLights } from '../../../../src/core/lifecycle/index.ts';
import { declaration, monitoring } from '../../../../src/core/lifecycle/test-forms.ts';
import { LangProvider } from '../../app/i18n.tsx';
import { installDomShims } from '../../test-support/dom.ts';
import { nationalProfile } from '../../test-support/sample-form.ts';
import { applyEdit, type Edit } from '../editor/form-edits.ts';
import { FormSheet } from '../editor/form-sheet.tsx';
import { indexEvaluation, rescore } from '../editor/live-rescore.ts';

// The lifecycle kinds in the editor's sheet with the real core: a placeholder target typed into a
// declaration is flagged on its cell (T01), a monitoring row shows its light and the reason.

const profile = nationalProfile();

function Harness({ initial }: { initial: Form }) {
  const [form, setForm] = useState(initial);
  const evaluation = useMemo(
    () => indexEvaluation(rescore(form, profile).score, lifecycleFindings(form, profile)),
    [form],
  );
  const lights = useMemo(
    () => (form.kind === 'project-monitoring' ? monitoringLights(form, profile) : null),
    [form],
  );
  const dispatch = useMemo(() => (e: Edit) => setForm((f) => applyEdit(f, e)), []);
  return (
    <LangProvider>
      <App>
        <FormSheet
          form={form}
          evaluation={evaluation}
          readOnly={false}
          dispatch={dispatch}
          lights={lights}
          monitoringMonths={profile.lifecycle.monitoringMonths}
        />
      </App>
    </LangProvider>
  );
}

const cell = (field: string) =>
  document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-field="${field}"]`)!;

function type(field: string, value: string) {
  const el = cell(field);
  act(() => {
    fireEvent.focus(el);
    fireEvent.change(el, { target: { value } });
    fireEvent.blur(el);
  });
}

beforeAll(installDomShims);
afterEach(cleanup);

describe('lifecycle sheets', () => {
  it('lays a declaration out with its own columns and flags a placeholder target while typing', () => {
    render(<Harness initial={declaration()} />);
    const sheet = document.querySelector('.lifecycle-sheet')!;
    expect(sheet.getAttribute('data-kind')).toBe('project-target-declaration');
    const heads = [...document.querySelectorAll('.lifecycle-rows thead th')].map((th) => th.textContent);
    expect(heads).toEqual(expect.arrayContaining(['计算符号', '指标值', '计量单位', '指标解释', '取值依据']));
    const td = () => cell('indicators[0].target').closest('td')!;
    expect(td().className).not.toContain('flag-error');
    type('indicators[0].target', '**');
    expect(td().className).toContain('flag-error');
    type('indicators[0].target', '≥12000人次');
    expect(td().className).not.toContain('flag-error');
  });

  it('shows a monitoring row light with its reason and offers the profile periods', () => {
    render(<Harness initial={monitoring({}, [{ progress: '0人次' }])} />);
    const light = document.querySelector('[data-testid="light-row-0"]')!;
    expect(light.getAttribute('data-light')).toBe('red');
    expect(light.querySelector('.light-reason')!.textContent).not.toBe('');
    const period = document.querySelector<HTMLSelectElement>('[data-testid="period"]')!;
    const options = [...period.options].map((o) => o.textContent);
    expect(options).toEqual(profile.lifecycle.monitoringMonths.map((m) => `1–${m}月`));
    act(() => {
      fireEvent.change(period, { target: { value: String(profile.lifecycle.monitoringMonths.at(-1)) } });
    });
    expect(period.value).toBe(String(profile.lifecycle.monitoringMonths.at(-1)));
  });
});

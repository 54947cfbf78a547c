// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from 'antd';
import { useMemo, useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Form } from '../../../../src/core/form/schema.ts';
import { LangProvider } from '../../app/i18n.tsx';
import { installDomShims } from '../../test-support/dom.ts';
import { nationalProfile, sampleForm } from '../../test-support/sample-form.ts';
import { applyEdit, type Edit } from './form-edits.ts';
import { rescore } from './live-rescore.ts';
import { ReportDrawer } from './report-drawer.tsx';

// The report beside the form, with the real core: sections drafted from the figures, an edit
// stored in Form JSON `report`, restoring the draft removes it.

const profile = nationalProfile();
let latest: Form | null = null;

function Harness({ initial, readOnly = false }: { initial: Form; readOnly?: boolean }) {
  const [form, setForm] = useState(initial);
  latest = form;
  const evaluation = useMemo(() => rescore(form, profile), [form]);
  const dispatch = useMemo(() => (e: Edit) => setForm((f) => applyEdit(f, e)), []);
  return (
    <LangProvider>
      <App>
        <ReportDrawer
          open
          onClose={() => {}}
          formId="f1"
          form={form}
          evaluation={evaluation}
          profileId="national"
          profileName={profile.name}
          readOnly={readOnly}
          dirty={false}
          dispatch={dispatch}
        />
      </App>
    </LangProvider>
  );
}

const box = (label: string) => screen.getByLabelText(label) as HTMLTextAreaElement;
const MEASURES = '六、改进措施及结果应用';

describe('report drawer', () => {
  beforeAll(installDomShims);
  afterEach(cleanup);

  it('drafts every narrative section from the figures and shows the computed totals', () => {
    render(<Harness initial={sampleForm()} />);
    expect(box('一、基本情况 ·（二）资金投入和使用情况').value).toContain('预算执行率93.51%');
    expect(document.body.textContent).toContain('2021年中关村海外联络工作支持资金项目支出绩效自评报告');
    expect(document.body.textContent).toContain('按“全国通用”评分规则复核');
    expect(document.querySelectorAll('.report-section')).toHaveLength(7);
  });

  it('stores an edit in the form and restores the draft on request', () => {
    render(<Harness initial={sampleForm()} />);
    const drafted = box(MEASURES).value;
    act(() => {
      fireEvent.change(box(MEASURES), { target: { value: '按季度调度，年底前完成拨付。' } });
    });
    expect(latest!.report).toEqual({ measures: '按季度调度，年底前完成拨付。' });
    expect(box(MEASURES).value).toBe('按季度调度，年底前完成拨付。');
    expect(screen.getByText('已修改')).toBeTruthy();
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: /恢复草稿/ }));
    });
    expect(latest!.report).toBeUndefined();
    expect(box(MEASURES).value).toBe(drafted);
  });

  it('is read-only where the form is', () => {
    render(<Harness initial={sampleForm()} readOnly />);
    expect(box(MEASURES).readOnly).toBe(true);
  });
});

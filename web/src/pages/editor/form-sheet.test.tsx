// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from 'antd';
import { useMemo, useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Form } from '../../../../src/core/form/schema.ts';
import { LangProvider } from '../../app/i18n.tsx';
import { installDomShims } from '../../test-support/dom.ts';
import { nationalProfile, sampleForm } from '../../test-support/sample-form.ts';
import { applyEdit, type Edit } from './form-edits.ts';
import { FormSheet } from './form-sheet.tsx';
import { rescore } from './live-rescore.ts';
import { TotalsBar } from './totals-bar.tsx';

// The editor's live scoring with the real core: type into a cell, see the rule score, the
// funds figures and the totals follow.

const profile = nationalProfile();
let latest: Form | null = null;

function Harness({ initial }: { initial: Form }) {
  const [form, setForm] = useState(initial);
  latest = form;
  const evaluation = useMemo(() => rescore(form, profile), [form]);
  const dispatch = useMemo(() => (e: Edit) => setForm((f) => applyEdit(f, e)), []);
  return (
    <LangProvider>
      <App>
        <TotalsBar evaluation={evaluation} onShowFindings={() => {}} />
        <FormSheet form={form} evaluation={evaluation} readOnly={false} dispatch={dispatch} />
      </App>
    </LangProvider>
  );
}

const cell = (field: string) =>
  document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-field="${field}"]`)!;
const text = (testId: string) => screen.getByTestId(testId).textContent;
const ruleOf = (row: number) =>
  document.querySelector(`[data-field="indicators[${row}].rule"] .rule-value`)?.textContent;
const understood = (field: string) =>
  document.querySelector(`[data-understood="${field}"]`)?.textContent ?? '';

function type(field: string, value: string) {
  const el = cell(field);
  act(() => {
    fireEvent.focus(el);
    fireEvent.change(el, { target: { value } });
    fireEvent.blur(el);
  });
}

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  latest = null;
});

describe('form sheet: live scoring', () => {
  it('shows the funds figures and totals the rules give', () => {
    render(<Harness initial={sampleForm()} />);
    expect(text('execution-rate')).toBe('93.51%');
    expect(text('funds-score-total')).toBe('9.35');
    expect(text('self-total')).toBe('99.35');
    // the late deadline row is capped just under 80% of its weight
    expect(ruleOf(1)).toBe('7.99');
    expect(text('rule-total-bar')).toBe('97.34');
    expect(screen.getByTestId('funds-score').textContent).toBe('9.35');
  });

  it('re-scores the row and the total when an actual changes', () => {
    render(<Harness initial={sampleForm()} />);
    type('indicators[1].actual', '2021年6月20日前拨付');
    expect(ruleOf(1)).toBe('10');
    expect(text('rule-total-bar')).toBe('99.35');
    expect(understood('indicators[1].actual')).toContain('截止 2021-06-20 拨付');
  });

  it('recomputes the execution rate and funds score as amounts are typed', () => {
    render(<Harness initial={sampleForm()} />);
    type('funds.total.executed', '2926');
    expect(screen.getByTestId('rate-total').textContent).toBe('100.00%');
    expect(text('funds-score-total')).toBe('10');
    expect(latest?.funds.total?.executionRate).toBe(100);
    expect(latest?.funds.total?.score).toBe(10);
    // the printed total follows the funds score
    expect(latest?.totalScore).toBe(100);
  });

  it('updates the self total when a self score changes and flags the row', () => {
    render(<Harness initial={sampleForm()} />);
    type('indicators[0].score', '25');
    expect(text('self-total')).toBe('94.35');
    const deviation = cell('indicators[0].deviation');
    expect(deviation.getAttribute('placeholder')).toBe('按规则须填写偏差原因');
    expect(deviation.closest('td')?.className).toContain('needs-note');
  });

  it('shows findings on their cells', () => {
    render(<Harness initial={sampleForm()} />);
    const td = cell('indicators[1].score').closest('td')!;
    expect(td.className).toContain('flag-error');
    expect(within(td).queryByText('—')).toBeNull();
  });

  it('adds, moves and removes rows through the merged-cell table', () => {
    render(<Harness initial={sampleForm()} />);
    act(() => fireEvent.click(screen.getByRole('button', { name: /添加指标/ })));
    expect(latest?.indicators).toHaveLength(6);
    expect(latest?.indicators[5]?.level2).toBe('服务对象满意度指标');
    // the new row joins the 满意度 group: one merged 一级 cell spans two rows
    const level1Cells = document.querySelectorAll('td.level-cell.level1');
    expect(level1Cells).toHaveLength(3);
    expect(level1Cells[2]?.getAttribute('rowspan')).toBe('2');
  });
});

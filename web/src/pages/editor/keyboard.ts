import type { KeyboardEvent } from 'react';

// Spreadsheet-style moves inside the table: Alt+↑/↓ (or Ctrl+↑/↓) to the same column of the row
// above/below, Enter in a number cell to the next row. Tab and Shift+Tab keep their usual order.

export function onSheetKeyDown(e: KeyboardEvent<HTMLElement>): void {
  const el = e.target as HTMLElement;
  const row = el.dataset['row'];
  const col = el.dataset['col'];
  if (row === undefined || col === undefined) return;
  let delta = 0;
  if ((e.altKey || e.ctrlKey) && e.key === 'ArrowDown') delta = 1;
  else if ((e.altKey || e.ctrlKey) && e.key === 'ArrowUp') delta = -1;
  else if (e.key === 'Enter' && !e.shiftKey && el.dataset['enter'] === 'down') delta = 1;
  if (delta === 0) return;
  const target = e.currentTarget.querySelector<HTMLElement>(
    `[data-row="${Number(row) + delta}"][data-col="${col}"]`,
  );
  if (target) {
    e.preventDefault();
    target.focus();
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) target.select();
  }
}

/** Scrolls to the cell of a Form JSON path, focuses it and flashes it (audit panel, comments). */
export function focusField(field: string, root: ParentNode = document): boolean {
  const esc = (s: string) => s.replace(/["\\]/g, '\\$&');
  let el = root.querySelector<HTMLElement>(`[data-field="${esc(field)}"]`);
  if (!el) {
    // `indicators[3]` or `indicators[3].rule`: the row's first cell; `indicators`: the table.
    const prefix = field.replace(/\.\w+$/, '');
    el =
      root.querySelector<HTMLElement>(`[data-field^="${esc(prefix)}."]`) ??
      root.querySelector<HTMLElement>(`[data-field^="${esc(field)}"]`);
  }
  if (!el) return false;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.focus({ preventScroll: true });
  const cell = el.closest('td, th') ?? el;
  cell.classList.remove('flash');
  void (cell as HTMLElement).offsetWidth;
  cell.classList.add('flash');
  window.setTimeout(() => cell.classList.remove('flash'), 1600);
  return true;
}

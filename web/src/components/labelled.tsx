import { cloneElement, type ReactElement } from 'react';

/** A dialog field: its label, then the control it names (the control gets `id`). */
export function Labelled({
  id,
  label,
  children,
}: {
  id: string;
  label: string;
  children: ReactElement<{ id?: string }>;
}) {
  return (
    <>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {cloneElement(children, { id })}
    </>
  );
}

import { createContext, useContext } from 'react';
import type { Finding } from '../../../../src/core/audit/types.ts';
import type { Edit } from './form-edits.ts';

/** Marks a cell may carry beside its value. */
export type CellMarks = {
  findings?: readonly Finding[] | undefined;
  /** review comments on this cell. */
  comments?: readonly string[] | undefined;
  /** import: why the reader was unsure of this cell. */
  lowConfidence?: string | undefined;
};

export type RowCommand = 'set-levels' | 'evidence' | 'remove';

export type SheetContextValue = {
  readOnly: boolean;
  dispatch: (edit: Edit) => void;
  /** row menu commands that need a dialog or a panel. */
  onRowCommand?: ((command: RowCommand, index: number) => void) | undefined;
  /** whether rows offer 佐证材料 (stored forms only). */
  evidence?: boolean;
};

export const SheetContext = createContext<SheetContextValue>({ readOnly: true, dispatch: () => {} });

export const useSheet = () => useContext(SheetContext);

/** A map of marks by Form JSON path, with the few lookups the sheet needs. */
export type MarksIndex = {
  findings: ReadonlyMap<string, readonly Finding[]>;
  comments: ReadonlyMap<string, readonly string[]>;
  lowConfidence: ReadonlyMap<string, string>;
};

export const NO_MARKS: MarksIndex = { findings: new Map(), comments: new Map(), lowConfidence: new Map() };

export function marksOf(index: MarksIndex, field: string): CellMarks {
  return {
    findings: index.findings.get(field),
    comments: index.comments.get(field),
    lowConfidence: index.lowConfidence.get(field),
  };
}

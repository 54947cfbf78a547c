import type { Form } from './schema.ts';

/**
 * What every importer returns (text, PDF, xlsx, docx): the form as far as it could be read,
 * plus what the reader was unsure of. A partial form is still a Form: unread cells are ''/null
 * and carry a warning, so nothing downstream needs a second shape.
 */
export type FieldWarning = {
  /** Form JSON path, e.g. `indicators[3].target`, or '' for the whole form. */
  path: string;
  /** Chinese, says what was expected and what was found. */
  message: string;
  /** 0..1: how sure the reader is of this field's value. */
  confidence: number;
  /** where in the source: line (text), page (PDF), sheet/row/cell (xlsx), table/row/cell (docx). */
  source?: { line?: number; page?: number; sheet?: string; row?: number; cell?: string; table?: number };
};

export type ImportResult = {
  form: Form;
  warnings: FieldWarning[];
  /** confidence per Form JSON path that was read; fields not listed were not found (confidence 0). */
  confidence: Record<string, number>;
};

/** A blank form; the caller passes the year (the core never reads the clock). */
export function emptyForm(year: number): Form {
  return {
    kind: 'project-self-evaluation',
    year,
    title: '',
    projectName: '',
    competentDepartment: '',
    implementingUnit: '',
    fundsUnit: '万元',
    funds: { total: null, fiscal: null, carryover: null, other: null },
    goals: { expected: '', actual: '' },
    indicators: [],
    totalWeight: null,
    totalScore: null,
  };
}

import type { ImportResult } from '../../core/form/import-result.ts';
import { validateForm } from '../../core/form/validate.ts';
import { FormatError } from '../format-error.ts';

/** Form JSON in: validated against the schema; errors name the field path. */
export function importFormJson(text: string, file: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new FormatError('corrupt', file, `不是有效的 JSON（${(e as Error).message}）`);
  }
  const checked = validateForm(raw);
  if (!checked.ok) {
    const first = checked.issues?.[0];
    throw new FormatError(
      'invalid-form-json',
      file,
      checked.reason,
      first ? { path: first.path } : undefined,
    );
  }
  return { form: checked.value, warnings: [], confidence: {} };
}

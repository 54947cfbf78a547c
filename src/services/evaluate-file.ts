import { type Evaluation, evaluateForm } from '../core/evaluate.ts';
import type { FieldWarning } from '../core/form/import-result.ts';
import type { Form } from '../core/form/schema.ts';
import type { Profile } from '../core/rules/profile.ts';
import { FormatError } from '../formats/format-error.ts';
import { readForm } from './import-files.ts';
import { loadProfile, profileForForm } from './profiles.ts';

export type FileEvaluation = {
  file: string;
  form: Form;
  profile: Profile;
  /** what the importer was unsure of (none for Form JSON): the figures rest on it. */
  importWarnings: FieldWarning[];
} & Evaluation;

/**
 * Reads FILE (Form JSON or any importable format) and scores and audits it under a profile: the
 * one given, else the one its template family names (profiles.ts profileForForm), else national.
 */
export async function evaluateFile(file: string, profileId?: string): Promise<FileEvaluation> {
  // An explicit profile is checked before the file is read: a typo fails fast.
  if (profileId !== undefined) {
    const given = loadProfile(profileId);
    if (!given.ok) throw new FormatError('unsupported-format', file, given.reason);
  }
  const { form, warnings } = await readForm(file);
  const profile = loadProfile(profileForForm(form, profileId));
  if (!profile.ok) throw new FormatError('unsupported-format', file, profile.reason);
  return {
    file,
    form,
    profile: profile.value,
    importWarnings: warnings,
    ...evaluateForm(form, profile.value),
  };
}

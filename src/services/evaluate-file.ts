import { type Evaluation, evaluateForm } from '../core/evaluate.ts';
import type { FieldWarning } from '../core/form/import-result.ts';
import type { Form } from '../core/form/schema.ts';
import type { Profile } from '../core/rules/profile.ts';
import { FormatError } from '../formats/format-error.ts';
import { readForm } from './import-files.ts';
import { loadProfile } from './profiles.ts';

export type FileEvaluation = {
  file: string;
  form: Form;
  profile: Profile;
  /** what the importer was unsure of (none for Form JSON): the figures rest on it. */
  importWarnings: FieldWarning[];
} & Evaluation;

/** Reads FILE (Form JSON or any importable format) and scores and audits it under a profile. */
export async function evaluateFile(file: string, profileId?: string): Promise<FileEvaluation> {
  const profile = loadProfile(profileId);
  if (!profile.ok) throw new FormatError('unsupported-format', file, profile.reason);
  const { form, warnings } = await readForm(file);
  return {
    file,
    form,
    profile: profile.value,
    importWarnings: warnings,
    ...evaluateForm(form, profile.value),
  };
}

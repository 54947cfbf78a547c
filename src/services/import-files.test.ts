import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readForm, readForms } from './import-files.ts';

describe('readForm: the form a single-form command (score, audit) reads', () => {
  it('skips the torn-off end of a previous form that a document site’s preview opens with', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-read-'));
    const file = join(dir, 'two-forms.txt');
    copyFileSync(new URL('../../test/fixtures/cells/two-forms-lines.txt', import.meta.url), file);
    expect((await readForms(file)).map((r) => r.form.projectName)).toEqual([
      '农村电影放映补助',
      '农家书屋图书更新',
    ]);
    expect((await readForm(file)).form.projectName).toBe('农家书屋图书更新');
  });
});

import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles, readForm, readForms } from './import-files.ts';
import { createParsePool } from './parse-pool.ts';

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

describe('importFiles with a parse pool', () => {
  // One reader per core: a reading lane on the calling thread as well would be one reader more
  // than cores (each PDF reader pays ~1.3 s to start and they slow each other).
  it('reads every file in the pool, none on the calling thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-pool-'));
    const files = Array.from({ length: 6 }, (_, i) => {
      const file = join(dir, `f${i}.txt`);
      copyFileSync(new URL('../../test/fixtures/seed.txt', import.meta.url), file);
      return file;
    });
    const pool = createParsePool({ size: 1 });
    const read: string[] = [];
    try {
      const outcomes = await importFiles(files, undefined, {
        size: pool.size,
        file: (path) => {
          read.push(path);
          return pool.file(path);
        },
      });
      expect(outcomes.every((o) => o.ok)).toBe(true);
      expect([...read].sort()).toEqual([...files].sort());
    } finally {
      await pool.close();
    }
  }, 60_000);
});

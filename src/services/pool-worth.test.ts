import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mayBeABatch, worthAPool } from './pool-worth.ts';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-pool-worth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('whether a batch pays for a parse pool', () => {
  it('counts files that take long to read, against the cores', () => {
    const pdfs = (n: number) => Array.from({ length: n }, (_, i) => `f${i}.pdf`);
    expect(worthAPool(pdfs(4), 2)).toBe(true);
    expect(worthAPool(pdfs(3), 2)).toBe(false);
    expect(worthAPool(pdfs(40), 1)).toBe(false);
    expect(worthAPool(['a.txt', 'b.json', 'c.html', 'd.HTM'], 2)).toBe(false);
    expect(
      worthAPool(
        Array.from({ length: 200 }, (_, i) => `t${i}.txt`),
        2,
      ),
    ).toBe(true);
  });

  it('guesses from the inputs before they are listed: a folder, or enough files', async () => {
    const file = join(dir, 'one.txt');
    writeFileSync(file, 'x');
    expect(await mayBeABatch([dir], 2)).toBe(true);
    expect(await mayBeABatch([file], 2)).toBe(false);
    expect(await mayBeABatch([join(dir, 'missing')], 2)).toBe(false);
    expect(await mayBeABatch(['a.pdf', 'b.pdf', 'c.xlsx', 'd.docx'], 2)).toBe(true);
    expect(await mayBeABatch([dir], 1)).toBe(false);
  });
});

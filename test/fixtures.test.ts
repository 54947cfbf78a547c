import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SHARED } from './fixtures/build-form.ts';

// The seed copies in test/fixtures stand in for ../shared/seed in a clone without it; where the
// truth is present (CI always has it), they must say the same (the JSON copy is formatted by Biome).

const SEED = resolve(SHARED, 'seed', '000_58180adcbb221172');

describe.skipIf(!existsSync(`${SEED}.txt`))('seed fixtures', () => {
  it('test/fixtures/seed.txt and seed.expected.json equal ../shared/seed', () => {
    const copy = (name: string) => readFileSync(resolve(ROOT, 'test', 'fixtures', name), 'utf8');
    expect(copy('seed.txt')).toBe(readFileSync(`${SEED}.txt`, 'utf8'));
    expect(JSON.parse(copy('seed.expected.json'))).toEqual(
      JSON.parse(readFileSync(`${SEED}.expected.json`, 'utf8')),
    );
  });
});

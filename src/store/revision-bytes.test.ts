import { describe, expect, it } from 'vitest';
import { RevisionBytes } from './revision-bytes.ts';

const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

describe('kept revision bytes', () => {
  it('keeps what was read last within the byte limit, dropping the least recently read', () => {
    const cache = new RevisionBytes(100);
    const [a, b, c] = ['a', 'b', 'c'].map((f) => RevisionBytes.key(f, 1, '2025-01-01T00:00:00Z'));
    cache.set(a!, bytes(40, 1));
    cache.set(b!, bytes(40, 2));
    expect(cache.get(a!)?.[0]).toBe(1); // a is now the most recent
    cache.set(c!, bytes(40, 3)); // 120 > 100: b goes
    expect(cache.get(b!)).toBeUndefined();
    expect(cache.get(a!)?.[0]).toBe(1);
    expect(cache.get(c!)?.[0]).toBe(3);
    expect(cache.size).toBe(80);
    cache.set(a!, bytes(10, 9)); // replaced, counted once
    expect(cache.size).toBe(50);
    cache.set(b!, bytes(101)); // larger than the whole cache: not kept
    expect(cache.get(b!)).toBeUndefined();
    expect(cache.size).toBe(50);
  });

  it('tells revisions and rows written anew apart', () => {
    expect(RevisionBytes.key('f', 1, 't')).not.toBe(RevisionBytes.key('f', 2, 't'));
    expect(RevisionBytes.key('f', 1, 't')).not.toBe(RevisionBytes.key('f', 1, 'u'));
    expect(RevisionBytes.key('f1', 1, 't')).not.toBe(RevisionBytes.key('f', 11, 't'));
  });
});

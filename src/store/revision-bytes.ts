import type { Db } from './open-store.ts';

// A revision's Form JSON never changes once written (a save adds revision + 1, nothing updates a
// revision row), so the bytes of recently read revisions are kept, per store, for GET of a form:
// it then reads the form's row and not its ~16 KB of JSON, which on PostgreSQL node-postgres
// decodes from UTF-8 into a string that is encoded back to bytes for the response. Measured with
// 50 connections on one form: the server's CPU per GET 421 → 286 µs, PostgreSQL's 197 → 167 µs
// (bench/read-path.bench.ts setup, /proc). Keyed by form, revision and the revision row's creation
// time (a restored backup writes rows anew); bounded by bytes, least recently read first out.

const MAX_BYTES = 32 * 1024 * 1024;

export class RevisionBytes {
  readonly #entries = new Map<string, Uint8Array>();
  #bytes = 0;

  constructor(readonly maxBytes = MAX_BYTES) {}

  static key(formId: string, revision: number, createdAt: string): string {
    return `${formId}\u0000${revision}\u0000${createdAt}`;
  }

  get(key: string): Uint8Array | undefined {
    const v = this.#entries.get(key);
    if (v) {
      this.#entries.delete(key);
      this.#entries.set(key, v);
    }
    return v;
  }

  set(key: string, bytes: Uint8Array): void {
    if (bytes.length > this.maxBytes) return;
    const old = this.#entries.get(key);
    if (old) {
      this.#bytes -= old.length;
      this.#entries.delete(key);
    }
    this.#entries.set(key, bytes);
    this.#bytes += bytes.length;
    for (const [k, v] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(k);
      this.#bytes -= v.length;
    }
  }

  get size(): number {
    return this.#bytes;
  }
}

const byStore = new WeakMap<Db, RevisionBytes>();

/** The cache of `db` (a store's Kysely instance; a transaction gets one of its own). */
export function revisionBytesOf(db: Db): RevisionBytes {
  let cache = byStore.get(db);
  if (!cache) {
    cache = new RevisionBytes();
    byStore.set(db, cache);
  }
  return cache;
}

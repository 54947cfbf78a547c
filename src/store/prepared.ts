import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './open-store.ts';

// Hot-path queries are built with Kysely once per dialect and then re-run with new arguments:
// building and compiling a query costs more than running a point lookup. The builder must use
// its arguments only as plain values (no string tricks, no arrays), so each becomes one parameter.

const SENTINEL = '\u0000jixiao-arg-';

// PostgreSQL: each hot-path query's text gets a statement name, so every pooled connection parses
// and plans it once and then only binds arguments (planning a point lookup over three joins cost
// more than running it). Only these fixed texts are named: Kysely's other queries vary (IN lists,
// filters) and would pile up prepared statements on every connection.
const NAMES = new Map<string, string>();

/** The statement name of a hot-path query's SQL text, if it is one. */
export const preparedName = (sqlText: string): string | undefined => NAMES.get(sqlText);

export function prepared<A extends unknown[], R>(build: (db: Db, ...args: A) => Compilable<R>) {
  const cache = new Map<unknown, { compiled: CompiledQuery<R>; slots: Array<number | null> }>();
  const run = async (db: Db, ...args: A): Promise<{ rows: R[]; numAffectedRows: number }> => {
    const key = db.getExecutor().adapter.constructor;
    let entry = cache.get(key);
    if (!entry) {
      const placeholders = args.map((_, i) => `${SENTINEL}${i}`) as unknown as A;
      const compiled = build(db, ...placeholders).compile();
      const slots = compiled.parameters.map((p) =>
        typeof p === 'string' && p.startsWith(SENTINEL) ? Number(p.slice(SENTINEL.length)) : null,
      );
      if (slots.filter((s) => s !== null).length !== args.length) {
        throw new Error(`prepared query must use each argument exactly once as a value: ${compiled.sql}`);
      }
      entry = { compiled, slots };
      cache.set(key, entry);
      if (!NAMES.has(compiled.sql)) NAMES.set(compiled.sql, `jixiao_${NAMES.size + 1}`);
    }
    const { compiled, slots } = entry;
    const parameters = compiled.parameters.map((p, i) => (slots[i] === null ? p : args[slots[i]!]));
    const r = await db.executeQuery<R>({ ...compiled, parameters });
    return { rows: r.rows, numAffectedRows: Number(r.numAffectedRows ?? 0) };
  };
  return run;
}

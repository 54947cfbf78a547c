import { auditLog, chainHash, readSnapshot, type StoredAuditEntry, transaction } from '../store/index.ts';
import { type AuditWho, recordEvent } from './audit-trail.ts';
import { type AppContext, iso } from './context.ts';
import { ServiceError } from './service-error.ts';

// `jixiao audit-log verify`: walks the hash chain (store/audit-chain.ts) in one consistent
// snapshot and names the first broken link — an entry changed, deleted, inserted or written around
// the program. `jixiao audit-log prune`: entries older than six months may go (等保: 日志保存不少于六个月),
// never younger ones; the chain then starts after the last removed entry.

export type ChainBreak = {
  /** the sequence number where the chain breaks (null: an entry outside the chain). */
  seq: number | null;
  id: string | null;
  at: string | null;
  reason: string;
};

export type ChainReport = {
  ok: boolean;
  /** entries checked. */
  entries: number;
  /** the first and last sequence numbers of the chain, and the last hash (to note down outside). */
  firstSeq: number;
  lastSeq: number;
  headHash: string;
  broken: ChainBreak | null;
};

const PAGE = 2000;

function describe(e: StoredAuditEntry): { seq: number; id: string; at: string } {
  return { seq: e.seq, id: e.id, at: e.at };
}

export async function verifyAuditChain(ctx: AppContext): Promise<ChainReport> {
  return readSnapshot(ctx.store, async (db) => {
    const head = await auditLog.head(db);
    if (!head)
      throw new ServiceError('schema-mismatch', '数据库缺少审计链头（audit_head）：请先运行 jixiao migrate');
    const report = (entries: number, lastSeq: number, broken: ChainBreak | null): ChainReport => ({
      ok: broken === null,
      entries,
      firstSeq: head.baseSeq + 1,
      lastSeq,
      headHash: head.hash,
      broken,
    });
    const outside = await auditLog.unchained(db);
    let expected = head.baseSeq + 1;
    let prev = head.baseHash;
    let checked = 0;
    for (;;) {
      const page = await auditLog.chainPage(db, expected - 1, PAGE);
      for (const e of page) {
        if (e.seq !== expected) {
          const reason =
            e.seq > head.seq
              ? `第 ${e.seq} 条在链头（第 ${head.seq} 条）之后：链外写入的记录`
              : `第 ${expected}${e.seq - 1 > expected ? `–${e.seq - 1}` : ''} 条缺失：记录被删除`;
          return report(checked, expected - 1, { seq: expected, id: e.id, at: e.at, reason });
        }
        if (e.prevHash !== prev) {
          return report(checked, expected - 1, {
            ...describe(e),
            reason: `第 ${e.seq} 条记载的前一条哈希与第 ${e.seq - 1} 条不符：前一条被改动或替换`,
          });
        }
        if (e.hash !== chainHash(prev, e)) {
          return report(checked, expected - 1, {
            ...describe(e),
            reason: `第 ${e.seq} 条的内容与其哈希不符：记录被改动`,
          });
        }
        prev = e.hash;
        expected += 1;
        checked += 1;
      }
      if (page.length < PAGE) break;
    }
    const lastSeq = expected - 1;
    if (lastSeq < head.seq) {
      return report(checked, lastSeq, {
        seq: lastSeq + 1,
        id: null,
        at: null,
        reason: `第 ${lastSeq + 1}–${head.seq} 条缺失：链尾记录被删除`,
      });
    }
    if (lastSeq > head.seq || prev !== head.hash) {
      return report(checked, lastSeq, {
        seq: head.seq,
        id: null,
        at: null,
        reason: '链头（audit_head）与最后一条记录不符：链头被改动',
      });
    }
    const stray = outside[0];
    if (stray) {
      return report(checked, lastSeq, {
        seq: null,
        id: stray.id,
        at: stray.at,
        reason: `有不在链中的记录（${stray.action}）：绕过程序直接写入数据库`,
      });
    }
    return report(checked, lastSeq, null);
  });
}

/** The earliest moment whose entries may be removed: six calendar months before `now`. */
export function retentionCutoff(now: Date): Date {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - 6);
  return d;
}

/**
 * Removes the entries written at or before `before`, which must lie six months or more in the past.
 * The chain keeps the last removed entry's hash as its start; the removal is itself logged.
 */
export async function pruneAuditLog(
  ctx: AppContext,
  who: AuditWho,
  before: Date,
): Promise<{ removed: number; throughSeq: number }> {
  const cutoff = retentionCutoff(ctx.now());
  if (!(before.getTime() <= cutoff.getTime())) {
    throw new ServiceError(
      'bad-request',
      `审计日志至少保存六个月：只能删除 ${cutoff.toISOString().slice(0, 10)} 及以前的记录`,
    );
  }
  return transaction(ctx.store.db, async (trx) => {
    const last = await auditLog.lastAtOrBefore(trx, before.toISOString());
    const head = await auditLog.head(trx);
    if (!last?.hash || !head || last.seq <= head.baseSeq)
      return { removed: 0, throughSeq: head?.baseSeq ?? 0 };
    const removed = await auditLog.pruneThrough(trx, last.seq, last.hash);
    await recordEvent(
      trx,
      ctx,
      who,
      'audit.prune',
      { type: 'audit-log', id: String(last.seq) },
      { before: before.toISOString(), removed, throughSeq: last.seq },
      iso(ctx),
    );
    return { removed, throughSeq: last.seq };
  });
}

import { createHash } from 'node:crypto';

// The audit log is a hash chain: entry n stores the hash of entry n-1 and its own hash, a sha256 over
// that previous hash and the entry's canonical content (every column but the hash, in a fixed
// order, as JSON). Changing, deleting or inserting an entry breaks the chain from that entry on;
// `jixiao audit-log verify` walks it and names the first broken link.

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** An entry's columns as stored (before/after are the stored JSON text). */
export type ChainedEntry = {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
};

export function canonicalEntry(prevHash: string, e: ChainedEntry): string {
  return JSON.stringify([
    'jixiao-audit-v1',
    prevHash,
    e.seq,
    e.id,
    e.at,
    e.actorId,
    e.actorName,
    e.ip,
    e.action,
    e.entityType,
    e.entityId,
    e.before,
    e.after,
  ]);
}

export function chainHash(prevHash: string, e: ChainedEntry): string {
  return createHash('sha256').update(canonicalEntry(prevHash, e)).digest('hex');
}

import { createHash } from 'node:crypto';

/** The fields of an audit event that its hash covers. */
export type ChainedEvent = {
  at: string; // ISO 8601, millisecond precision
  actorUserId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

/** The hash before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so the same value always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 (hex) of the previous hash and the event: each link commits to all before it. */
export function chainHash(prevHash: string, event: ChainedEvent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(event)).digest('hex');
}

export type StoredEvent = ChainedEvent & { id: number; prevHash: string; hash: string };

export type ChainVerdict = { ok: true; count: number; lastHash: string } | { ok: false; count: number; brokenAt: number; reason: string };

/** Checks one link: null when the event follows `prevHash` and its hash is right, else why not. */
export function checkLink(prevHash: string, e: StoredEvent): 'prev-hash-mismatch' | 'hash-mismatch' | null {
  if (e.prevHash !== prevHash) return 'prev-hash-mismatch';
  const { id: _id, prevHash: _p, hash, ...fields } = e;
  return chainHash(prevHash, fields) === hash ? null : 'hash-mismatch';
}

/** Walks events in id order and reports the first link that does not hold. */
export function verifyChain(events: Iterable<StoredEvent>, startHash = GENESIS_HASH): ChainVerdict {
  let prev = startHash;
  let count = 0;
  for (const e of events) {
    const reason = checkLink(prev, e);
    if (reason) return { ok: false, count, brokenAt: e.id, reason };
    prev = e.hash;
    count++;
  }
  return { ok: true, count, lastHash: prev };
}

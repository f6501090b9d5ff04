import type { Db } from '../../db/client';
import type { UserActor } from '../../domain/access';

/**
 * Sessions checked in the last few seconds, per database, so a burst of requests costs one lookup.
 * Logout, password changes and user edits evict here at once; on another server instance the
 * change takes effect within TTL_MS.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

type Entry = { actor: UserActor; checkedAt: number; expiresAt: number };
const caches = new WeakMap<Db, Map<string, Entry>>();

function cacheOf(db: Db): Map<string, Entry> {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new Map()));
  return c;
}

export function cachedActor(db: Db, tokenHash: string, nowMs: number): UserActor | null {
  const e = cacheOf(db).get(tokenHash);
  return e && nowMs - e.checkedAt < TTL_MS && nowMs < e.expiresAt ? e.actor : null;
}

export function rememberActor(db: Db, tokenHash: string, actor: UserActor, nowMs: number, expiresAt: number) {
  const c = cacheOf(db);
  if (c.size >= MAX_ENTRIES) c.clear(); // crude but bounded: the next requests simply look up again
  c.set(tokenHash, { actor, checkedAt: nowMs, expiresAt });
}

export function forgetToken(db: Db, tokenHash: string) {
  cacheOf(db).delete(tokenHash);
}

export function forgetUser(db: Db, userId: number) {
  const c = cacheOf(db);
  for (const [k, e] of c) if (e.actor.userId === userId) c.delete(k);
}

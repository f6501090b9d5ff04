import type { Db } from '../../db/client';
import { beijingDate } from '../../domain/reporting/calendar';
import { referenceFingerprint } from '../reference/service';
import * as repo from './repo';

type CachedJson = { version: string; json: Buffer };
// Per database (tests run several). The views change only when a dispatch step, a project, an evidence file, a
// share or a reference value changes, or the day turns (overdue flags).
const caches = new WeakMap<Db, Map<string, CachedJson>>();

/** A view as JSON bytes (already checked against its response schema by `serialize`), recomputed only when its inputs moved. */
export async function cachedJson(db: Db, now: Date, key: string, compute: () => Promise<unknown>, serialize: (o: never) => string): Promise<Buffer> {
  const version = `${await repo.reductionVersion(db)}|${await referenceFingerprint(db)}|${beijingDate(now)}`;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit?.version === version) return hit.json;
  const json = Buffer.from(serialize((await compute()) as never));
  if (cache.size > 200) cache.clear();
  cache.set(key, { version, json });
  return json;
}

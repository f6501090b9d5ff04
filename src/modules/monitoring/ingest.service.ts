import { createHash } from 'node:crypto';
import type { Db } from '../../db/client';
import { parseSm4Key } from '../../domain/hj212/index';
import { evaluateReadings, mayRaiseAlarm } from '../../domain/monitoring/alarms';
import type { FactorLimit, IngestRecord, StationAuth } from '../../domain/monitoring/model';
import { type ReadingRow, toReadings } from '../../domain/monitoring/readings';
import { referenceAt } from '../reference/service';
import * as repo from './repo';
import { unseal } from './secrets';

/** SHA-256 (lower-case hex) of a station's PW: what the registry keeps and the gateway compares. */
export function sha256Hex(pw: string): string {
  return createHash('sha256').update(pw, 'utf8').digest('hex');
}

export type StationDirectory = { lookup(mn: string): Promise<StationAuth | null>; invalidate(): void };

/**
 * The registry as the gateway sees it: MN → what authenticating and decoding need, SM4 keys decrypted into the
 * profile. The whole table of active stations is held and reloaded when older than refreshMs (default 5 s), so a
 * registry change reaches the gateway within that, and a flood of unknown MNs costs no query each.
 */
export function createStationDirectory(db: Db, options: { refreshMs?: number } = {}): StationDirectory {
  const refreshMs = options.refreshMs ?? 5000;
  let byMn = new Map<string, StationAuth>();
  let loadedAt = -Infinity;
  let loading: Promise<void> | null = null;

  async function load() {
    const rows = await repo.listStationAuth(db);
    const next = new Map<string, StationAuth>();
    for (const r of rows) {
      const opened = r.sm4KeysSealed ? unseal(r.sm4KeysSealed) : null;
      const keys = opened ? (JSON.parse(opened) as string[]).map(parseSm4Key).filter((k): k is Uint8Array => k !== null) : [];
      next.set(r.mn, {
        stationId: r.id,
        mn: r.mn,
        // A station without a PW yet matches no PW (sha256Hex never yields '').
        pwSha256: r.pwSha256 ?? '',
        profile: {
          edition: r.edition as StationAuth['profile']['edition'],
          encryption: r.encryption as StationAuth['profile']['encryption'],
          keys,
          lengthMode: r.lengthMode as StationAuth['profile']['lengthMode'],
          lenient: { bareLf: r.bareLf },
        },
        maxConnections: r.maxConnections,
      });
    }
    byMn = next;
    loadedAt = performance.now();
  }

  return {
    async lookup(mn) {
      if (performance.now() - loadedAt > refreshMs) {
        loading ??= load().finally(() => (loading = null));
        await loading;
      }
      return byMn.get(mn) ?? null;
    },
    invalidate() {
      loadedAt = -Infinity;
    },
  };
}

export type StoreResult = { stored: number; duplicates: number; alarms: number };

/** What storing a station's uploads needs from the registry (cached by the RecordStore). */
type StationRules = { id: number; name: string; limits: FactorLimit[]; o2Reference: number | null };

export type RecordStore = {
  /**
   * Stores decoded uploads in one transaction: readings in bulk (a (station, kind, DataTime, factor) already stored
   * is skipped) and alarms for the readings that were new. It returns after the commit, so the gateway may answer
   * (9014) then. Records of a CN other than a data upload, or of a station no longer in the registry, store
   * nothing; values that are not decimals are dropped (the rest of the packet is kept).
   */
  store(records: IngestRecord[], now: Date): Promise<StoreResult>;
  /** Writes the stations' last-seen times gathered since the last flush. */
  flush(): Promise<void>;
  /** Flushes and stops the timer. */
  close(): Promise<void>;
};

/**
 * The writer side of ingestion, one per gateway or writer process. Two things are kept out of each batch's
 * transaction, because every batch touches most stations and two concurrent batches would queue on their rows:
 * the registry's limits, read once and reread after refreshMs (default 5 s), and the stations' last-seen times,
 * written by a timer every flushMs (default 1 s; never back, so several writers may flush in any order). The
 * silence check works in minutes (interval × N), so a second's delay there changes nothing.
 */
export function createRecordStore(db: Db, options: { refreshMs?: number; flushMs?: number } = {}): RecordStore {
  const refreshMs = options.refreshMs ?? 5000;
  let rulesById = new Map<number, StationRules>();
  let rulesAt = performance.now();
  let lastSeen = new Map<number, Date>();
  let flushing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => void flush().catch(() => undefined), options.flushMs ?? 1000);
  timer.unref();

  async function rulesFor(ids: Iterable<number>): Promise<Map<number, StationRules>> {
    if (performance.now() - rulesAt > refreshMs) {
      rulesById = new Map();
      rulesAt = performance.now();
    }
    const missing = [...ids].filter((id) => !rulesById.has(id));
    if (missing.length) {
      for (const s of await repo.listStationRules(db, missing)) {
        rulesById.set(s.id, { id: s.id, name: s.name, limits: s.factors as FactorLimit[], o2Reference: s.o2Reference });
      }
    }
    return rulesById;
  }

  function flush(): Promise<void> {
    // one flush at a time, in order: a later one never overtakes an earlier one's times
    flushing = flushing.catch(() => undefined).then(async () => {
      if (!lastSeen.size) return;
      const seen = lastSeen;
      lastSeen = new Map();
      try {
        await repo.touchStations(db, seen);
      } catch (err) {
        for (const [id, at] of seen) if (!(lastSeen.get(id)! >= at)) lastSeen.set(id, at); // kept for the next try
        throw err;
      }
    });
    return flushing;
  }

  return {
    async store(records, now) {
      if (!records.length) return { stored: 0, duplicates: 0, alarms: 0 };
      const [byId, rules] = await Promise.all([rulesFor(new Set(records.map((r) => r.stationId))), referenceAt(db, 'monitoring-rules', now.toISOString().slice(0, 10))]);
      // Rows that may raise an alarm are inserted apart, returning which were new (a resent packet raises nothing
      // again); the rest, nearly all, only counted.
      const plain: ReadingRow[] = [];
      const watched: ReadingRow[] = [];
      for (const record of records) {
        const s = byId.get(record.stationId);
        if (!s) continue;
        for (const r of toReadings(record, { limits: s.limits, o2Reference: s.o2Reference }).rows) (mayRaiseAlarm(r, s.limits, rules.value) ? watched : plain).push(r);
      }
      const result = await db.transaction(async (tx) => {
        const stored = await repo.insertReadings(tx, plain, false);
        const fresh = await repo.insertReadings(tx, watched, true);
        const perStation = new Map<number, ReadingRow[]>();
        for (const r of watched) if (fresh.keys!.has(repo.readingKey(r))) (perStation.get(r.stationId) ?? perStation.set(r.stationId, []).get(r.stationId)!).push(r);
        const candidates = [...perStation].flatMap(([id, rs]) => evaluateReadings(rs, byId.get(id)!.limits, rules.value, byId.get(id)!.name));
        const alarms = await repo.upsertAlarms(tx, candidates, now);
        const inserted = stored.inserted + fresh.inserted;
        return { stored: inserted, duplicates: plain.length + watched.length - inserted, alarms };
      });
      for (const record of records) {
        if (!byId.has(record.stationId)) continue;
        const at = new Date(record.receivedAt);
        if (!(lastSeen.get(record.stationId)! >= at)) lastSeen.set(record.stationId, at);
      }
      return result;
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}

/** Stores one set of records and writes the stations' last-seen times at once (tests, one-off imports). */
export async function storeRecords(db: Db, records: IngestRecord[], now: Date): Promise<StoreResult> {
  const store = createRecordStore(db);
  try {
    return await store.store(records, now);
  } finally {
    await store.close();
  }
}

import { createHash } from 'node:crypto';
import type { Db } from '../../db/client';
import { parseSm4Key } from '../../domain/hj212/index';
import { evaluateReadings } from '../../domain/monitoring/alarms';
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

/**
 * Stores decoded uploads in one transaction: readings in bulk (a (station, kind, DataTime, factor) already stored
 * is skipped), alarms for the readings that were new, the stations' last-seen times. It returns after the commit,
 * so the gateway may answer (9014) then. Records of a CN other than a data upload, or of a station no longer in
 * the registry, store nothing; values that are not decimals are dropped (the rest of the packet is kept).
 */
export async function storeRecords(db: Db, records: IngestRecord[], now: Date): Promise<StoreResult> {
  if (!records.length) return { stored: 0, duplicates: 0, alarms: 0 };
  const ids = [...new Set(records.map((r) => r.stationId))];
  const [stations, rules] = await Promise.all([repo.listStationRules(db, ids), referenceAt(db, 'monitoring-rules', now.toISOString().slice(0, 10))]);
  const byId = new Map(stations.map((s) => [s.id, s]));
  const rows: ReadingRow[] = [];
  const seen = new Map<number, Date>();
  for (const record of records) {
    const s = byId.get(record.stationId);
    if (!s) continue;
    const { rows: part } = toReadings(record, { limits: s.factors as FactorLimit[], o2Reference: s.o2Reference });
    for (const r of part) rows.push(r);
    const at = new Date(record.receivedAt);
    if (!(seen.get(s.id)! >= at)) seen.set(s.id, at);
  }
  // Alarms are looked for first: a batch without any (the usual case) inserts without returning keys.
  const candidatesFor = (list: ReadingRow[]) => {
    const perStation = new Map<number, ReadingRow[]>();
    for (const r of list) (perStation.get(r.stationId) ?? perStation.set(r.stationId, []).get(r.stationId)!).push(r);
    return [...perStation].flatMap(([id, rs]) => evaluateReadings(rs, byId.get(id)!.factors as FactorLimit[], rules.value, byId.get(id)!.name));
  };
  const suspected = candidatesFor(rows).length > 0;
  return db.transaction(async (tx) => {
    const { inserted, keys } = await repo.insertReadings(tx, rows, suspected);
    const candidates = keys ? candidatesFor(rows.filter((r) => keys.has(repo.readingKey(r)))) : [];
    const alarms = await repo.upsertAlarms(tx, candidates, now);
    await repo.touchStations(tx, seen);
    return { stored: inserted, duplicates: rows.length - inserted, alarms };
  });
}

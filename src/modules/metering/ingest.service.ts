import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import type { meter, meterHour, meterReading, meterRejection } from '../../db/schema/index';
import { type Interval, hourOf, spreadOverHours } from '../../domain/metering/aggregate';
import { type MeterReading, parseMeterPayload, parseMeterTopic, TOPIC_PREFIX } from '../../domain/metering/payload';
import { type MeterState, type RejectReason, checkReading } from '../../domain/metering/validate';
import { referenceAt } from '../reference/service';
import * as repo from './repo';

/** One MQTT message as the gateway received it. */
export type MeterMessage = { topic: string; payload: Buffer; receivedAt: Date };
export type IngestResult = { stored: number; duplicates: number; rejected: number };

type Entry = { id: number; carrier: string | null; state: MeterState };
type Rejection = typeof meterRejection.$inferInsert;
type Logger = Pick<FastifyBaseLogger, 'warn' | 'info'>;

// A flood of bad messages must not flood the log: the first few per batch are logged whole, the rest counted.
const LOGGED_REJECTIONS_PER_BATCH = 20;

/**
 * 能耗在线监测 ingestion: parses, checks and stores batches of meter messages. Meters of registered enterprises
 * register themselves on their first valid reading; messages for an unknown USCC are rejected. It keeps each
 * meter's last accepted reading in memory (loaded from the database on first sight), so one process must
 * ingest at a time. Re-delivered readings are no-ops: readings are keyed (meter, time).
 */
export function createMeterIngestor(db: Db, log: Logger, topicPrefix = TOPIC_PREFIX) {
  const enterprises = new Map<string, number>();
  const meters = new Map<string, Entry>();
  const loadedEnterprises = new Set<number>();

  async function resolveEnterprises(usccs: string[]) {
    const missing = [...new Set(usccs)].filter((u) => !enterprises.has(u));
    for (const e of await repo.findEnterprisesByUscc(db, missing)) enterprises.set(e.uscc, e.id);
    const toLoad = [...new Set(usccs.map((u) => enterprises.get(u)).filter((id): id is number => id !== undefined && !loadedEnterprises.has(id)))];
    for (const m of await repo.listMeterStates(db, toLoad)) {
      meters.set(`${m.enterpriseId}/${m.code}`, {
        id: m.id,
        carrier: m.carrier,
        // The recent rate is not stored: after a restart the spike check waits for spikeMinSamples readings again.
        state: { lastTsMs: m.lastTs?.getTime() ?? null, lastValue: m.lastValue, unit: m.unit, rate: null, samples: m.lastTs ? 1 : 0 },
      });
    }
    for (const id of toLoad) loadedEnterprises.add(id);
  }

  /** Meters of known enterprises seen for the first time are registered in one statement, with their first reading's unit. */
  async function registerNewMeters(parsed: Array<{ uscc: string; meterCode: string; readings: MeterReading[] }>, now: Date) {
    const fresh = new Map<string, typeof meter.$inferInsert>();
    for (const p of parsed) {
      const enterpriseId = enterprises.get(p.uscc);
      const key = `${enterpriseId}/${p.meterCode}`;
      if (enterpriseId === undefined || meters.has(key) || fresh.has(key)) continue;
      fresh.set(key, { enterpriseId, code: p.meterCode, unit: p.readings[0]!.unit, carrier: p.readings[0]!.carrier, createdAt: now });
    }
    for (const row of await repo.ensureMeters(db, [...fresh.values()])) {
      meters.set(`${row.enterpriseId}/${row.code}`, { id: row.id, carrier: row.carrier, state: { lastTsMs: null, lastValue: null, unit: row.unit, rate: null, samples: 0 } });
    }
    if (fresh.size) log.info({ meters: fresh.size }, 'meters registered');
  }

  async function ingest(messages: MeterMessage[], now: Date): Promise<IngestResult> {
    const rules = (await referenceAt(db, 'metering-rules', now.toISOString().slice(0, 10))).value;
    const rejections: Rejection[] = [];
    const reject = (m: MeterMessage, reason: RejectReason, detail: string, extra: Partial<Rejection> = {}) =>
      rejections.push({ topic: m.topic.slice(0, 300), reason, detail, payload: m.payload.toString('utf8').slice(0, 500), receivedAt: m.receivedAt, ...extra });

    type Parsed = { m: MeterMessage; uscc: string; meterCode: string; readings: MeterReading[] };
    const parsed: Parsed[] = [];
    for (const m of messages) {
      const t = parseMeterTopic(m.topic, topicPrefix);
      if (!t.ok) {
        reject(m, t.reason, t.detail);
        continue;
      }
      const p = parseMeterPayload(m.payload);
      if (!p.ok) reject(m, p.reason, p.detail, { uscc: t.uscc, meterCode: t.meterCode });
      else parsed.push({ m, uscc: t.uscc, meterCode: t.meterCode, readings: p.readings.sort((a, b) => a.tsMs - b.tsMs) });
    }
    await resolveEnterprises(parsed.map((p) => p.uscc));
    await registerNewMeters(parsed, now);

    // Work on copies of the states; they replace the cached ones only after the batch is committed.
    const working = new Map<string, Entry>();
    const readings: Array<typeof meterReading.$inferInsert> = [];
    const intervals = new Map<number, Array<Interval & { tsMs: number }>>();
    const counted = new Map<number, number[]>();
    const olderThanLatest: Array<{ p: Parsed; r: MeterReading; entry: Entry; detail: string }> = [];
    const carriers = new Map<number, string>();
    let duplicates = 0;
    for (const p of parsed) {
      const enterpriseId = enterprises.get(p.uscc);
      const at = (r: MeterReading): Partial<Rejection> => ({ uscc: p.uscc, meterCode: p.meterCode, ts: new Date(r.tsMs), value: r.value });
      if (enterpriseId === undefined) {
        for (const r of p.readings) reject(p.m, 'unknown-enterprise', `统一社会信用代码 ${p.uscc} 未在平台登记为企业`, at(r));
        continue;
      }
      const key = `${enterpriseId}/${p.meterCode}`;
      let entry = working.get(key) ?? meters.get(key)!;
      entry = { ...entry, state: { ...entry.state } };
      working.set(key, entry);
      for (const r of p.readings) {
        const v = checkReading(entry.state, r, rules, now.getTime());
        if (v.kind === 'duplicate') duplicates++;
        else if (v.kind === 'reject' && v.reason === 'out-of-order') olderThanLatest.push({ p, r, entry, detail: v.detail });
        else if (v.kind === 'reject') reject(p.m, v.reason, v.detail, at(r));
        else {
          if (v.delta !== null) {
            const list = intervals.get(entry.id) ?? [];
            list.push({ prevTsMs: entry.state.lastTsMs!, tsMs: r.tsMs, delta: v.delta });
            intervals.set(entry.id, list);
          }
          const times = counted.get(entry.id) ?? [];
          times.push(r.tsMs);
          counted.set(entry.id, times);
          entry.state = v.state;
          readings.push({ meterId: entry.id, ts: new Date(r.tsMs), value: r.value, delta: v.delta, isAfterGap: v.isAfterGap, receivedAt: p.m.receivedAt });
          if (r.carrier && !entry.carrier) {
            entry.carrier = r.carrier;
            carriers.set(entry.id, r.carrier);
          }
        }
      }
    }
    // A reading older than the latest is a re-delivery when the same (meter, time) is already stored.
    for (const [, group] of groupBy(olderThanLatest, (o) => o.entry.id)) {
      const stored = await repo.storedTimes(db, group[0]!.entry.id, group.map((o) => new Date(o.r.tsMs)));
      for (const o of group) {
        if (stored.has(o.r.tsMs)) duplicates++;
        else reject(o.p.m, 'out-of-order', o.detail, { uscc: o.p.uscc, meterCode: o.p.meterCode, ts: new Date(o.r.tsMs), value: o.r.value });
      }
    }

    let stored = 0;
    await db.transaction(async (tx) => {
      stored = await repo.insertReadings(tx, readings);
      await repo.addToHours(tx, hourRows(intervals, counted));
      await repo.insertRejections(tx, rejections);
      for (const [id, carrier] of carriers) await repo.setMeterCarrier(tx, id, carrier);
    });
    for (const [key, entry] of working) meters.set(key, entry);
    // Only an ingestor that shares the database with another one can meet stored rows it did not know of.
    if (stored < readings.length) log.warn({ expected: readings.length, stored }, 'meter readings already stored by another ingestor: hourly totals may count them twice');
    for (const r of rejections.slice(0, LOGGED_REJECTIONS_PER_BATCH)) log.warn({ topic: r.topic, reason: r.reason, detail: r.detail }, 'meter reading rejected');
    if (rejections.length > LOGGED_REJECTIONS_PER_BATCH) log.warn({ more: rejections.length - LOGGED_REJECTIONS_PER_BATCH }, 'more meter readings rejected in this batch');
    return { stored, duplicates, rejected: rejections.length };
  }

  return { ingest };
}

function hourRows(intervals: Map<number, Interval[]>, counted: Map<number, number[]>): Array<typeof meterHour.$inferInsert> {
  const rows: Array<typeof meterHour.$inferInsert> = [];
  for (const meterId of new Set([...intervals.keys(), ...counted.keys()])) {
    const use = spreadOverHours(intervals.get(meterId) ?? []);
    const readingsPerHour = new Map<number, number>();
    for (const ts of counted.get(meterId) ?? []) readingsPerHour.set(hourOf(ts), (readingsPerHour.get(hourOf(ts)) ?? 0) + 1);
    for (const hour of new Set([...use.keys(), ...readingsPerHour.keys()])) {
      rows.push({ meterId, hour: new Date(hour), quantity: use.get(hour) ?? 0, readings: readingsPerHour.get(hour) ?? 0 });
    }
  }
  return rows;
}

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const t of items) {
    const list = out.get(key(t)) ?? [];
    list.push(t);
    out.set(key(t), list);
  }
  return out;
}

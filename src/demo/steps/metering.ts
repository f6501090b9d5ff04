import { sql } from 'drizzle-orm';
import pino from 'pino';
import { meterHour } from '../../db/schema/index';
import { REPORT_UNITS, type ReportUnit } from '../../domain/energy/conversion';
import { type MeterMessage, createMeterIngestor } from '../../modules/metering/ingest.service';
import * as repo from '../../modules/metering/repo';
import type { DemoCtx, DemoEnterprise } from '../context';
import { DEMO_MQTT_PREFIX, demoUscc } from '../ids';
import { type CounterShape, counterAt, demoMeterPhase } from '../meter-counter';
import type { Rng } from '../random';
import { carrierMixOf } from './enterprises';
import { industryOf } from './org';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Readings every 15 minutes in the generated history (the live stream then sends every 10 s). */
const READING_MS = 15 * 60_000;
/** The demo meters went online at the end of 2024, so the whole of 2025 can be compared with the annual reports. */
export const METERS_INSTALLED = new Date('2024-12-20T00:00:00+08:00');
const BACKFILL_FROM = new Date('2025-01-01T00:00:00+08:00');
const FIRST_WAVE_STRIDE = { small: 4, standard: 2, large: 1 } as const;
/** One first-wave meter was down for six weeks in 2025: its year shows a gap against the report. */
const OUTAGE: [number, number] = [Date.parse('2025-07-01T00:00:00+08:00'), Date.parse('2025-08-12T00:00:00+08:00')];

/** The carriers a meter can count online, and the unit its counter runs in. */
const METERED: Record<string, { code: string; unit: ReportUnit }> = {
  electricity: { code: 'E', unit: 'kWh' },
  'natural-gas': { code: 'G', unit: 'm3' },
  'raw-coal': { code: 'C', unit: 't' },
  'steam-low-pressure': { code: 'S', unit: 't' },
};

export type DemoMeterPlan = CounterShape & { enterprise: DemoEnterprise; code: string; unit: ReportUnit; carrier: string };

/**
 * A key unit's meters: the main electricity meter first, then its main metered fuel (gas, coal or steam), then a
 * second electricity circuit; each meter's share of the carrier's annual use, in the meter's unit.
 */
function planMeters(e: DemoEnterprise, perUnit: number, annual: Map<string, number>): DemoMeterPlan[] {
  const fuel = carrierMixOf(e.industryCode).find((c) => c.carrier !== 'electricity' && METERED[c.carrier]);
  const wanted: Array<{ carrier: string; n: number; share: number }> = [{ carrier: 'electricity', n: 1, share: 1 }];
  if (perUnit >= 2 && fuel) wanted.push({ carrier: fuel.carrier, n: 1, share: 1 });
  if (wanted.length < perUnit) {
    wanted[0]!.share = 0.7;
    wanted.push({ carrier: 'electricity', n: 2, share: 0.3 });
  }
  return wanted.slice(0, perUnit).map((w) => {
    const m = METERED[w.carrier]!;
    const perYear = ((annual.get(w.carrier) ?? 0) * w.share) / REPORT_UNITS[m.unit][1];
    return { enterprise: e, code: `${m.code}-0${w.n}`, unit: m.unit, carrier: w.carrier, perHour: perYear / 8760, phase: demoMeterPhase(e.id) };
  });
}

/** A unit's annual use per carrier in base units (kWh, m3, kg), from its latest current report (2025, else 2024). */
async function annualUse(ctx: DemoCtx, e: DemoEnterprise): Promise<{ year: number | null; byCarrier: Map<string, number> }> {
  for (const year of [2025, 2024]) {
    const report = await repo.currentReport(ctx.db, e.id, year);
    const lines = (report?.lines ?? []) as Array<{ carrier: string; quantity: number; unit: ReportUnit }>;
    if (lines.length) return { year, byCarrier: new Map(lines.map((l) => [l.carrier, l.quantity * REPORT_UNITS[l.unit][1]])) };
  }
  // No report (the enterprises step did not run): a typical unit of its industry.
  const [lo, hi] = industryOf(e).tce;
  const tce = Math.sqrt(lo * hi);
  return { year: null, byCarrier: new Map(carrierMixOf(e.industryCode).map((c) => [c.carrier, (tce * c.share * 1000) / c.kgcePerBase])) };
}

/** The counter a demo meter shows: it starts near zero when installed. */
const counter = (m: CounterShape, ms: number) => Math.round((counterAt(m, ms) - counterAt(m, METERS_INSTALLED.getTime())) * 1000) / 1000;

/**
 * 在线计量 (issue #12): the key energy units' meters, their hourly use since 2025 (so the 2025 metered totals sit
 * within a few per cent of each annual report, one unit with a six-week outage showing a gap), and `historyDays` of
 * 15-minute readings before the demo's today, stored through the platform's own ingest path with its checks (a few
 * bad messages among them, so the rejections list has entries of every kind).
 */
export async function generateMetering(ctx: DemoCtx): Promise<void> {
  const rng = ctx.rng('metering');
  const units = ctx.city.enterprises.filter((e) => e.isKeyEnergyUnit);
  if (!units.length) return;
  const plans: DemoMeterPlan[] = [];
  const reported2025 = new Set<number>();
  for (const e of units) {
    const use = await annualUse(ctx, e);
    if (use.year === 2025) reported2025.add(e.id);
    // Metered use runs within ±3 % of what the unit reports: meters and invoices never agree exactly.
    const scale = rng.around(1, 0.01, 4);
    for (const p of planMeters(e, ctx.size.metersPerUnit, use.byCarrier)) if (p.perHour > 0) plans.push({ ...p, perHour: p.perHour * scale });
  }

  const historyFrom = ctx.asOf.getTime() - ctx.size.historyDays * DAY_MS;
  // The first wave (in every FIRST_WAVE_STRIDE-th region, its first key unit that has filed for 2025: a year and more
  // of hours per meter is the bulk of the load) has metered since 2025, so its 2025 totals compare with the annual
  // reports; the others went online a month before the demo's today.
  const stride = FIRST_WAVE_STRIDE[ctx.size.name];
  const firstWave = new Set(
    ctx.city.regions
      .filter((_, i) => i % stride === 0)
      .flatMap((r) => {
        const own = units.filter((e) => e.regionCode === r.code);
        const pick = own.find((e) => reported2025.has(e.id)) ?? own[0];
        return pick ? [pick.id] : [];
      }),
  );
  const secondWave = new Date(ctx.asOf.getTime() - 30 * DAY_MS);

  // Meters are registered with their install date through the repo (the ingest path would date them by their first
  // reading, and the demo sends readings only for the last days).
  const registered = await repo.ensureMeters(
    ctx.db,
    plans.map((p) => ({ enterpriseId: p.enterprise.id, code: p.code, unit: p.unit, carrier: p.carrier, createdAt: firstWave.has(p.enterprise.id) ? METERS_INSTALLED : secondWave })),
  );
  const idOf = new Map(registered.map((r) => [`${r.enterpriseId}/${r.code}`, r.id]));
  const reportedFirst = [...firstWave].filter((id) => reported2025.has(id));
  const gapUnit = rng.pick(reportedFirst.length ? reportedFirst : [...firstWave]);
  let hours = 0;
  for (const p of plans) {
    const from = firstWave.has(p.enterprise.id) ? BACKFILL_FROM : secondWave;
    const outage = p.enterprise.id === gapUnit && p.code === 'E-01' ? OUTAGE : null;
    hours += await backfillHours(ctx, idOf.get(`${p.enterprise.id}/${p.code}`)!, p, from.getTime(), historyFrom, outage);
  }

  // The last days, reading by reading, through the ingest path (its checks, deltas and hourly spreading are the real ones).
  const ingestor = createMeterIngestor(ctx.db, pino({ level: 'silent' }), DEMO_MQTT_PREFIX);
  let readings = 0;
  let rejected = 0;
  for (const [i, p] of plans.entries()) {
    const messages = historyMessages(p, historyFrom, ctx.asOf.getTime());
    if (i < 2) messages.push(...badReadings(p, historyFrom, ctx.asOf.getTime(), rng));
    messages.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
    const r = await ingestor.ingest(messages, ctx.asOf);
    readings += r.stored;
    rejected += r.rejected;
  }
  const r = await ingestor.ingest(strayMessages(historyFrom, rng), ctx.asOf);
  rejected += r.rejected;
  ctx.log(`在线计量：${plans.length} 块表（${units.length} 家重点用能单位），${hours} 个小时用量，${readings} 条读数，${rejected} 条拒收`);
}

/**
 * Hourly use of a meter over [from, to) written straight into the hourly totals, computed in one SQL statement: the
 * integral of counterAt's daily shape over each hour. Two years of 15-minute readings for every meter would be
 * millions of rows through the ingest path, and the pages read only the hours. Returns the rows written.
 */
async function backfillHours(ctx: DemoCtx, meterId: number, p: CounterShape, from: number, to: number, outage: [number, number] | null): Promise<number> {
  if (from >= to) return 0;
  const k = (0.6 * 24) / (2 * Math.PI);
  const [skipFrom, skipTo] = (outage ?? [0, 0]).map((t) => new Date(t).toISOString());
  const a = (offset: number) => sql.raw(`(2 * pi() * (extract(epoch from h) / 3600 + ${offset} - ${Number(p.phase)}) / 24)`);
  const result = await ctx.db.execute(sql`
    insert into ${meterHour} (meter_id, hour, quantity, readings)
    select ${meterId}, h, round((${p.perHour}::float8 * (1 + ${k}::float8 * (cos(${a(0)}) - cos(${a(1)}))))::numeric, 3), ${HOUR_MS / READING_MS}
    from generate_series(${new Date(from).toISOString()}::timestamptz, ${new Date(to - HOUR_MS).toISOString()}::timestamptz, interval '1 hour') h
    where not (h >= ${skipFrom}::timestamptz and h < ${skipTo}::timestamptz)`);
  return Number((result as unknown as { affectedRows?: number; rowCount?: number }).affectedRows ?? (result as unknown as { rowCount?: number }).rowCount ?? 0);
}

const topicOf = (p: DemoMeterPlan) => `${DEMO_MQTT_PREFIX}/${p.enterprise.uscc}/${p.code}`;
const bjIso = (ms: number) => new Date(ms + 8 * HOUR_MS).toISOString().replace(/\.\d{3}Z$/, '+08:00');
const reading = (p: DemoMeterPlan, ms: number, over: Partial<{ value: number; unit: string }> = {}) => ({ ts: bjIso(ms), value: counter(p, ms), unit: p.unit, carrier: p.carrier, ...over });

/** One message an hour, holding that hour's four readings (a meter's gateway batches them), from `from` to `to` inclusive. */
export function historyMessages(p: DemoMeterPlan, from: number, to: number): MeterMessage[] {
  const out: MeterMessage[] = [];
  for (let h = from; h <= to; h += HOUR_MS) {
    const ts = [0, 1, 2, 3].map((k) => h + k * READING_MS).filter((t) => t <= to);
    out.push({ topic: topicOf(p), payload: Buffer.from(JSON.stringify(ts.map((t) => reading(p, t)))), receivedAt: new Date(ts.at(-1)! + 2_000) });
  }
  return out;
}

/** A meter's bad readings among its good ones: a counter that went back, a spike, a wrong unit, a clock far ahead. */
function badReadings(p: DemoMeterPlan, from: number, asOf: number, rng: Rng): MeterMessage[] {
  const t = from + rng.int(6, 20) * HOUR_MS + 7 * 60_000;
  const one = (ms: number, over: Partial<{ value: number; unit: string; ts: string }>, receivedMs = ms + 2_000) => ({
    topic: topicOf(p),
    payload: Buffer.from(JSON.stringify({ ...reading(p, ms), ...over })),
    receivedAt: new Date(receivedMs),
  });
  return [
    one(t, { value: Math.round(counter(p, t) * 0.5) }),
    one(t + HOUR_MS, { value: Math.round(counter(p, t + HOUR_MS) + p.perHour * 200) }),
    one(t + 2 * HOUR_MS, { unit: p.unit === 'kWh' ? 'MJ' : 'kWh' }),
    one(t + 3 * HOUR_MS, { ts: bjIso(asOf + 2 * DAY_MS) }),
  ];
}

/** Messages no meter of the platform can own: a malformed topic, a body that is not JSON, an unregistered enterprise. */
function strayMessages(from: number, rng: Rng): MeterMessage[] {
  const at = (h: number) => new Date(from + h * HOUR_MS + rng.int(0, 3_000_000));
  const ok = (ms: number) => JSON.stringify({ ts: bjIso(ms), value: 1234.5, unit: 'kWh' });
  return [
    { topic: `${DEMO_MQTT_PREFIX}/UNKNOWN/E-01`, payload: Buffer.from(ok(at(3).getTime())), receivedAt: at(3) },
    { topic: `${DEMO_MQTT_PREFIX}/${demoUscc(9_999_999)}/E-01`, payload: Buffer.from(ok(at(9).getTime())), receivedAt: at(9) },
    { topic: `${DEMO_MQTT_PREFIX}/${demoUscc(9_999_999)}/E-01`, payload: Buffer.from('{"ts": "2026-', 'utf8'), receivedAt: at(15) },
  ];
}

import ExcelJS from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { enterpriseScopeOf } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { dailyCompleteness } from '../../domain/monitoring/completeness';
import type { FactorLimit } from '../../domain/monitoring/model';
import type { Db } from '../../db/client';
import type { Ctx } from '../../server/context';
import { referenceAt } from '../reference/service';
import * as repo from './repo';
import type { CompletenessOut, CompletenessQuery, SeriesOut, SeriesQuery } from './schemas';
import { stationFor } from './stations.service';

const DAY_MS = 86_400_000;
// Raw points per answer, and the longest spans: a chart shows no more than this, zoom narrows the range.
const MAX_RAW_POINTS = 20_000;
const MAX_SPAN_DAYS = { raw: 31, hour: 366, day: 3660 } as const;
const MAX_COMPLETENESS_DAYS = 366;

/** A factor's series at a station: raw readings of a kind, or Beijing hour/day aggregates, in [from, to). */
export async function getStationSeries(ctx: Ctx, id: number, q: z.infer<typeof SeriesQuery>): Promise<z.infer<typeof SeriesOut>> {
  const s = await stationFor(ctx, id);
  const from = new Date(q.from);
  const to = new Date(q.to);
  if (!(from < to)) throw new AppError('validation', '结束时间须晚于开始时间', { pointer: '#/to', field: 'to' });
  if (to.getTime() - from.getTime() > MAX_SPAN_DAYS[q.granularity] * DAY_MS) {
    throw new AppError('validation', `${q.granularity === 'raw' ? '原始数据' : q.granularity === 'hour' ? '小时汇总' : '日汇总'}一次最多查询 ${MAX_SPAN_DAYS[q.granularity]} 天`, { pointer: '#/from', field: 'from' });
  }
  const limit = (s.factors as FactorLimit[]).find((f) => f.code === q.factor);
  const points =
    q.granularity === 'raw' ? await repo.rawSeries(ctx.db, id, q.kind, q.factor, from, to, MAX_RAW_POINTS) : await repo.aggregateSeries(ctx.db, id, q.kind, q.factor, from, to, q.granularity);
  return { stationId: id, factor: q.factor, unit: limit?.unit ?? '', limit: limit?.upper ?? null, basis: limit?.basis ?? null, points };
}

/** 有效传输率 per station per Beijing day, for the stations in scope (data/reference/monitoring.yaml). */
export async function getCompleteness(ctx: Ctx, q: z.infer<typeof CompletenessQuery>): Promise<z.infer<typeof CompletenessOut>> {
  if (q.to < q.from) throw new AppError('validation', '结束日期须不早于开始日期', { pointer: '#/to', field: 'to' });
  const days = (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS + 1;
  if (days > MAX_COMPLETENESS_DAYS) throw new AppError('validation', `一次最多查询 ${MAX_COMPLETENESS_DAYS} 天`, { pointer: '#/from', field: 'from' });
  const stations = await repo.listStations(ctx.db, enterpriseScopeOf(ctx.actor), { regionCode: q.regionCode, ids: q.stationId ? [q.stationId] : undefined });
  const rules = (await referenceAt(ctx.db, 'monitoring-rules', q.to)).value;
  // Beijing days: [from 00:00 +08:00, to + 1 day 00:00 +08:00).
  const start = new Date(`${q.from}T00:00:00+08:00`);
  const end = new Date(Date.parse(`${q.to}T00:00:00+08:00`) + DAY_MS);
  const hours = await repo.hourFlags(ctx.db, stations.map((s) => s.station.id), start, end);
  return stations.map(({ station: s }) => ({
    stationId: s.id,
    stationName: s.name,
    regionCode: s.regionCode,
    days: dailyCompleteness(
      hours.filter((h) => h.stationId === s.id),
      q.from,
      q.to,
      rules,
    ),
  }));
}

const LIVE_POLL_MS = 1000;
const LIVE_HEARTBEAT_MS = 15_000;
const LIVE_BATCH = 2000;
// A station clock may run ahead; a reading timed further ahead than this is left out of the live stream, so it
// cannot move the stream's cursor into the future and hold back every reading after it.
const LIVE_FUTURE_MS = 5 * 60_000;
/** Open live streams, ended when the server closes (a stream never ends by itself, so it would hold close() up). */
const liveStreams = new Set<() => void>();

export function endLiveStreams() {
  for (const end of liveStreams) end();
}

/**
 * 实时数据 as server-sent events: every second the station's real-time and minute readings newer than the last
 * sent are pushed as one `readings` event (data: an array of LiveReading (schemas.ts), id: the newest
 * time in ms, so a reconnecting EventSource resumes from Last-Event-ID; readings timed over 5 minutes ahead of the
 * server clock are left out); a comment line every 15 s keeps proxies
 * from closing an idle stream. Without Last-Event-ID it starts after the newest reading stored. Polling the
 * database keeps it correct with any number of gateway and writer processes.
 */
export async function streamStationLive(ctx: Ctx, id: number, req: FastifyRequest, reply: FastifyReply) {
  await stationFor(ctx, id);
  const lastEventId = Number(req.headers['last-event-id']);
  let cursor = Number.isFinite(lastEventId) && lastEventId > 0 ? new Date(lastEventId) : ((await repo.latestReadingAt(ctx.db, id, new Date(Date.now() + LIVE_FUTURE_MS))) ?? new Date(0));
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  res.write(`retry: 3000\n: connected\n\n`);
  let closed = false;
  let busy = false;
  const poll = async () => {
    if (closed || busy || res.writableNeedDrain) return; // a slow reader gets fewer, larger batches
    busy = true;
    try {
      const rows = await repo.readingsAfter(ctx.db, id, cursor, new Date(Date.now() + LIVE_FUTURE_MS), LIVE_BATCH);
      if (rows.length && !closed) {
        cursor = rows[rows.length - 1]!.at;
        const data = rows.map((r) => ({ kind: r.kind, factor: r.factor, at: r.at.toISOString(), value: r.value, min: r.min, max: r.max, zs: r.zs, flag: r.flag }));
        res.write(`id: ${cursor.getTime()}\nevent: readings\ndata: ${JSON.stringify(data)}\n\n`);
      }
    } catch (err) {
      ctx.log.warn({ err, stationId: id }, 'live readings poll failed');
    } finally {
      busy = false;
    }
  };
  const pollTimer = setInterval(poll, LIVE_POLL_MS);
  const beat = setInterval(() => !closed && res.write(': ping\n\n'), LIVE_HEARTBEAT_MS);
  const stop = () => {
    closed = true;
    clearInterval(pollTimer);
    clearInterval(beat);
    liveStreams.delete(end);
  };
  const end = () => {
    stop();
    res.end();
  };
  liveStreams.add(end);
  req.raw.on('close', stop);
  res.on('close', stop);
  void poll();
}

/**
 * Monthly partitions of `reading` (migration 0011) for this month and the next `ahead` months. A month whose rows
 * already sit in the DEFAULT partition (an old backfill) cannot get its own and stays there; that is logged by
 * the caller through the returned list only for the months created.
 */
export async function ensureReadingPartitions(db: Db, now: Date, ahead = 3): Promise<string[]> {
  const created: string[] = [];
  for (let i = 0; i <= ahead; i++) {
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1));
    const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i + 1, 1));
    const name = `reading_${from.toISOString().slice(0, 7).replace('-', '')}`;
    if (await repo.partitionExists(db, name)) continue;
    try {
      await db.transaction((tx) => repo.createReadingPartition(tx, name, from.toISOString(), to.toISOString()));
      created.push(name);
    } catch {
      // The DEFAULT partition holds rows of that month: they stay there, and so will the month's new rows.
    }
  }
  return created;
}

/** 有效传输率 as .xlsx: one row per station and day, rates in per cent. */
export async function completenessXlsx(ctx: Ctx, q: z.infer<typeof CompletenessQuery>): Promise<{ fileName: string; content: Buffer }> {
  const stations = await getCompleteness(ctx, q);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ECER';
  const ws = wb.addWorksheet('有效传输率', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '站点', key: 'station', width: 28 },
    { header: '行政区划', key: 'region', width: 10 },
    { header: '日期', key: 'date', width: 12 },
    { header: '应传小时数', key: 'expected', width: 10 },
    { header: '实传小时数', key: 'received', width: 10 },
    { header: '有效小时数', key: 'valid', width: 10 },
    { header: '传输率(%)', key: 'transmission', width: 10 },
    { header: '有效率(%)', key: 'validity', width: 10 },
    { header: '有效传输率(%)', key: 'effective', width: 12 },
  ];
  ws.getRow(1).font = { bold: true };
  const pct = (r: number) => Math.round(r * 10000) / 100;
  for (const s of stations) {
    for (const d of s.days) {
      ws.addRow({ station: s.stationName, region: s.regionCode, date: d.date, expected: d.expected, received: d.received, valid: d.valid, transmission: pct(d.transmissionRate), validity: pct(d.validRate), effective: pct(d.effectiveRate) });
    }
  }
  return { fileName: `有效传输率-${q.from}-${q.to}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** The base year of the 14th Five-Year plan's reduction targets. */
const BASE_YEAR = 2020;

/**
 * A station's mean concentrations before and after a measure (the reduction cross-check, reduction.md §5): before =
 * the 2020 months, or the earliest month with data; after = the months of `afterYear`, or the latest month with
 * data. Means are weighted by the readings behind each month. Null when no station has that MN.
 */
export async function stationMeansBeforeAfter(db: Db, mn: string, factors: string[], afterYear: number | null): Promise<Map<string, { before: number | null; after: number | null }> | null> {
  const found = await repo.findStationByMn(db, mn);
  if (!found) return null;
  const s = (await repo.findStation(db, found.id))!;
  const converted = (s.factors as FactorLimit[]).filter((f) => f.basis === 'converted').map((f) => f.code);
  const rows = (await repo.monthlyMeans(db, s.id, factors, converted)).filter((r) => r.mean !== null);
  const out = new Map<string, { before: number | null; after: number | null }>();
  const mean = (list: typeof rows) => (list.length ? list.reduce((a, r) => a + r.mean! * r.n, 0) / list.reduce((a, r) => a + r.n, 0) : null);
  for (const code of factors) {
    const months = rows.filter((r) => r.factor === code); // ordered by month
    if (!months.length) {
      out.set(code, { before: null, after: null });
      continue;
    }
    const base = months.filter((r) => r.month.startsWith(`${BASE_YEAR}-`));
    const beforeMonths = base.length ? base : [months[0]!];
    const target = afterYear !== null && afterYear !== BASE_YEAR ? months.filter((r) => r.month.startsWith(`${afterYear}-`)) : [];
    const afterMonths = target.length ? target : [months[months.length - 1]!];
    // One month of data only: it is the 'before' when it lies in the base year, else the 'after'.
    if (months.length === 1) out.set(code, base.length ? { before: mean(months), after: null } : { before: null, after: mean(months) });
    else out.set(code, { before: mean(beforeMonths), after: mean(afterMonths) });
  }
  return out;
}

import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { toCsv } from '../../domain/public/csv';
import { type Dataset, Snapshot } from '../../domain/public/publication';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as repo from './publications.repo';
import type { OpenDataItem, PreviewOut, PublicationOut, PublishBody, WithdrawBody } from './publications.schemas';
import { buildSnapshot } from './publications.snapshots';
import { fillSheet, tableOf } from './publications.tables';

const userIdOf = (ctx: Ctx) => {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  return ctx.actor.userId;
};

/** 发布记录: every publication, newest first, withdrawn ones with who, when and why. */
export async function listPublications(ctx: Ctx): Promise<PublicationOut[]> {
  return repo.listHistory(ctx.db);
}

/** What publishing would freeze, without storing anything: the steering office checks it first. */
export async function previewPublication(ctx: Ctx, body: PublishBody): Promise<PreviewOut> {
  const built = await buildSnapshot(ctx, body.dataset, body.periodKey);
  return { dataset: body.dataset, periodKey: body.periodKey, title: built.title, snapshot: Snapshot.parse(built.snapshot) };
}

/** Freezes the dataset's snapshot for the period into `publication` (a new version if it was published before). */
export async function publish(ctx: Ctx, body: PublishBody): Promise<PublicationOut> {
  const by = userIdOf(ctx);
  const built = await buildSnapshot(ctx, body.dataset, body.periodKey);
  const snapshot = Snapshot.parse(built.snapshot); // the public contract, checked before it is frozen
  const row = await ctx.db.transaction(async (tx) => {
    const saved = await repo.insertPublication(tx, { dataset: body.dataset, periodKey: body.periodKey, title: built.title, snapshot, publishedBy: by, publishedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'publishDataset', entity: 'publication', entityId: saved.id, before: null, after: { dataset: saved.dataset, periodKey: saved.periodKey, title: saved.title } });
    return saved;
  });
  forgetPublicCache(ctx.db);
  ctx.log.info({ publicationId: row.id, dataset: row.dataset, periodKey: row.periodKey }, 'dataset published');
  return historyRow(ctx.db, row.id);
}

/** Takes a publication off the public site, with the reason; the row stays in the history. */
export async function withdraw(ctx: Ctx, id: number, body: WithdrawBody): Promise<PublicationOut> {
  const by = userIdOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findPublication(tx, id);
    if (!before) throw new AppError('not-found', `发布记录 ${id} 不存在`);
    const after = await repo.withdrawPublication(tx, id, { by, at: ctx.now, reason: body.reason });
    if (!after) throw new AppError('conflict', `“${before.title}”已于此前撤回`);
    await recordAudit(tx, ctx, { action: 'withdrawPublication', entity: 'publication', entityId: id, before: { withdrawnAt: null }, after: { withdrawnAt: after.withdrawnAt, reason: body.reason } });
  });
  forgetPublicCache(ctx.db);
  ctx.log.info({ publicationId: id }, 'publication withdrawn');
  return historyRow(ctx.db, id);
}

async function historyRow(db: Db, id: number): Promise<PublicationOut> {
  const row = (await repo.listHistory(db)).find((r) => r.id === id);
  if (!row) throw new AppError('not-found', `发布记录 ${id} 不存在`);
  return row;
}

// ---- The public side: read only `publication`, cached in memory per publication version. ----

/** A ready response: the bytes, their type and a strong ETag. */
export type Cached = { body: Buffer; type: string; etag: string; fileName?: string };

type PublicCache = { version: string; checkedAt: number; rows: Map<string, repo.PublicationRow>; list: repo.PublicationRow[]; entries: Map<string, Cached> };
const caches = new WeakMap<Db, PublicCache>();
/** Another server process may publish: the version is re-read at most once a second. */
const VERSION_TTL_MS = 1000;

function forgetPublicCache(db: Db) {
  caches.delete(db);
}

async function publicCache(db: Db, nowMs: number): Promise<PublicCache> {
  const hit = caches.get(db);
  if (hit && nowMs - hit.checkedAt < VERSION_TTL_MS) return hit;
  const version = await repo.publicationVersion(db);
  if (hit && hit.version === version) {
    hit.checkedAt = nowMs;
    return hit;
  }
  const list = await repo.listLatest(db);
  const fresh = { version, checkedAt: nowMs, list, rows: new Map(list.map((r) => [`${r.dataset}|${r.periodKey}`, r])), entries: new Map<string, Cached>() };
  caches.set(db, fresh);
  return fresh;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const etagOf = (body: Buffer) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
const cachedEntry = (body: Buffer, type: string, fileName?: string): Cached => ({ body, type, etag: etagOf(body), fileName });

async function memo(ctx: Ctx, key: string, make: (c: PublicCache) => Promise<Cached> | Cached): Promise<Cached> {
  const c = await publicCache(ctx.db, ctx.now.getTime());
  const hit = c.entries.get(key);
  if (hit) return hit;
  const made = await make(c);
  c.entries.set(key, made);
  return made;
}

const base = '/api/public/open-data';
function itemOf(r: repo.PublicationRow): OpenDataItem {
  const at = `${base}/${r.dataset}/${encodeURIComponent(r.periodKey)}`;
  return { id: r.id, dataset: r.dataset as Dataset, periodKey: r.periodKey, title: r.title, publishedAt: r.publishedAt.toISOString(), downloads: { xlsx: `${at}/xlsx`, csv: `${at}/csv`, json: `${at}/json` } };
}

/** 开放数据目录: the latest publication of each dataset × period, newest first. */
export function openDataList(ctx: Ctx): Promise<Cached> {
  return memo(ctx, 'list', (c) => {
    const items = [...c.list].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || b.id - a.id).map(itemOf);
    return cachedEntry(Buffer.from(JSON.stringify(items)), JSON_TYPE);
  });
}

function published(c: PublicCache, dataset: Dataset, periodKey: string): repo.PublicationRow {
  const row = c.rows.get(`${dataset}|${periodKey}`);
  if (!row) throw new AppError('not-found', `未发布 ${dataset} ${periodKey} 的数据`);
  return row;
}

/** One published snapshot with its catalogue entry. */
export function openSnapshot(ctx: Ctx, dataset: Dataset, periodKey: string): Promise<Cached> {
  return memo(ctx, `snap|${dataset}|${periodKey}`, (c) => {
    const row = published(c, dataset, periodKey);
    return cachedEntry(Buffer.from(JSON.stringify({ ...itemOf(row), snapshot: row.snapshot })), JSON_TYPE);
  });
}

/** A published snapshot as an open-data file: .xlsx, .csv (UTF-8 with BOM) or .json. */
export function openDataFile(ctx: Ctx, dataset: Dataset, periodKey: string, format: 'xlsx' | 'csv' | 'json'): Promise<Cached> {
  return memo(ctx, `file|${dataset}|${periodKey}|${format}`, async (c) => {
    const row = published(c, dataset, periodKey);
    const snapshot = Snapshot.parse(row.snapshot);
    const name = `${row.title}（${row.periodKey}）.${format}`;
    if (format === 'json') return cachedEntry(Buffer.from(JSON.stringify(snapshot, null, 2)), JSON_TYPE, name);
    const table = tableOf(snapshot);
    if (format === 'csv') return cachedEntry(Buffer.from(toCsv(table.header, table.rows), 'utf8'), 'text/csv; charset=utf-8', name);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'ECER';
    fillSheet(wb, row.title, table);
    return cachedEntry(Buffer.from(await wb.xlsx.writeBuffer()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name);
  });
}

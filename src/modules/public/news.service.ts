import { AppError } from '../../domain/errors';
import { type AtomEntry, tagUri, writeAtomFeed } from '../../domain/public/atom';
import { campaignTiming, excerptOf, orderPublicNews } from '../../domain/public/news';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import { beijingDate } from '../../domain/reporting/calendar';
import * as repo from './news.repo';
import { CampaignType, type NewsBody, NewsKind, type NewsOut, type NewsRowOut } from './news.schemas';

/**
 * News and campaign events of the steering office (issue #10 item 4): drafts until published; the public list,
 * detail and Atom feed read published items only (publishedAt set), an unpublished item disappears from all three.
 */

/** The tag URI authority of the feed's ids (RFC 4151): a domain the city owns; ids never need to resolve. */
const TAG_AUTHORITY = 'ecer.ganzhou.gov.cn';
const FEED_EPOCH = new Date('2026-01-01T00:00:00Z');
const FEED_ENTRIES = 50;

function toOut(n: repo.NewsRow): NewsOut {
  return {
    id: n.id,
    kind: NewsKind.parse(n.kind),
    campaign: n.campaign ? CampaignType.parse(n.campaign) : null,
    title: n.title,
    body: n.body,
    startDate: n.startDate,
    endDate: n.endDate,
    publishedAt: n.publishedAt,
    updatedAt: n.updatedAt,
  };
}

function toRow(n: repo.NewsRow, today: string): NewsRowOut {
  const { body, ...rest } = toOut(n);
  return { ...rest, excerpt: excerptOf(body), timing: n.kind === 'campaign' ? campaignTiming(n.startDate, n.endDate, today) : null };
}

type Published = repo.NewsRow & { publishedAt: Date };
const isPublished = (n: repo.NewsRow): n is Published => n.publishedAt !== null;

/** The public list: ongoing and upcoming campaigns first, then the rest newest first. */
export async function listPublicNews(ctx: Ctx, kind: string | undefined): Promise<NewsRowOut[]> {
  const today = beijingDate(ctx.now);
  const rows = (await repo.listNews(ctx.db, { publishedOnly: true, kind })).filter(isPublished);
  return orderPublicNews(rows, today).map((n) => toRow(n, today));
}

export async function getPublicNews(ctx: Ctx, id: number): Promise<NewsOut> {
  const n = await repo.findNews(ctx.db, id);
  if (!n || !n.publishedAt) throw new AppError('not-found', `新闻 ${id} 不存在`);
  return toOut(n);
}

/** The Atom 1.0 feed of published items, newest first; links are absolute on the given origin. */
export async function newsFeed(ctx: Ctx, origin: string): Promise<string> {
  const rows = (await repo.listNews(ctx.db, { publishedOnly: true, limit: FEED_ENTRIES })).filter(isPublished);
  const entries: AtomEntry[] = rows.map((n) => ({
    id: tagUri(TAG_AUTHORITY, n.createdAt, `news/${n.id}`),
    title: n.title,
    link: `${origin}/open/news?id=${n.id}`,
    published: n.publishedAt,
    updated: n.updatedAt > n.publishedAt ? n.updatedAt : n.publishedAt,
    summary: excerptOf(n.body, 400),
    category: n.campaign ?? n.kind,
  }));
  const updated = entries.reduce((max, e) => (e.updated > max ? e.updated : max), FEED_EPOCH);
  return writeAtomFeed({
    id: tagUri(TAG_AUTHORITY, FEED_EPOCH, 'news'),
    title: '赣州市节能减排 新闻与活动',
    selfLink: `${origin}/api/public/news/feed.atom`,
    alternateLink: `${origin}/open/news`,
    author: '赣州市节能减排工作领导小组办公室',
    updated,
    entries,
  });
}

/** Every item with drafts, for the steering office. */
export async function listManagedNews(ctx: Ctx): Promise<NewsOut[]> {
  return (await repo.listNews(ctx.db, { publishedOnly: false })).map(toOut);
}

const fieldsOf = (b: NewsBody) => ({
  kind: b.kind,
  campaign: b.kind === 'campaign' ? (b.campaign ?? null) : null,
  title: b.title,
  body: b.body,
  startDate: b.startDate ?? null,
  endDate: b.endDate ?? null,
});

export async function createNews(ctx: Ctx, body: NewsBody): Promise<NewsOut> {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const userId = ctx.actor.userId;
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertNews(tx, { ...fieldsOf(body), createdBy: userId, createdAt: ctx.now, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'createNews', entity: 'news_item', entityId: row.id, after: row });
    return toOut(row);
  });
}

async function changeNews(ctx: Ctx, id: number, action: string, set: (before: repo.NewsRow) => Partial<repo.NewsRow>) {
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findNews(tx, id);
    if (!before) throw new AppError('not-found', `新闻 ${id} 不存在`);
    const after = await repo.updateNews(tx, id, { ...set(before), updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action, entity: 'news_item', entityId: id, before, after });
    return toOut(after);
  });
}

export const saveNews = (ctx: Ctx, id: number, body: NewsBody) => changeNews(ctx, id, 'saveNews', () => fieldsOf(body));

export const publishNews = (ctx: Ctx, id: number) =>
  changeNews(ctx, id, 'publishNews', (before) => {
    if (before.publishedAt) throw new AppError('conflict', '该条目已发布');
    return { publishedAt: ctx.now };
  });

export const unpublishNews = (ctx: Ctx, id: number) =>
  changeNews(ctx, id, 'unpublishNews', (before) => {
    if (!before.publishedAt) throw new AppError('conflict', '该条目尚未发布');
    return { publishedAt: null };
  });

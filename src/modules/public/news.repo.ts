import { desc, eq, isNotNull, and, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { newsItem } from '../../db/schema/index';

export type NewsRow = typeof newsItem.$inferSelect;

/** Published items only (the public's), or every item with drafts (the steering office's). */
export async function listNews(db: Db, o: { publishedOnly: boolean; kind?: string; limit?: number }): Promise<NewsRow[]> {
  const where: SQL[] = [];
  if (o.publishedOnly) where.push(isNotNull(newsItem.publishedAt));
  if (o.kind) where.push(eq(newsItem.kind, o.kind));
  const q = db
    .select()
    .from(newsItem)
    .where(and(...where))
    .orderBy(desc(newsItem.publishedAt), desc(newsItem.updatedAt), desc(newsItem.id));
  return o.limit ? q.limit(o.limit) : q;
}

export async function findNews(db: Db, id: number): Promise<NewsRow | null> {
  const [row] = await db.select().from(newsItem).where(eq(newsItem.id, id));
  return row ?? null;
}

export async function insertNews(db: Db, n: typeof newsItem.$inferInsert) {
  const [row] = await db.insert(newsItem).values(n).returning();
  return row!;
}

export async function updateNews(db: Db, id: number, set: Partial<typeof newsItem.$inferInsert>) {
  const [row] = await db.update(newsItem).set(set).where(eq(newsItem.id, id)).returning();
  return row!;
}

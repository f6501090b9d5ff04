import { and, asc, desc, eq, gt, gte, ilike, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvent } from '../../db/schema/index';
import { type ChainedEvent, GENESIS_HASH, type StoredEvent, chainHash } from '../../domain/audit/chain';

// One fixed key for pg_advisory_xact_lock: appends are serialised so the chain stays linear.
const AUDIT_LOCK_KEY = 4_212_2017;

/** Appends one event to the chain; call inside the transaction that made the change. */
export async function appendEvent(tx: Db, event: ChainedEvent & { requestId: string | null; ip: string | null }) {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx.select({ hash: auditEvent.hash }).from(auditEvent).orderBy(desc(auditEvent.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const { requestId, ip, ...chained } = event;
  const hash = chainHash(prevHash, chained);
  const [row] = await tx
    .insert(auditEvent)
    .values({ ...chained, at: new Date(chained.at), before: chained.before ?? null, after: chained.after ?? null, requestId, ip, prevHash, hash })
    .returning({ id: auditEvent.id });
  return row;
}

export type AuditFilter = { entity?: string; action?: string; actor?: string; entityId?: string; from?: Date; to?: Date; afterId?: number };

export async function listEvents(db: Db, f: AuditFilter, limit: number) {
  const where = and(
    f.entity ? eq(auditEvent.entity, f.entity) : undefined,
    f.action ? eq(auditEvent.action, f.action) : undefined,
    f.entityId ? eq(auditEvent.entityId, f.entityId) : undefined,
    f.actor ? ilike(auditEvent.actorName, `%${f.actor.replace(/[\\%_]/g, '\\$&')}%`) : undefined,
    f.from ? gte(auditEvent.at, f.from) : undefined,
    f.to ? lte(auditEvent.at, f.to) : undefined,
  );
  const rows = await db.select().from(auditEvent).where(where).orderBy(desc(auditEvent.id)).limit(limit);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvent).where(where);
  return { rows, total: count?.n ?? 0 };
}

/** Reads the chain in id order, a page at a time, as the verifier consumes it. */
export async function* streamChain(db: Db, pageSize = 2000): AsyncGenerator<StoredEvent> {
  let afterId = 0;
  for (;;) {
    const page = await db.select().from(auditEvent).where(gt(auditEvent.id, afterId)).orderBy(asc(auditEvent.id)).limit(pageSize);
    for (const r of page) {
      yield {
        id: r.id,
        at: r.at.toISOString(),
        actorUserId: r.actorUserId,
        actorName: r.actorName,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        before: r.before,
        after: r.after,
        prevHash: r.prevHash,
        hash: r.hash,
      };
    }
    if (page.length < pageSize) return;
    afterId = page[page.length - 1]!.id;
  }
}

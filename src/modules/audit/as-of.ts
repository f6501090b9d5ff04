import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvent } from '../../db/schema/index';

/**
 * Rows as they stood just before `end`, from the audit trail, for an entity whose audit events carry the whole row
 * as `before` (null when the event created it): a row changed at or after `end` is replaced by the `before` of its
 * first such change, and dropped when that change created it. What an assessment at a cut-off reads, so that a later
 * edit does not change its figures. Timestamps in a restored row are ISO strings (JSON), not Dates.
 */
export async function rowsAsOf<T extends { id: number; updatedAt: Date }>(db: Db, entity: string, rows: readonly T[], end: Date): Promise<T[]> {
  const changed = rows.filter((r) => r.updatedAt >= end);
  if (!changed.length) return [...rows];
  const events = await db
    .select({ entityId: auditEvent.entityId, before: auditEvent.before })
    .from(auditEvent)
    .where(and(eq(auditEvent.entity, entity), gte(auditEvent.at, end), inArray(auditEvent.entityId, changed.map((r) => String(r.id)))))
    .orderBy(asc(auditEvent.at), asc(auditEvent.id));
  const firstChange = new Map<string, unknown>();
  for (const e of events) if (e.entityId !== null && !firstChange.has(e.entityId)) firstChange.set(e.entityId, e.before);
  const out: T[] = [];
  for (const r of rows) {
    if (r.updatedAt < end || !firstChange.has(String(r.id))) out.push(r);
    else {
      const before = firstChange.get(String(r.id));
      if (before) out.push(before as T);
    }
  }
  return out;
}

/**
 * For an entity audited as a whole set under a key (a region's targets, an indicator's shares): the `before` of the
 * first change at or after `end`, per key. A key absent from the map was not changed since `end`.
 */
export async function setsBefore(db: Db, entity: string, end: Date): Promise<Map<string, unknown>> {
  const events = await db
    .select({ entityId: auditEvent.entityId, before: auditEvent.before })
    .from(auditEvent)
    .where(and(eq(auditEvent.entity, entity), gte(auditEvent.at, end)))
    .orderBy(asc(auditEvent.at), asc(auditEvent.id));
  const first = new Map<string, unknown>();
  for (const e of events) if (e.entityId !== null && !first.has(e.entityId)) first.set(e.entityId, e.before);
  return first;
}

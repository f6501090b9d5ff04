import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Append-only record of every change, chained by hash (see src/domain/audit/chain.ts). */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull(),
    actorUserId: integer(),
    actorName: text().notNull(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
    ip: text(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [index('audit_event_entity').on(t.entity, t.entityId), index('audit_event_at').on(t.at)],
);

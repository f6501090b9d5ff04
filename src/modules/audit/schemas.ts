import { z } from 'zod';

export const AuditQuery = z.object({
  entity: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditEventOut = z.object({
  id: z.number().int(),
  at: z.date(),
  actorUserId: z.number().int().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});

export const AuditListOut = z.object({ total: z.number().int(), events: z.array(AuditEventOut) });

export const ChainReportOut = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  brokenAt: z.number().int().nullable(),
  reason: z.string().nullable(),
});

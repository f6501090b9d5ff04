import type { Db } from '../../db/client';
import { access, decideRoute } from '../../domain/access';
import { GENESIS_HASH, checkLink } from '../../domain/audit/chain';
import { AppError } from '../../domain/errors';
import type { AuditCtx, Ctx } from '../../server/context';
import * as repo from './repo';

export type AuditInput = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

/** JSON-safe copy (Dates → ISO strings) so what is hashed is what jsonb stores. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** Records a change in the audit chain, inside the caller's transaction. */
export async function recordAudit(tx: Db, ctx: AuditCtx, e: AuditInput) {
  const a = ctx.actor;
  await repo.appendEvent(tx, {
    at: new Date(ctx.now.getTime()).toISOString(),
    actorUserId: a.kind === 'user' ? a.userId : null,
    actorName: a.kind === 'user' ? a.username : a.kind === 'system' ? `system:${a.name}` : 'public',
    action: e.action,
    entity: e.entity,
    entityId: e.entityId == null ? null : String(e.entityId),
    before: plain(e.before),
    after: plain(e.after),
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
}

export async function listAuditEvents(ctx: Ctx, filter: repo.AuditFilter & { limit: number }) {
  requireAdmin(ctx);
  const { limit, ...f } = filter;
  return repo.listEvents(ctx.db, f, limit);
}

export type ChainReport = { ok: boolean; count: number; brokenAt: number | null; reason: string | null };

/** Walks the whole chain and reports the first broken link (streaming: memory stays flat). */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let count = 0;
  for await (const e of repo.streamChain(db)) {
    const bad = checkLink(prev, e);
    if (bad) return { ok: false, count, brokenAt: e.id, reason: bad };
    prev = e.hash;
    count++;
  }
  return { ok: true, count, brokenAt: null, reason: null };
}

export async function verifyAuditChainFor(ctx: Ctx) {
  requireAdmin(ctx);
  return verifyAuditChain(ctx.db);
}

function requireAdmin(ctx: Ctx) {
  if (decideRoute(ctx.actor, access.roles('admin')) !== 'allow') throw new AppError('forbidden', '仅系统管理员可查看审计日志');
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../../domain/access';
import { AuditListOut, AuditQuery, ChainReportOut } from './schemas';
import { listAuditEvents, verifyAuditChainFor } from './service';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const admin = { access: access.roles('admin') };
  app.get(
    '/events',
    { config: admin, schema: { operationId: 'listAuditEvents', tags: ['audit'], querystring: AuditQuery, response: { 200: AuditListOut } } },
    async (req) => {
      const { rows, total } = await listAuditEvents(req.ctx, req.query);
      return { total, events: rows };
    },
  );
  app.get(
    '/verify',
    { config: admin, schema: { operationId: 'verifyAuditChain', tags: ['audit'], response: { 200: ChainReportOut } } },
    (req) => verifyAuditChainFor(req.ctx),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../domain/access';
import { planToJson, planToXlsx } from './export';
import { ExportQuery, MineQuery, PlanCodeParams, PlanSummaryOut, PlanTreeOut, SearchOut, SearchQuery } from './schemas';
import { getMyItems, getPlanTree, listPlans, searchPlan } from './service';

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['plan'];
  const user = { access: access.user };
  app.get('/plans', { config: user, schema: { operationId: 'listPlans', tags, response: { 200: z.array(PlanSummaryOut) } } }, (req) =>
    listPlans(req.ctx),
  );

  app.get(
    '/plans/:code/tree',
    { config: user, schema: { operationId: 'getPlanTree', tags, params: PlanCodeParams, response: { 200: PlanTreeOut, 304: z.null() } } },
    async (req, reply) => {
      const { json, contentHash } = await getPlanTree(req.ctx.db, req.params.code, req.ctx.now.getTime());
      const etag = `"${contentHash.slice(0, 32)}"`;
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (req.headers['if-none-match'] === etag) return reply.status(304).send(null);
      // The tree is built and serialised once per plan version; a Buffer is sent as it is.
      return reply.type('application/json; charset=utf-8').send(json as unknown as z.infer<typeof PlanTreeOut>); // JSON bytes of that shape
    },
  );

  app.get(
    '/plans/:code/search',
    { config: user, schema: { operationId: 'searchPlan', tags, params: PlanCodeParams, querystring: SearchQuery, response: { 200: SearchOut } } },
    (req) =>
      searchPlan(req.ctx, req.params.code, {
        departmentId: req.query.department,
        regionCode: req.query.region,
        onlyNamed: req.query.onlyNamed,
        q: req.query.q,
      }),
  );

  app.get(
    '/plans/:code/mine',
    {
      config: user,
      schema: {
        operationId: 'getMyItems',
        tags,
        params: PlanCodeParams,
        querystring: MineQuery,
        response: { 200: SearchOut.extend({ department: z.object({ id: z.number().int(), name: z.string(), fullName: z.string() }) }) },
      },
    },
    (req) => getMyItems(req.ctx, req.params.code, req.query.department),
  );

  app.get(
    '/plans/:code/export',
    { config: user, schema: { operationId: 'exportPlan', tags, params: PlanCodeParams, querystring: ExportQuery } },
    async (req, reply) => {
      const { tree } = await getPlanTree(req.ctx.db, req.params.code, req.ctx.now.getTime());
      if (req.query.format === 'xlsx') {
        const body = await planToXlsx(tree, req.ctx.locale);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${tree.code}.xlsx"`)
          .send(body);
      }
      return reply.header('content-disposition', `attachment; filename="${tree.code}.json"`).send(planToJson(tree));
    },
  );
};

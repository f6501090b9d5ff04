import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../domain/access';
import { IdParams } from '../org/schemas';
import { listMyNotices, readNotices } from './service';

const NoticeOut = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['notifications'];
  const user = { access: access.user };
  app.get(
    '/',
    {
      config: user,
      schema: {
        operationId: 'listMyNotices',
        tags,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ unread: z.number().int(), notices: z.array(NoticeOut) }) },
      },
    },
    (req) => listMyNotices(req.ctx, req.query.limit),
  );
  const Marked = z.object({ marked: z.number().int() });
  app.post('/:id/read', { config: user, schema: { operationId: 'readNotice', tags, params: IdParams, response: { 200: Marked } } }, (req) => readNotices(req.ctx, req.params.id));
  app.post('/read-all', { config: user, schema: { operationId: 'readAllNotices', tags, response: { 200: Marked } } }, (req) => readNotices(req.ctx, null));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../domain/access';
import { addReferenceVersion, listReference } from './service';

const VersionOut = z.object({
  id: z.number().int(),
  key: z.string(),
  value: z.unknown(),
  source: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  createdBy: z.number().int().nullable(),
  /** Who entered it; null for a shipped version. */
  createdByName: z.string().nullable(),
});
const KeyOut = z.object({ key: z.string(), versions: z.array(VersionOut) });

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reference'];
  app.get(
    '/',
    { config: { access: access.user }, schema: { operationId: 'listReference', tags, response: { 200: z.array(KeyOut) } } },
    (req) => listReference(req.ctx.db),
  );
  app.post(
    '/:key/versions',
    {
      config: { access: access.roles('admin', 'steering') },
      schema: {
        operationId: 'addReferenceVersion',
        tags,
        params: z.object({ key: z.string().max(64) }),
        body: z.object({ validFrom: z.iso.date(), source: z.string().trim().min(1).max(500), value: z.unknown() }),
        response: { 201: KeyOut },
      },
    },
    async (req, reply) => reply.status(201).send(await addReferenceVersion(req.ctx, req.params.key, req.body)),
  );
};

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../domain/access';
import { attachment } from '../../server/http';
import { IdParams } from '../org/schemas';
import { DownloadParams, OpenDataListOut, OpenDataParams, OpenSnapshotOut, PreviewOut, PublicationOut, PublishBody, WithdrawBody } from './publications.schemas';
import { type Cached, listPublications, openDataFile, openDataList, openSnapshot, previewPublication, publish, withdraw } from './publications.service';

/** Public responses may sit in any cache for a minute; the ETag makes a revalidation cost one 304. */
function sendCached(req: FastifyRequest, reply: FastifyReply, c: Cached) {
  reply.header('etag', c.etag).header('cache-control', 'public, max-age=60');
  if (req.headers['if-none-match'] === c.etag) return reply.status(304).send();
  if (c.fileName) reply.header('content-disposition', attachment(c.fileName));
  return reply.type(c.type).send(c.body);
}

/**
 * 信息发布与开放数据 (issue #10): the steering office previews, publishes and withdraws dataset snapshots; anyone
 * reads what is published (and only that) as JSON, .xlsx and .csv.
 */
export const publicationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['public'];
  const city = access.roles('admin', 'steering');

  app.get('/publications', { config: { access: city }, schema: { operationId: 'listPublications', tags, response: { 200: z.array(PublicationOut) } } }, (req) => listPublications(req.ctx));
  app.post('/publications/preview', { config: { access: city }, schema: { operationId: 'previewPublication', tags, body: PublishBody, response: { 200: PreviewOut } } }, (req) =>
    previewPublication(req.ctx, req.body),
  );
  app.post('/publications', { config: { access: city }, schema: { operationId: 'publish', tags, body: PublishBody, response: { 201: PublicationOut } } }, async (req, reply) =>
    reply.status(201).send(await publish(req.ctx, req.body)),
  );
  app.post(
    '/publications/:id/withdraw',
    { config: { access: city }, schema: { operationId: 'withdrawPublication', tags, params: IdParams, body: WithdrawBody, response: { 200: PublicationOut } } },
    (req) => withdraw(req.ctx, req.params.id, req.body),
  );

  // The public API: pre-serialised bytes from the publication cache (the schemas document the shape).
  app.get('/open-data', { config: { access: access.public }, schema: { operationId: 'openDataList', tags, security: [], response: { 200: OpenDataListOut } } }, async (req, reply) =>
    sendCached(req, reply, await openDataList(req.ctx)),
  );
  app.get(
    '/open-data/:dataset/:periodKey',
    { config: { access: access.public }, schema: { operationId: 'openSnapshot', tags, security: [], params: OpenDataParams, response: { 200: OpenSnapshotOut } } },
    async (req, reply) => sendCached(req, reply, await openSnapshot(req.ctx, req.params.dataset, req.params.periodKey)),
  );
  app.get('/open-data/:dataset/:periodKey/:format', { config: { access: access.public }, schema: { operationId: 'openDataFile', tags, security: [], params: DownloadParams } }, async (req, reply) =>
    sendCached(req, reply, await openDataFile(req.ctx, req.params.dataset, req.params.periodKey, req.params.format)),
  );
};

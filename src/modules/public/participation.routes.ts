import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../domain/access';
import {
  COMMITMENT_TOKEN_HEADER,
  CommitmentActionBody,
  CommitmentCreatedOut,
  CommitmentDetailOut,
  CommitmentIdParams,
  CommitmentOut,
  CommitmentTokenHeaders,
  CommitmentUpdateBody,
  CommitmentUpdateOut,
  EnterpriseCommitmentBody,
  ManagedCommitmentOut,
  ManagedCommitmentQuery,
  PublicCommitmentBody,
  PublicCommitmentQuery,
} from './commitments.schemas';
import {
  actOnCommitment,
  addEnterpriseUpdate,
  addUpdateWithToken,
  getPublicCommitment,
  listManagedCommitments,
  listMyCommitments,
  listPublicCommitments,
  makeEnterpriseCommitment,
  makePublicCommitment,
} from './commitments.service';
import { NewsBody, NewsIdParams, NewsOut, NewsRowOut, PublicNewsQuery } from './news.schemas';
import { createNews, getPublicNews, listManagedNews, listPublicNews, newsFeed, publishNews, saveNews, unpublishNews } from './news.service';

/** A host header fit to build the feed's absolute links from; anything else falls back (the links stay escaped). */
const SANE_HOST = /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/;

/**
 * The participation routes of the public module (issue #10), under /api/public: voluntary commitments (自愿承诺) and
 * news and campaigns with the Atom feed. The public's side needs no login (a commitment's token opens its updates);
 * an enterprise user manages its own commitments; the steering office and admin review and write the news. The
 * public challenge is the citizen reports' one (GET /reports/challenge), spent once whichever form uses it.
 */
export const participationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['public'];
  const city = access.roles('admin', 'steering');
  const enterpriseUser = access.roles('enterprise');

  app.get(
    '/commitments',
    { config: { access: access.public }, schema: { operationId: 'listPublicCommitments', tags, querystring: PublicCommitmentQuery, response: { 200: z.array(CommitmentOut) } } },
    (req) => listPublicCommitments(req.ctx, req.query),
  );
  app.get(
    '/commitments/:id',
    { config: { access: access.public }, schema: { operationId: 'getPublicCommitment', tags, params: CommitmentIdParams, response: { 200: CommitmentDetailOut } } },
    (req) => getPublicCommitment(req.ctx, req.params.id),
  );
  app.post(
    '/commitments',
    { config: { access: access.public }, schema: { operationId: 'makePublicCommitment', tags, body: PublicCommitmentBody, response: { 201: CommitmentCreatedOut } } },
    async (req, reply) => reply.status(201).header('cache-control', 'no-store').send(await makePublicCommitment(req.ctx, req.body)),
  );
  app.post(
    '/commitments/:id/updates',
    {
      config: { access: access.public },
      schema: { operationId: 'addCommitmentUpdateWithToken', tags, params: CommitmentIdParams, headers: CommitmentTokenHeaders, body: CommitmentUpdateBody, response: { 201: CommitmentUpdateOut } },
    },
    async (req, reply) => reply.status(201).send(await addUpdateWithToken(req.ctx, req.params.id, req.headers[COMMITMENT_TOKEN_HEADER], req.body)),
  );

  app.get(
    '/my-commitments',
    { config: { access: enterpriseUser }, schema: { operationId: 'listMyCommitments', tags, response: { 200: z.array(ManagedCommitmentOut) } } },
    (req) => listMyCommitments(req.ctx),
  );
  app.post(
    '/my-commitments',
    { config: { access: enterpriseUser }, schema: { operationId: 'makeEnterpriseCommitment', tags, body: EnterpriseCommitmentBody, response: { 201: CommitmentCreatedOut } } },
    async (req, reply) => reply.status(201).send(await makeEnterpriseCommitment(req.ctx, req.body)),
  );
  app.post(
    '/my-commitments/:id/updates',
    { config: { access: enterpriseUser }, schema: { operationId: 'addEnterpriseCommitmentUpdate', tags, params: CommitmentIdParams, body: CommitmentUpdateBody, response: { 201: CommitmentUpdateOut } } },
    async (req, reply) => reply.status(201).send(await addEnterpriseUpdate(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/managed-commitments',
    { config: { access: city }, schema: { operationId: 'listManagedCommitments', tags, querystring: ManagedCommitmentQuery, response: { 200: z.array(ManagedCommitmentOut) } } },
    (req) => listManagedCommitments(req.ctx, req.query.status),
  );
  app.post(
    '/managed-commitments/:id/actions',
    { config: { access: city }, schema: { operationId: 'actOnCommitment', tags, params: CommitmentIdParams, body: CommitmentActionBody, response: { 200: ManagedCommitmentOut } } },
    (req) => actOnCommitment(req.ctx, req.params.id, req.body),
  );

  app.get(
    '/news',
    { config: { access: access.public }, schema: { operationId: 'listPublicNews', tags, querystring: PublicNewsQuery, response: { 200: z.array(NewsRowOut) } } },
    (req) => listPublicNews(req.ctx, req.query.kind),
  );
  app.get('/news/feed.atom', { config: { access: access.public }, schema: { operationId: 'newsFeed', tags } }, async (req, reply) => {
    const host = SANE_HOST.test(req.host) ? req.host : 'localhost';
    const xml = await newsFeed(req.ctx, `${req.protocol}://${host}`);
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml);
  });
  app.get(
    '/news/:id',
    { config: { access: access.public }, schema: { operationId: 'getPublicNews', tags, params: NewsIdParams, response: { 200: NewsOut } } },
    (req) => getPublicNews(req.ctx, req.params.id),
  );

  app.get(
    '/managed-news',
    { config: { access: city }, schema: { operationId: 'listManagedNews', tags, response: { 200: z.array(NewsOut) } } },
    (req) => listManagedNews(req.ctx),
  );
  app.post(
    '/managed-news',
    { config: { access: city }, schema: { operationId: 'createNews', tags, body: NewsBody, response: { 201: NewsOut } } },
    async (req, reply) => reply.status(201).send(await createNews(req.ctx, req.body)),
  );
  app.put(
    '/managed-news/:id',
    { config: { access: city }, schema: { operationId: 'saveNews', tags, params: NewsIdParams, body: NewsBody, response: { 200: NewsOut } } },
    (req) => saveNews(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/managed-news/:id/publish',
    { config: { access: city }, schema: { operationId: 'publishNews', tags, params: NewsIdParams, response: { 200: NewsOut } } },
    (req) => publishNews(req.ctx, req.params.id),
  );
  app.post(
    '/managed-news/:id/unpublish',
    { config: { access: city }, schema: { operationId: 'unpublishNews', tags, params: NewsIdParams, response: { 200: NewsOut } } },
    (req) => unpublishNews(req.ctx, req.params.id),
  );
};

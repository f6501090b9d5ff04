import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, access } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { Pollutant } from '../../domain/reduction/index';
import { attachment } from '../../server/http';
import { IdParams } from '../org/schemas';
import { EVIDENCE_MAX_BYTES } from '../reporting/evidence.service';
import { getAllocations, setAllocations } from './allocations.service';
import { cachedJson } from './cache';
import { awaitingDispatches, dispatchTable, reviewDispatch, submitDispatch } from './dispatch.service';
import { attachProjectEvidence, getProjectEvidence } from './evidence.service';
import { bulletinData, bulletinPdf, dispatchXlsx } from './exports';
import { getProgress } from './progress.service';
import { createProject, getProject, listProjects, previewAccounting, registerProject, updateProject } from './projects.service';
import {
  AccountingOut,
  AllocationBody,
  AllocationsOut,
  AwaitingDispatchesOut,
  DispatchBody,
  DispatchOut,
  DispatchTableOut,
  DispatchTableQuery,
  EvidenceOut,
  EvidenceUploadQuery,
  MonthQuery,
  PreviewBody,
  ProgressOut,
  ProgressQuery,
  ProjectBody,
  ProjectDetailOut,
  ProjectOut,
  ProjectQuery,
  ReviewBody,
} from './schemas';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 重点减排工程调度 (reduction.md §4–§6): the registry, evidence, monthly dispatch and 核查, allocation, progress, exports. */
export const reductionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reduction'];
  const readers = access.roles('admin', 'steering', 'department', 'county');
  const writers = access.roles('admin', 'steering', 'county');
  const city = access.roles('admin', 'steering');
  const asBuffer = { parseAs: 'buffer' as const, bodyLimit: EVIDENCE_MAX_BYTES };
  app.addContentTypeParser(['application/octet-stream', 'application/pdf'], asBuffer, (_req, body, done) => done(null, body));
  app.addContentTypeParser(/^(image\/(png|jpeg|gif|webp)|application\/(msword|vnd\.[\w.-]+))$/, asBuffer, (_req, body, done) => done(null, body));

  app.get('/projects', { config: { access: readers }, schema: { operationId: 'listReductionProjects', tags, querystring: ProjectQuery, response: { 200: z.array(ProjectOut) } } }, (req) =>
    listProjects(req.ctx, req.query),
  );
  app.post(
    '/projects',
    { config: { access: access.roles('county') }, schema: { operationId: 'createReductionProject', tags, body: ProjectBody, response: { 201: ProjectOut } } },
    async (req, reply) => reply.status(201).send(await createProject(req.ctx, req.body)),
  );
  app.get('/projects/:id', { config: { access: readers }, schema: { operationId: 'getReductionProject', tags, params: IdParams, response: { 200: ProjectDetailOut } } }, (req) =>
    getProject(req.ctx, req.params.id),
  );
  app.put('/projects/:id', { config: { access: writers }, schema: { operationId: 'updateReductionProject', tags, params: IdParams, body: ProjectBody, response: { 200: ProjectOut } } }, (req) =>
    updateProject(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/projects/:id/register',
    { config: { access: access.roles('county') }, schema: { operationId: 'registerReductionProject', tags, params: IdParams, response: { 200: ProjectOut } } },
    (req) => registerProject(req.ctx, req.params.id),
  );
  app.post(
    '/projects/:id/evidence',
    { config: { access: writers }, bodyLimit: EVIDENCE_MAX_BYTES, schema: { operationId: 'attachReductionEvidence', tags, params: IdParams, querystring: EvidenceUploadQuery, response: { 201: EvidenceOut } } },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported-media-type', '请以 application/octet-stream 上传文件内容');
      return reply.status(201).send(await attachProjectEvidence(req.ctx, req.params.id, req.query.kind, req.query.fileName, req.body));
    },
  );
  app.get(
    '/projects/:id/evidence/:sha256',
    { config: { access: readers }, schema: { operationId: 'getReductionEvidence', tags, params: IdParams.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }) } },
    async (req, reply) => {
      const file = await getProjectEvidence(req.ctx, req.params.id, req.params.sha256);
      return reply.type(file.mediaType).header('content-disposition', attachment(file.fileName)).send(file.content);
    },
  );
  app.post(
    '/projects/:id/dispatches',
    { config: { access: writers }, schema: { operationId: 'submitReductionDispatch', tags, params: IdParams, body: DispatchBody, response: { 201: DispatchOut } } },
    async (req, reply) => reply.status(201).send(await submitDispatch(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/dispatches/:id/review',
    { config: { access: access.roles('admin', 'steering', 'department') }, schema: { operationId: 'reviewReductionDispatch', tags, params: IdParams, body: ReviewBody, response: { 200: DispatchOut } } },
    (req) => reviewDispatch(req.ctx, req.params.id, req.body.action, req.body.comment),
  );
  app.get('/dispatches/awaiting', { config: { access: readers }, schema: { operationId: 'listAwaitingReductionDispatches', tags, response: { 200: AwaitingDispatchesOut } } }, (req) =>
    awaitingDispatches(req.ctx),
  );
  app.get('/dispatch', { config: { access: readers }, schema: { operationId: 'getReductionDispatchTable', tags, querystring: DispatchTableQuery, response: { 200: DispatchTableOut } } }, async (req, reply) => {
    const { month, regionCode } = req.query;
    const key = `dispatch:${month}:${regionCode ?? ''}:${scope(req)}`;
    const json = await cachedJson(req.ctx.db, req.ctx.now, key, () => dispatchTable(req.ctx, month, regionCode), (o) => JSON.stringify(DispatchTableOut.parse(o)));
    return reply.type('application/json; charset=utf-8').send(json as unknown as z.infer<typeof DispatchTableOut>);
  });
  app.get('/dispatch.xlsx', { config: { access: readers }, schema: { operationId: 'getReductionDispatchXlsx', tags, querystring: DispatchTableQuery } }, async (req, reply) => {
    const { fileName, content } = await dispatchXlsx(req.ctx, req.query.month, req.query.regionCode);
    return reply.type(XLSX).header('content-disposition', attachment(fileName)).send(content);
  });
  app.get('/bulletin.pdf', { config: { access: readers }, schema: { operationId: 'getReductionBulletinPdf', tags, querystring: MonthQuery } }, async (req, reply) => {
    const b = await bulletinData(req.ctx, req.query.month);
    return reply.type('application/pdf').header('content-disposition', attachment(`${b.title}.pdf`)).send(await bulletinPdf(b));
  });
  app.get('/allocations', { config: { access: readers }, schema: { operationId: 'getReductionAllocations', tags, response: { 200: AllocationsOut } } }, (req) => getAllocations(req.ctx));
  app.put(
    '/allocations/:pollutant',
    { config: { access: city }, schema: { operationId: 'setReductionAllocations', tags, params: z.object({ pollutant: Pollutant }), body: AllocationBody, response: { 200: AllocationsOut } } },
    (req) => setAllocations(req.ctx, req.params.pollutant, req.body.shares),
  );
  // The dashboard's two big reads are served as cached JSON bytes until their inputs move (bench/reduction-api.ts).
  const scope = (req: { ctx: { actor: Actor } }) => (req.ctx.actor.kind === 'user' && req.ctx.actor.role === 'county' ? `county:${req.ctx.actor.regionCode}` : 'city');
  app.get('/progress', { config: { access: readers }, schema: { operationId: 'getReductionProgress', tags, querystring: ProgressQuery, response: { 200: ProgressOut } } }, async (req, reply) => {
    const json = await cachedJson(req.ctx.db, req.ctx.now, `progress:${req.query.year}:${scope(req)}`, () => getProgress(req.ctx, req.query.year), (o) => JSON.stringify(ProgressOut.parse(o)));
    return reply.type('application/json; charset=utf-8').send(json as unknown as z.infer<typeof ProgressOut>); // JSON bytes of that shape
  });
  app.post('/preview', { config: { access: readers }, schema: { operationId: 'previewReductionAccounting', tags, body: PreviewBody, response: { 200: AccountingOut } } }, (req) =>
    previewAccounting(req.ctx, req.body),
  );
};

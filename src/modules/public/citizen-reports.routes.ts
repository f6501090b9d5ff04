import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { PHOTO_MAX_BYTES } from '../../domain/public/citizen-report';
import { issueChallenge } from './citizen-reports.challenge';
import { actOnCitizenReport, citizenReportPhoto, getCitizenReport, listCitizenReports } from './citizen-reports.handling';
import {
  ChallengeOut,
  PhotoOut,
  PhotoQuery,
  RegionOut,
  REPORT_TOKEN_HEADER,
  ReportActionBody,
  ReportDetailOut,
  ReportIdParams,
  ReportListQuery,
  ReportPhotoParams,
  ReportRowOut,
  ReportSubmitBody,
  SubmittedOut,
  TokenHeaders,
  TrackedReportOut,
  TrackingParams,
  TrackingPhotoParams,
} from './citizen-reports.schemas';
import { addReportPhoto, listReportRegions, submitReport, trackReport, trackedPhoto } from './citizen-reports.service';

/** A photo answered to a browser: shown inline, never cached by a shared cache (it is behind a token or a login). */
const photoHeaders = (mediaType: string) => ({ 'content-type': mediaType, 'content-disposition': 'inline', 'cache-control': 'private, no-store' });

/** The citizen-reports routes of the public module (issue #10), under /api/public: /reports (public) and /citizen-reports (handlers). */
export const citizenReportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['public'];
  const handlers = access.roles('admin', 'steering', 'department', 'county');
  // Photos come as the raw body (no multipart), one per request, as the reporting attachments do.
  app.addContentTypeParser(['image/jpeg', 'image/png', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES }, (_req, body, done) => done(null, body));

  app.get(
    '/reports/challenge',
    { config: { access: access.public }, schema: { operationId: 'issueReportChallenge', tags, response: { 200: ChallengeOut } } },
    async (req, reply) => reply.header('cache-control', 'no-store').send(issueChallenge(req.ctx.now)),
  );
  app.get(
    '/reports/regions',
    { config: { access: access.public }, schema: { operationId: 'listReportRegions', tags, response: { 200: z.array(RegionOut) } } },
    async (req, reply) => reply.header('cache-control', 'public, max-age=3600').send(await listReportRegions(req.ctx)),
  );
  app.post(
    '/reports',
    { config: { access: access.public }, schema: { operationId: 'submitReport', tags, body: ReportSubmitBody, response: { 201: SubmittedOut } } },
    async (req, reply) => reply.status(201).header('cache-control', 'no-store').send(await submitReport(req.ctx, req.body)),
  );
  app.post(
    '/reports/:trackingNo/photos',
    {
      config: { access: access.public },
      bodyLimit: PHOTO_MAX_BYTES,
      schema: { operationId: 'addReportPhoto', tags, params: TrackingParams, headers: TokenHeaders, querystring: PhotoQuery, response: { 201: PhotoOut } },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported-media-type', '请以 image/jpeg、image/png 或 application/octet-stream 上传照片内容');
      return reply.status(201).send(await addReportPhoto(req.ctx, req.params.trackingNo, req.headers[REPORT_TOKEN_HEADER], req.query.fileName, req.body));
    },
  );
  app.get(
    '/reports/:trackingNo',
    { config: { access: access.public }, schema: { operationId: 'trackReport', tags, params: TrackingParams, headers: TokenHeaders, response: { 200: TrackedReportOut } } },
    async (req, reply) => reply.header('cache-control', 'private, no-store').send(await trackReport(req.ctx, req.params.trackingNo, req.headers[REPORT_TOKEN_HEADER])),
  );
  app.get(
    '/reports/:trackingNo/photos/:photoId',
    { config: { access: access.public }, schema: { operationId: 'getTrackedReportPhoto', tags, params: TrackingPhotoParams, headers: TokenHeaders } },
    async (req, reply) => {
      const file = await trackedPhoto(req.ctx, req.params.trackingNo, req.headers[REPORT_TOKEN_HEADER], req.params.photoId);
      return reply.headers(photoHeaders(file.mediaType)).send(file.content);
    },
  );

  app.get(
    '/citizen-reports',
    { config: { access: handlers }, schema: { operationId: 'listCitizenReports', tags, querystring: ReportListQuery, response: { 200: z.array(ReportRowOut) } } },
    (req) => listCitizenReports(req.ctx, req.query),
  );
  app.get(
    '/citizen-reports/:id',
    { config: { access: handlers }, schema: { operationId: 'getCitizenReport', tags, params: ReportIdParams, response: { 200: ReportDetailOut } } },
    (req) => getCitizenReport(req.ctx, req.params.id),
  );
  app.get(
    '/citizen-reports/:id/photos/:photoId',
    { config: { access: handlers }, schema: { operationId: 'getCitizenReportPhoto', tags, params: ReportPhotoParams } },
    async (req, reply) => {
      const file = await citizenReportPhoto(req.ctx, req.params.id, req.params.photoId);
      return reply.headers(photoHeaders(file.mediaType)).send(file.content);
    },
  );
  app.post(
    '/citizen-reports/:id/actions',
    { config: { access: handlers }, schema: { operationId: 'actOnCitizenReport', tags, params: ReportIdParams, body: ReportActionBody, response: { 200: ReportDetailOut } } },
    (req) => actOnCitizenReport(req.ctx, req.params.id, req.body),
  );
};

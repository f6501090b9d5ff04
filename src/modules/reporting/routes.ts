import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../domain/access';
import { IdParams } from '../org/schemas';
import { getAllocations, setAllocations } from './allocations.service';
import { createCalendarFeed, getCalendar, getCalendarFeed, getCalendarIcs, revokeCalendarFeed } from './calendar.service';
import { type Focus, cachedDashboardJson, checkFocus, computeOverview, computeRegionMap, focusKey } from './overview.service';
import { EVIDENCE_MAX_BYTES, attachEvidence, getEvidence, listEvidence } from './evidence.service';
import { buildTemplate, importReports } from './import.service';
import { setReportingRule } from './rules.service';
import { AppError } from '../../domain/errors';
import { attachment } from '../../server/http';
import { AllocationBody, AllocationOut, AllocationParams, CalendarOut, CalendarQuery, OverviewOut, OverviewQuery, RegionMapOut, ReportBody, ReportOut, ReportQuery, ReportThreadOut, ReviewBody } from './schemas';
import { getReportThread, listReports, reviewReport, submitReport } from './service';

export const reportingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reporting'];
  const reporters = access.roles('admin', 'steering', 'department', 'county');
  const reviewers = access.roles('admin', 'steering', 'department');

  app.get(
    '/calendar',
    { config: { access: reporters }, schema: { operationId: 'getCalendar', tags, querystring: CalendarQuery, response: { 200: CalendarOut } } },
    (req) => getCalendar(req.ctx, req.query.plan, req.query.year),
  );
  // Workbooks come as the raw .xlsx body (no multipart): the one binary upload of this context.
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const asBuffer = { parseAs: 'buffer' as const, bodyLimit: EVIDENCE_MAX_BYTES };
  app.addContentTypeParser([XLSX, 'application/octet-stream', 'application/pdf'], asBuffer, (_req, body, done) => done(null, body));
  app.addContentTypeParser(/^(image\/(png|jpeg|gif|webp)|application\/(msword|vnd\.[\w.-]+))$/, asBuffer, (_req, body, done) => done(null, body));
  const Attachment = z.object({ reportId: z.number().int(), sha256: z.string(), fileName: z.string(), mediaType: z.string(), size: z.number().int() });
  app.post(
    '/reports/:id/attachments',
    {
      config: { access: reporters },
      bodyLimit: EVIDENCE_MAX_BYTES,
      schema: { operationId: 'attachEvidence', tags, params: IdParams, querystring: z.object({ fileName: z.string().min(1).max(255) }), response: { 201: Attachment } },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported-media-type', '请以 application/octet-stream 上传文件内容');
      return reply.status(201).send(await attachEvidence(req.ctx, req.params.id, req.query.fileName, req.body));
    },
  );
  app.get(
    '/reports/:id/attachments',
    { config: { access: access.user }, schema: { operationId: 'listEvidence', tags, params: IdParams, response: { 200: z.array(Attachment) } } },
    (req) => listEvidence(req.ctx, req.params.id),
  );
  app.get(
    '/reports/:id/attachments/:sha256',
    { config: { access: access.user }, schema: { operationId: 'getEvidence', tags, params: IdParams.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }) } },
    async (req, reply) => {
      const file = await getEvidence(req.ctx, req.params.id, req.params.sha256);
      return reply.type(file.mediaType).header('content-disposition', attachment(file.fileName)).send(file.content);
    },
  );
  app.get(
    '/template.xlsx',
    { config: { access: reporters }, schema: { operationId: 'getReportTemplate', tags, querystring: CalendarQuery } },
    async (req, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="ecer-report-${req.query.year}.xlsx"`)
        .send(await buildTemplate(req.ctx, req.query.plan, req.query.year)),
  );
  app.post(
    '/import',
    {
      config: { access: reporters },
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        operationId: 'importReports',
        tags,
        querystring: z.object({ plan: CalendarQuery.shape.plan }),
        response: { 201: z.object({ imported: z.number().int(), sha256: z.string() }) },
      },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported-media-type', `请以 ${XLSX} 上传 Excel 文件`);
      return reply.status(201).send(await importReports(req.ctx, req.query.plan, req.body));
    },
  );
  app.put(
    '/rules',
    {
      config: { access: access.roles('admin', 'steering') },
      schema: {
        operationId: 'setReportingRule',
        tags,
        body: z
          .object({
            indicatorId: z.number().int().positive().max(2_147_483_647).optional(),
            taskId: z.number().int().positive().max(2_147_483_647).optional(),
            frequency: z.enum(['monthly', 'quarterly', 'half-yearly', 'annual']),
            dueDays: z.number().int().min(0).max(120),
          })
          .refine((b) => (b.indicatorId === undefined) !== (b.taskId === undefined), { message: '须指定 indicatorId 或 taskId 其中之一', path: ['indicatorId'] }),
        response: { 200: z.object({ code: z.string(), frequency: z.string(), dueDays: z.number().int() }) },
      },
    },
    (req) => setReportingRule(req.ctx, req.body),
  );
  app.get(
    '/calendar.ics',
    { config: { access: reporters }, schema: { operationId: 'getCalendarIcs', tags, querystring: CalendarQuery } },
    async (req, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="ecer-${req.query.year}.ics"`)
        .send(await getCalendarIcs(req.ctx, req.query.plan, [req.query.year])),
  );
  app.post(
    '/calendar/feed',
    { config: { access: reporters }, schema: { operationId: 'createCalendarFeed', tags, response: { 201: z.object({ token: z.string() }) } } },
    async (req, reply) => reply.status(201).send(await createCalendarFeed(req.ctx)),
  );
  app.delete(
    '/calendar/feed',
    { config: { access: reporters }, schema: { operationId: 'revokeCalendarFeed', tags, response: { 204: z.null() } } },
    async (req, reply) => {
      await revokeCalendarFeed(req.ctx);
      return reply.status(204).send(null);
    },
  );
  // Public by design: the secret in the address is the credential (calendar apps send no cookie).
  app.get(
    '/calendar/feed/:token',
    {
      config: { access: access.public },
      schema: { operationId: 'getCalendarFeed', tags, params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }), querystring: CalendarQuery.pick({ plan: true }) },
    },
    async (req, reply) => reply.type('text/calendar; charset=utf-8').send(await getCalendarFeed(req.ctx, req.params.token, req.query.plan)),
  );
  // Dashboards are checked against their schema once per version, then served as the cached bytes.
  app.get(
    '/overview',
    { config: { access: reporters }, schema: { operationId: 'getOverview', tags, querystring: OverviewQuery, response: { 200: OverviewOut } } },
    async (req, reply) => {
      const { plan, year, department, region } = req.query;
      const focus: Focus = department !== undefined ? { kind: 'department', id: department } : region !== undefined ? { kind: 'region', code: region } : { kind: 'city' };
      checkFocus(req.ctx, focus);
      const json = await cachedDashboardJson(req.ctx, plan, `overview:${year}:${focusKey(focus)}`, () => computeOverview(req.ctx, plan, year, focus), (o) => JSON.stringify(OverviewOut.parse(o)));
      return reply.type('application/json; charset=utf-8').send(json as unknown as z.infer<typeof OverviewOut>); // JSON bytes of that shape
    },
  );
  app.get(
    '/region-map',
    { config: { access: reviewers }, schema: { operationId: 'getRegionMap', tags, querystring: CalendarQuery, response: { 200: RegionMapOut } } },
    async (req, reply) => {
      const { plan, year } = req.query;
      const json = await cachedDashboardJson(req.ctx, plan, `region-map:${year}`, () => computeRegionMap(req.ctx, plan, year), (o) => JSON.stringify(RegionMapOut.parse(o)));
      return reply.type('application/json; charset=utf-8').send(json as unknown as z.infer<typeof RegionMapOut>);
    },
  );
  app.get(
    '/allocations/:indicatorId',
    { config: { access: access.roles('admin', 'steering', 'department', 'county') }, schema: { operationId: 'getAllocations', tags, params: AllocationParams, response: { 200: AllocationOut } } },
    (req) => getAllocations(req.ctx, req.params.indicatorId),
  );
  app.put(
    '/allocations/:indicatorId',
    {
      config: { access: access.roles('admin', 'steering') },
      schema: { operationId: 'setAllocations', tags, params: AllocationParams, body: AllocationBody, response: { 200: AllocationOut } },
    },
    (req) => setAllocations(req.ctx, req.params.indicatorId, req.body.shares),
  );
  app.get(
    '/reports',
    { config: { access: access.user }, schema: { operationId: 'listReports', tags, querystring: ReportQuery, response: { 200: z.array(ReportOut) } } },
    (req) => listReports(req.ctx, req.query),
  );
  app.get(
    '/reports/:id',
    { config: { access: access.user }, schema: { operationId: 'getReportThread', tags, params: IdParams, response: { 200: ReportThreadOut } } },
    (req) => getReportThread(req.ctx, req.params.id),
  );
  app.post(
    '/reports',
    { config: { access: reporters }, schema: { operationId: 'submitReport', tags, body: ReportBody, response: { 201: ReportOut } } },
    async (req, reply) => reply.status(201).send(await submitReport(req.ctx, req.body)),
  );
  app.post(
    '/reports/:id/approve',
    { config: { access: reviewers }, schema: { operationId: 'approveReport', tags, params: IdParams, body: ReviewBody, response: { 200: ReportOut } } },
    (req) => reviewReport(req.ctx, req.params.id, 'approve', req.body.comment),
  );
  app.post(
    '/reports/:id/return',
    { config: { access: reviewers }, schema: { operationId: 'returnReport', tags, params: IdParams, body: ReviewBody, response: { 200: ReportOut } } },
    (req) => reviewReport(req.ctx, req.params.id, 'return', req.body.comment),
  );
};

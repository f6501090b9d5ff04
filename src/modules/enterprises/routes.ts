import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../domain/access';
import { IdParams } from '../org/schemas';
import { ReviewBody } from '../reporting/schemas';
import { BenchmarkShareOut, ProductEfficiencyOut, ProjectBody, ProjectOut, ReportBody, ReportOut, ReportThreadOut } from './schemas';
import { listProjects, saveProject } from './projects.service';
import { benchmarkShare, setProductEfficiency } from './efficiency.service';
import { getReportThread, importReport, listReports, reportPdfFor, reportTemplateFor, reviewQueue, reviewReport, submitReport } from './service';
import { AppError } from '../../domain/errors';
import { attachment } from '../../server/http';

/** 重点用能单位: annual energy utilisation reports, filed by the enterprise, reviewed by the county, then the city. */
export const enterpriseRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['enterprises'];
  const filers = access.roles('admin', 'steering', 'county', 'enterprise');
  const readers = access.roles('admin', 'steering', 'department', 'county', 'enterprise');
  app.get('/:id/reports', { config: { access: readers }, schema: { operationId: 'listEnergyReports', tags, params: IdParams, response: { 200: z.array(ReportOut) } } }, (req) =>
    listReports(req.ctx, req.params.id),
  );
  app.post(
    '/:id/reports',
    { config: { access: filers }, schema: { operationId: 'submitEnergyReport', tags, params: IdParams, body: ReportBody, response: { 201: ReportOut } } },
    async (req, reply) => reply.status(201).send(await submitReport(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/reports/awaiting',
    {
      config: { access: access.roles('admin', 'steering', 'county') },
      schema: { operationId: 'listEnergyReportsAwaiting', tags, response: { 200: z.array(ReportOut.extend({ enterpriseName: z.string(), regionCode: z.string() })) } },
    },
    (req) => reviewQueue(req.ctx),
  );
  app.get('/reports/:id', { config: { access: readers }, schema: { operationId: 'getEnergyReport', tags, params: IdParams, response: { 200: ReportThreadOut } } }, (req) =>
    getReportThread(req.ctx, req.params.id),
  );
  app.put(
    '/:id/products',
    {
      config: { access: filers },
      schema: {
        operationId: 'setProductEfficiency',
        tags,
        params: IdParams,
        body: z.object({
          year: z.number().int().min(2000).max(2100),
          productCode: z.string().min(1).max(40),
          capacity: z.number().finite().positive(),
          capacityUnit: z.string().trim().min(1).max(20),
          unitConsumption: z.number().finite(),
        }),
        response: { 200: ProductEfficiencyOut },
      },
    },
    (req) => setProductEfficiency(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/benchmarks',
    { config: { access: readers }, schema: { operationId: 'getBenchmarkShare', tags, querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: BenchmarkShareOut } } },
    (req) => benchmarkShare(req.ctx, req.query.year),
  );
  const regionWriters = access.roles('admin', 'steering', 'county');
  app.get(
    '/high-energy-projects',
    {
      config: { access: access.roles('admin', 'steering', 'department', 'county') },
      schema: { operationId: 'listHighEnergyProjects', tags, querystring: z.object({ regionCode: z.string().max(16).optional(), warned: z.enum(['true', 'false']).optional() }), response: { 200: z.array(ProjectOut) } },
    },
    (req) => listProjects(req.ctx, { regionCode: req.query.regionCode, warnedOnly: req.query.warned === 'true' }),
  );
  app.post(
    '/high-energy-projects',
    { config: { access: regionWriters }, schema: { operationId: 'createHighEnergyProject', tags, body: ProjectBody, response: { 201: ProjectOut } } },
    async (req, reply) => reply.status(201).send(await saveProject(req.ctx, null, req.body)),
  );
  app.put(
    '/high-energy-projects/:id',
    { config: { access: regionWriters }, schema: { operationId: 'updateHighEnergyProject', tags, params: IdParams, body: ProjectBody, response: { 200: ProjectOut } } },
    (req) => saveProject(req.ctx, req.params.id, req.body),
  );
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
  app.get('/:id/reports/template.xlsx', { config: { access: filers }, schema: { operationId: 'getEnergyReportTemplate', tags, params: IdParams, querystring: YearQuery } }, async (req, reply) =>
    reply.type(XLSX).header('content-disposition', attachment(`能源利用状况报告-${req.query.year}.xlsx`)).send(await reportTemplateFor(req.ctx, req.params.id, req.query.year)),
  );
  app.post(
    '/:id/reports/import',
    { config: { access: filers }, bodyLimit: 5 * 1024 * 1024, schema: { operationId: 'importEnergyReport', tags, params: IdParams, querystring: YearQuery, response: { 201: ReportOut } } },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported-media-type', `请以 ${XLSX} 上传 Excel 文件`);
      return reply.status(201).send(await importReport(req.ctx, req.params.id, req.query.year, req.body));
    },
  );
  app.get('/reports/:id/report.pdf', { config: { access: readers }, schema: { operationId: 'getEnergyReportPdf', tags, params: IdParams } }, async (req, reply) => {
    const { fileName, pdf } = await reportPdfFor(req.ctx, req.params.id);
    return reply.type('application/pdf').header('content-disposition', attachment(fileName)).send(pdf);
  });
  const reviewers = access.roles('admin', 'steering', 'county');
  app.post(
    '/reports/:id/approve',
    { config: { access: reviewers }, schema: { operationId: 'approveEnergyReport', tags, params: IdParams, body: ReviewBody, response: { 200: ReportOut } } },
    (req) => reviewReport(req.ctx, req.params.id, 'approve', req.body.comment),
  );
  app.post(
    '/reports/:id/return',
    { config: { access: reviewers }, schema: { operationId: 'returnEnergyReport', tags, params: IdParams, body: ReviewBody, response: { 200: ReportOut } } },
    (req) => reviewReport(req.ctx, req.params.id, 'return', req.body.comment),
  );
};

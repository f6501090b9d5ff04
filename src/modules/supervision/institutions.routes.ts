import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { attachment } from '../../server/http';
import { IdParams } from '../org/schemas';
import { importInstitutions, quotaTableFor, registryTemplateFor } from './institutions.import';
import {
  EconomySummaryOut,
  InstitutionBody,
  InstitutionDetailOut,
  InstitutionListQuery,
  InstitutionOut,
  InstitutionRowOut,
  QuotaBody,
  UseBody,
  UseOut,
  UseParams,
  YearQuery,
} from './institutions.schemas';
import { economySummary, fileUse, getInstitution, listInstitutions, saveInstitution, setQuota } from './institutions.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 公共机构 (issue #11, plan 二（六）) under /api/supervision/institutions. Staff roles reach the routes; the service
 * decides: managers (city roles, 市机关事务管理中心) everything, a county its own county's institutions and their use
 * (no quotas), other departments read only. Enterprises have no access.
 */
export const institutionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['supervision'];
  const staff = access.roles('admin', 'steering', 'department', 'county');
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get(
    '/institutions',
    { config: { access: staff }, schema: { operationId: 'listInstitutions', tags, querystring: InstitutionListQuery, response: { 200: z.array(InstitutionRowOut) } } },
    (req) => listInstitutions(req.ctx, req.query),
  );
  app.post('/institutions', { config: { access: staff }, schema: { operationId: 'createInstitution', tags, body: InstitutionBody, response: { 201: InstitutionOut } } }, async (req, reply) =>
    reply.status(201).send(await saveInstitution(req.ctx, null, req.body)),
  );
  app.get('/institutions/economy-organs', { config: { access: staff }, schema: { operationId: 'economySummary', tags, querystring: YearQuery, response: { 200: EconomySummaryOut } } }, (req) =>
    economySummary(req.ctx, req.query.year),
  );
  app.get('/institutions/template.xlsx', { config: { access: staff }, schema: { operationId: 'registryTemplate', tags } }, async (req, reply) =>
    reply.type(XLSX).header('content-disposition', attachment('公共机构名录导入模板.xlsx')).send(await registryTemplateFor(req.ctx)),
  );
  app.post(
    '/institutions/import',
    { config: { access: staff }, bodyLimit: 5 * 1024 * 1024, schema: { operationId: 'importInstitutions', tags, response: { 200: z.object({ created: z.number().int(), updated: z.number().int() }) } } },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported-media-type', `请以 ${XLSX} 上传 Excel 文件`);
      return importInstitutions(req.ctx, req.body);
    },
  );
  app.get(
    '/institutions/quota-table.xlsx',
    { config: { access: staff }, schema: { operationId: 'quotaTable', tags, querystring: InstitutionListQuery.extend({ year: YearQuery.shape.year }) } },
    async (req, reply) => {
      const { year, ...filter } = req.query;
      return reply.type(XLSX).header('content-disposition', attachment(`${year}年公共机构能耗定额执行情况表.xlsx`)).send(await quotaTableFor(req.ctx, year, filter));
    },
  );
  app.get('/institutions/:id', { config: { access: staff }, schema: { operationId: 'getInstitution', tags, params: IdParams, response: { 200: InstitutionDetailOut } } }, (req) =>
    getInstitution(req.ctx, req.params.id),
  );
  app.put('/institutions/:id', { config: { access: staff }, schema: { operationId: 'updateInstitution', tags, params: IdParams, body: InstitutionBody, response: { 200: InstitutionOut } } }, (req) =>
    saveInstitution(req.ctx, req.params.id, req.body),
  );
  app.put('/institutions/:id/uses/:year', { config: { access: staff }, schema: { operationId: 'fileInstitutionUse', tags, params: UseParams, body: UseBody, response: { 200: UseOut } } }, (req) =>
    fileUse(req.ctx, req.params.id, req.params.year, req.body),
  );
  app.put(
    '/institutions/:id/quotas',
    {
      config: { access: staff },
      schema: { operationId: 'setInstitutionQuota', tags, params: IdParams, body: QuotaBody, response: { 200: InstitutionDetailOut.shape.quotas.element } },
    },
    (req) => setQuota(req.ctx, req.params.id, req.body),
  );
};

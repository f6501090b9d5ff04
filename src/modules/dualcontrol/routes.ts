import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { IdParams } from '../org/schemas';
import { accountsTemplate, importAccounts } from './import.service';
import { ReviewBody } from '../reporting/schemas';
import { getAccountThread, listAccounts, reviewAccount, submitAccount } from './accounts.service';
import { bulletinData, bulletinPdf, bulletinXlsx } from './bulletin';
import { evaluateQuarter, evaluateRegionSeries, evaluateYear, listTargets, setTarget, whatIf } from './evaluation.service';
import { attachment } from '../../server/http';
import { AccountBody, AccountOut, AccountQuery, AccountThreadOut, BarometerOut, EnergyPeriod, QuarterBarometerOut, RegionCode, SeriesOut, TargetBody, TargetOut, WhatIfOut, WhatIfQuery } from './schemas';

/** 能耗双控: county energy accounts (entered by the county, approved by the city), targets, barometer, what-if. */
export const dualControlRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['energy'];
  const readers = access.roles('admin', 'steering', 'department', 'county');
  const city = access.roles('admin', 'steering');
  app.get('/accounts', { config: { access: readers }, schema: { operationId: 'listEnergyAccounts', tags, querystring: AccountQuery, response: { 200: z.array(AccountOut) } } }, (req) =>
    listAccounts(req.ctx, req.query),
  );
  app.post(
    '/accounts',
    { config: { access: access.roles('admin', 'steering', 'county') }, schema: { operationId: 'submitEnergyAccount', tags, body: AccountBody, response: { 201: AccountOut } } },
    async (req, reply) => reply.status(201).send(await submitAccount(req.ctx, req.body)),
  );
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  const writers = access.roles('admin', 'steering', 'county');
  app.get(
    '/accounts/template.xlsx',
    { config: { access: writers }, schema: { operationId: 'getEnergyAccountsTemplate', tags, querystring: z.object({ period: EnergyPeriod }) } },
    async (req, reply) =>
      reply.type(XLSX).header('content-disposition', attachment(`能源消费统计表-${req.query.period}.xlsx`)).send(await accountsTemplate(req.ctx, req.query.period)),
  );
  app.post(
    '/accounts/import',
    {
      config: { access: writers },
      bodyLimit: 10 * 1024 * 1024,
      schema: { operationId: 'importEnergyAccounts', tags, response: { 201: z.object({ imported: z.number().int(), periodKey: z.string(), sha256: z.string() }) } },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported-media-type', `请以 ${XLSX} 上传 Excel 文件`);
      return reply.status(201).send(await importAccounts(req.ctx, req.body));
    },
  );
  app.get('/accounts/:id', { config: { access: readers }, schema: { operationId: 'getEnergyAccount', tags, params: IdParams, response: { 200: AccountThreadOut } } }, (req) =>
    getAccountThread(req.ctx, req.params.id),
  );
  app.post(
    '/accounts/:id/approve',
    { config: { access: city }, schema: { operationId: 'approveEnergyAccount', tags, params: IdParams, body: ReviewBody, response: { 200: AccountOut } } },
    (req) => reviewAccount(req.ctx, req.params.id, 'approve', req.body.comment),
  );
  app.post(
    '/accounts/:id/return',
    { config: { access: city }, schema: { operationId: 'returnEnergyAccount', tags, params: IdParams, body: ReviewBody, response: { 200: AccountOut } } },
    (req) => reviewAccount(req.ctx, req.params.id, 'return', req.body.comment),
  );
  app.get('/targets', { config: { access: readers }, schema: { operationId: 'listEnergyTargets', tags, response: { 200: z.array(TargetOut) } } }, (req) => listTargets(req.ctx));
  app.put(
    '/targets/:regionCode',
    { config: { access: city }, schema: { operationId: 'setEnergyTarget', tags, params: z.object({ regionCode: RegionCode }), body: TargetBody, response: { 200: TargetOut } } },
    (req) => setTarget(req.ctx, req.params.regionCode, req.body),
  );
  app.get(
    '/barometer',
    { config: { access: readers }, schema: { operationId: 'getBarometer', tags, querystring: z.object({ year: z.coerce.number().int().min(2021).max(2100) }), response: { 200: BarometerOut } } },
    (req) => evaluateYear(req.ctx, req.query.year),
  );
  const QuarterQuery = z.object({ year: z.coerce.number().int().min(2021).max(2100), quarter: z.coerce.number().int().min(1).max(4) });
  app.get(
    '/barometer/quarter',
    { config: { access: readers }, schema: { operationId: 'getQuarterBarometer', tags, querystring: QuarterQuery, response: { 200: QuarterBarometerOut } } },
    (req) => evaluateQuarter(req.ctx, req.query.year, req.query.quarter as 1 | 2 | 3 | 4),
  );
  // 季度晴雨表通报: the same table as Excel and as PDF, in Chinese.
  app.get('/bulletin.xlsx', { config: { access: readers }, schema: { operationId: 'getBulletinXlsx', tags, querystring: QuarterQuery } }, async (req, reply) => {
    const b = await bulletinData(req.ctx, req.query.year, req.query.quarter as 1 | 2 | 3 | 4);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(`${b.title}.xlsx`))
      .send(await bulletinXlsx(b));
  });
  app.get('/bulletin.pdf', { config: { access: readers }, schema: { operationId: 'getBulletinPdf', tags, querystring: QuarterQuery } }, async (req, reply) => {
    const b = await bulletinData(req.ctx, req.query.year, req.query.quarter as 1 | 2 | 3 | 4);
    return reply.type('application/pdf').header('content-disposition', attachment(`${b.title}.pdf`)).send(await bulletinPdf(b));
  });
  app.get(
    '/regions/:regionCode/series',
    { config: { access: readers }, schema: { operationId: 'getEnergySeries', tags, params: z.object({ regionCode: RegionCode }), response: { 200: SeriesOut } } },
    (req) => evaluateRegionSeries(req.ctx, req.params.regionCode),
  );
  app.get('/what-if', { config: { access: readers }, schema: { operationId: 'energyWhatIf', tags, querystring: WhatIfQuery, response: { 200: WhatIfOut } } }, (req) =>
    whatIf(req.ctx, { regionCode: req.query.region, year: req.query.year, gdpGrowth: req.query.gdpGrowth, plannedEnergy: req.query.plannedEnergy ?? null }),
  );
};

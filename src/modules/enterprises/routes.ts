import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../domain/access';
import { IdParams } from '../org/schemas';
import { ReviewBody } from '../reporting/schemas';
import { ReportBody, ReportOut, ReportThreadOut } from './schemas';
import { getReportThread, listReports, reviewReport, submitReport } from './service';

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
  app.get('/reports/:id', { config: { access: readers }, schema: { operationId: 'getEnergyReport', tags, params: IdParams, response: { 200: ReportThreadOut } } }, (req) =>
    getReportThread(req.ctx, req.params.id),
  );
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

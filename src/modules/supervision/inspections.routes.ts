import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { attachment } from '../../server/http';
import { EVIDENCE_MAX_BYTES } from '../reporting/evidence.service';
import { ledgerXlsx, noticePdf } from './inspections.exports';
import {
  CountyRowOut,
  EvidenceOut,
  FileQuery,
  FindingBody,
  IdParams,
  InspectionBody,
  InspectionDetailOut,
  InspectionListQuery,
  InspectionRowOut,
  OrderActionBody,
  OrderBody,
  OrderDetailOut,
  OrderListQuery,
  OrderRowOut,
  PlanBody,
  PlanOut,
  RecordBody,
  TransferActionBody,
  TransferBody,
  TransferOut,
  YearQuery,
} from './inspections.schemas';
import { addFinding, addFindingEvidence, approvePlan, createInspection, createPlan, getInspection, listInspections, listPlans, listTransfers, actOnTransfer, recordInspection, transferFinding } from './inspections.service';
import { actOnOrder, addOrderEvidence, countyView, getEvidenceFile, getOrder, issueOrder, listOrders } from './orders.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The inspections routes of the supervision module (issue #11), under /api/supervision. The role rule lets in who
 * may ever call a route; the service then checks the inspector departments (reference data) and the county.
 */
export const inspectionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['supervision'];
  const staff = access.roles('admin', 'steering', 'department', 'county');
  const everyone = access.roles('admin', 'steering', 'department', 'county', 'enterprise');
  // Evidence comes as the raw body (no multipart), one file per request, as the reporting attachments do.
  const asBuffer = { parseAs: 'buffer' as const, bodyLimit: EVIDENCE_MAX_BYTES };
  app.addContentTypeParser(['application/octet-stream', 'application/pdf'], asBuffer, (_req, body, done) => done(null, body));
  app.addContentTypeParser(/^(image\/(png|jpeg|gif|webp)|application\/(msword|vnd\.[\w.-]+))$/, asBuffer, (_req, body, done) => done(null, body));
  const buffer = (body: unknown) => {
    if (!Buffer.isBuffer(body)) throw new AppError('unsupported-media-type', '请以 application/octet-stream 上传文件内容');
    return body;
  };

  app.get('/inspection-plans', { config: { access: staff }, schema: { operationId: 'listInspectionPlans', tags, querystring: YearQuery.partial(), response: { 200: z.array(PlanOut) } } }, (req) => listPlans(req.ctx, req.query.year));
  app.post('/inspection-plans', { config: { access: staff }, schema: { operationId: 'createInspectionPlan', tags, body: PlanBody, response: { 201: PlanOut } } }, async (req, reply) => reply.status(201).send(await createPlan(req.ctx, req.body)));
  app.post('/inspection-plans/:id/approve', { config: { access: staff }, schema: { operationId: 'approveInspectionPlan', tags, params: IdParams, response: { 200: PlanOut } } }, (req) => approvePlan(req.ctx, req.params.id));

  app.get('/inspections', { config: { access: staff }, schema: { operationId: 'listInspections', tags, querystring: InspectionListQuery, response: { 200: z.array(InspectionRowOut) } } }, (req) => listInspections(req.ctx, req.query));
  app.post('/inspections', { config: { access: staff }, schema: { operationId: 'createInspection', tags, body: InspectionBody, response: { 201: z.object({ id: z.number().int() }) } } }, async (req, reply) =>
    reply.status(201).send(await createInspection(req.ctx, req.body)),
  );
  app.get('/inspections/:id', { config: { access: staff }, schema: { operationId: 'getInspection', tags, params: IdParams, response: { 200: InspectionDetailOut } } }, (req) => getInspection(req.ctx, req.params.id));
  app.put('/inspections/:id/record', { config: { access: staff }, schema: { operationId: 'recordInspection', tags, params: IdParams, body: RecordBody, response: { 200: InspectionDetailOut } } }, (req) =>
    recordInspection(req.ctx, req.params.id, req.body),
  );
  app.post('/inspections/:id/findings', { config: { access: staff }, schema: { operationId: 'addInspectionFinding', tags, params: IdParams, body: FindingBody, response: { 201: z.object({ id: z.number().int() }) } } }, async (req, reply) =>
    reply.status(201).send(await addFinding(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/findings/:id/evidence',
    { config: { access: staff }, bodyLimit: EVIDENCE_MAX_BYTES, schema: { operationId: 'addFindingEvidence', tags, params: IdParams, querystring: FileQuery, response: { 201: EvidenceOut } } },
    async (req, reply) => reply.status(201).send(await addFindingEvidence(req.ctx, req.params.id, req.query.fileName, buffer(req.body))),
  );
  app.post('/findings/:id/transfers', { config: { access: staff }, schema: { operationId: 'transferFinding', tags, params: IdParams, body: TransferBody, response: { 201: TransferOut } } }, async (req, reply) =>
    reply.status(201).send(await transferFinding(req.ctx, req.params.id, req.body)),
  );
  app.post('/inspections/:id/orders', { config: { access: staff }, schema: { operationId: 'issueRectificationOrder', tags, params: IdParams, body: OrderBody, response: { 201: OrderRowOut } } }, async (req, reply) =>
    reply.status(201).send(await issueOrder(req.ctx, req.params.id, req.body)),
  );
  app.get('/inspection-counties', { config: { access: staff }, schema: { operationId: 'inspectionCountyView', tags, querystring: YearQuery, response: { 200: z.array(CountyRowOut) } } }, (req) => countyView(req.ctx, req.query.year));
  app.get('/inspection-ledger.xlsx', { config: { access: staff }, schema: { operationId: 'inspectionLedgerXlsx', tags, querystring: YearQuery } }, async (req, reply) => {
    const file = await ledgerXlsx(req.ctx, req.query.year);
    return reply.type(XLSX).header('content-disposition', attachment(file.fileName)).send(file.content);
  });

  app.get('/orders', { config: { access: everyone }, schema: { operationId: 'listRectificationOrders', tags, querystring: OrderListQuery, response: { 200: z.array(OrderRowOut) } } }, (req) => listOrders(req.ctx, req.query));
  app.get('/orders/:id', { config: { access: everyone }, schema: { operationId: 'getRectificationOrder', tags, params: IdParams, response: { 200: OrderDetailOut } } }, (req) => getOrder(req.ctx, req.params.id));
  app.post('/orders/:id/actions', { config: { access: everyone }, schema: { operationId: 'actOnRectificationOrder', tags, params: IdParams, body: OrderActionBody, response: { 200: OrderDetailOut } } }, (req) =>
    actOnOrder(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/orders/:id/evidence',
    { config: { access: everyone }, bodyLimit: EVIDENCE_MAX_BYTES, schema: { operationId: 'addOrderEvidence', tags, params: IdParams, querystring: FileQuery, response: { 201: EvidenceOut } } },
    async (req, reply) => reply.status(201).send(await addOrderEvidence(req.ctx, req.params.id, req.query.fileName, buffer(req.body))),
  );
  app.get('/orders/:id/notice.pdf', { config: { access: everyone }, schema: { operationId: 'rectificationNoticePdf', tags, params: IdParams } }, async (req, reply) => {
    const file = await noticePdf(req.ctx, req.params.id);
    return reply.type('application/pdf').header('content-disposition', attachment(file.fileName)).send(file.content);
  });
  app.get('/evidence/:id', { config: { access: everyone }, schema: { operationId: 'getSupervisionEvidence', tags, params: IdParams } }, async (req, reply) => {
    const file = await getEvidenceFile(req.ctx, req.params.id);
    return reply.type(file.mediaType).header('content-disposition', attachment(file.fileName)).header('cache-control', 'private, no-store').send(file.content);
  });

  app.get('/transfers', { config: { access: staff }, schema: { operationId: 'listCaseTransfers', tags, response: { 200: z.array(TransferOut) } } }, (req) => listTransfers(req.ctx));
  app.post('/transfers/:id/actions', { config: { access: access.roles('department') }, schema: { operationId: 'actOnCaseTransfer', tags, params: IdParams, body: TransferActionBody, response: { 200: TransferOut } } }, (req) =>
    actOnTransfer(req.ctx, req.params.id, req.body),
  );
};

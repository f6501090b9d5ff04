import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mayInspect } from './inspections.access';
import { z } from 'zod';
import { access } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { attachment } from '../../server/http';
import { IdParams } from '../org/schemas';
import { capacityRole } from './capacity.access';
import { energyManagersXlsx } from './capacity.exports';
import { attendanceTemplate, importAttendance } from './capacity.import.service';
import { assignExpert, checkAssignment, createExpert, declareRelation, getExpert, listExperts, updateExpert } from './capacity.experts.service';
import {
  AssignmentBody,
  AssignmentOut,
  AssignmentSubject,
  AttendanceBody,
  AttendanceOut,
  CapacityRoleOut,
  ConflictCheckOut,
  EnergyManagerOut,
  EnergyManagerQuery,
  EnergyManagerRecordOut,
  ExpertBody,
  ExpertDetailOut,
  ExpertOut,
  ExpertQuery,
  RelationBody,
  RelationOut,
  TrainingEventBody,
  TrainingEventDetailOut,
  TrainingEventOut,
} from './capacity.schemas';
import { createEvent, getEnergyManager, getEvent, listEnergyManagers, listEvents, recordAttendance, updateEvent } from './capacity.training.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The capacity routes of the supervision module (issue #11 item 3), under /api/supervision: the expert pool, conflict-
 * checked assignments, training and the key units' energy managers. Which department may do what is decided in the
 * services from the 'supervision-rules' reference (capacityDepartments, inspectorDepartments).
 */
export const capacityRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['supervision'];
  const staff = access.roles('admin', 'steering', 'department', 'county');
  const city = access.roles('admin', 'steering', 'department');
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  // What the pages may offer: the server checks every call anyway.
  app.get('/capacity-role', { config: { access: access.user }, schema: { operationId: 'getCapacityRole', tags, response: { 200: CapacityRoleOut } } }, async (req) => ({ role: await capacityRole(req.ctx), inspects: await mayInspect(req.ctx) }));
  app.get('/experts', { config: { access: staff }, schema: { operationId: 'listExperts', tags, querystring: ExpertQuery, response: { 200: z.array(ExpertOut) } } }, (req) => listExperts(req.ctx, req.query));
  app.post('/experts', { config: { access: city }, schema: { operationId: 'createExpert', tags, body: ExpertBody, response: { 201: ExpertOut } } }, async (req, reply) =>
    reply.status(201).send(await createExpert(req.ctx, req.body)),
  );
  app.get('/experts/:id', { config: { access: staff }, schema: { operationId: 'getExpert', tags, params: IdParams, response: { 200: ExpertDetailOut } } }, (req) => getExpert(req.ctx, req.params.id));
  app.put('/experts/:id', { config: { access: city }, schema: { operationId: 'updateExpert', tags, params: IdParams, body: ExpertBody, response: { 200: ExpertOut } } }, (req) =>
    updateExpert(req.ctx, req.params.id, req.body),
  );
  app.post('/experts/:id/relations', { config: { access: city }, schema: { operationId: 'declareExpertRelation', tags, params: IdParams, body: RelationBody, response: { 201: RelationOut } } }, async (req, reply) =>
    reply.status(201).send(await declareRelation(req.ctx, req.params.id, req.body)),
  );
  app.get('/expert-assignments/check', { config: { access: city }, schema: { operationId: 'checkExpertAssignment', tags, querystring: AssignmentSubject, response: { 200: ConflictCheckOut } } }, (req) =>
    checkAssignment(req.ctx, req.query),
  );
  app.post('/expert-assignments', { config: { access: city }, schema: { operationId: 'assignExpert', tags, body: AssignmentBody, response: { 201: AssignmentOut } } }, async (req, reply) =>
    reply.status(201).send(await assignExpert(req.ctx, req.body)),
  );

  app.get('/training-events', { config: { access: staff }, schema: { operationId: 'listTrainingEvents', tags, response: { 200: z.array(TrainingEventOut) } } }, (req) => listEvents(req.ctx));
  app.post('/training-events', { config: { access: city }, schema: { operationId: 'createTrainingEvent', tags, body: TrainingEventBody, response: { 201: TrainingEventOut } } }, async (req, reply) =>
    reply.status(201).send(await createEvent(req.ctx, req.body)),
  );
  app.get('/training-events/:id', { config: { access: staff }, schema: { operationId: 'getTrainingEvent', tags, params: IdParams, response: { 200: TrainingEventDetailOut } } }, (req) =>
    getEvent(req.ctx, req.params.id),
  );
  app.put('/training-events/:id', { config: { access: city }, schema: { operationId: 'updateTrainingEvent', tags, params: IdParams, body: TrainingEventBody, response: { 200: TrainingEventOut } } }, (req) =>
    updateEvent(req.ctx, req.params.id, req.body),
  );
  app.post('/training-events/:id/attendance', { config: { access: staff }, schema: { operationId: 'recordTrainingAttendance', tags, params: IdParams, body: AttendanceBody, response: { 201: AttendanceOut } } }, async (req, reply) =>
    reply.status(201).send(await recordAttendance(req.ctx, req.params.id, req.body)),
  );
  app.get('/training-events/attendance-template.xlsx', { config: { access: staff }, schema: { operationId: 'getAttendanceTemplate', tags } }, async (req, reply) =>
    reply.type(XLSX).header('content-disposition', attachment('参训名单模板.xlsx')).send(await attendanceTemplate(req.ctx)),
  );
  app.post(
    '/training-events/:id/attendance/import',
    { config: { access: staff }, schema: { operationId: 'importTrainingAttendance', tags, params: IdParams, response: { 200: z.object({ imported: z.number() }) } } },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported-media-type', `请以 ${XLSX} 上传 Excel 文件`);
      return importAttendance(req.ctx, req.params.id, req.body);
    },
  );

  app.get('/energy-managers', { config: { access: access.user }, schema: { operationId: 'listEnergyManagers', tags, querystring: EnergyManagerQuery, response: { 200: z.array(EnergyManagerOut) } } }, (req) =>
    listEnergyManagers(req.ctx, req.query),
  );
  app.get('/energy-managers.xlsx', { config: { access: staff }, schema: { operationId: 'exportEnergyManagers', tags, querystring: EnergyManagerQuery } }, async (req, reply) => {
    const { fileName, content } = await energyManagersXlsx(req.ctx, req.query);
    return reply.type(XLSX).header('content-disposition', attachment(fileName)).send(content);
  });
  app.get('/energy-managers/:id', { config: { access: access.user }, schema: { operationId: 'getEnergyManager', tags, params: IdParams, response: { 200: EnergyManagerRecordOut } } }, (req) =>
    getEnergyManager(req.ctx, req.params.id),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../domain/access';
import { attachment } from '../../server/http';
import { IdParams } from '../org/schemas';
import { actOnAlarm, listAlarms } from './alarms.service';
import { completenessXlsx, endLiveStreams, getCompleteness, getStationSeries, streamStationLive } from './readings.service';
import {
  AlarmActionBody,
  AlarmOut,
  AlarmQuery,
  CompletenessOut,
  CompletenessQuery,
  SeriesOut,
  SeriesQuery,
  StationBody,
  StationOut,
  StationQuery,
  StationSecretsBody,
} from './schemas';
import { createStation, getStation, listStations, setStationSecrets, updateStation } from './stations.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 污染源在线监测: the station registry (the city, a county for its own region), readings and live data, alarms and
 * their workflow, 有效传输率. Reading is scoped like enterprises: an enterprise its own stations, a county its region.
 */
export const monitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['monitoring'];
  const registrars = access.roles('admin', 'steering', 'county');
  app.addHook('preClose', async () => endLiveStreams());
  app.get(
    '/stations',
    { config: { access: access.user }, schema: { operationId: 'listStations', tags, querystring: StationQuery, response: { 200: z.array(StationOut) } } },
    (req) => listStations(req.ctx, req.query),
  );
  app.post(
    '/stations',
    { config: { access: registrars }, schema: { operationId: 'createStation', tags, body: StationBody, response: { 201: StationOut } } },
    async (req, reply) => reply.code(201).send(await createStation(req.ctx, req.body)),
  );
  app.get(
    '/stations/:id',
    { config: { access: access.user }, schema: { operationId: 'getStation', tags, params: IdParams, response: { 200: StationOut } } },
    (req) => getStation(req.ctx, req.params.id),
  );
  app.put(
    '/stations/:id',
    { config: { access: registrars }, schema: { operationId: 'updateStation', tags, params: IdParams, body: StationBody, response: { 200: StationOut } } },
    (req) => updateStation(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/stations/:id/secrets',
    { config: { access: registrars }, schema: { operationId: 'setStationSecrets', tags, params: IdParams, body: StationSecretsBody, response: { 200: StationOut } } },
    (req) => setStationSecrets(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/stations/:id/series',
    { config: { access: access.user }, schema: { operationId: 'getStationSeries', tags, params: IdParams, querystring: SeriesQuery, response: { 200: SeriesOut } } },
    (req) => getStationSeries(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/stations/:id/live',
    { config: { access: access.user }, schema: { operationId: 'streamStationLive', tags, params: IdParams, produces: ['text/event-stream'] } },
    (req, reply) => streamStationLive(req.ctx, req.params.id, req, reply),
  );
  app.get(
    '/alarms',
    { config: { access: access.user }, schema: { operationId: 'listAlarms', tags, querystring: AlarmQuery, response: { 200: z.array(AlarmOut) } } },
    (req) => listAlarms(req.ctx, req.query),
  );
  app.post(
    '/alarms/:id/actions',
    { config: { access: access.user }, schema: { operationId: 'actOnAlarm', tags, params: IdParams, body: AlarmActionBody, response: { 200: AlarmOut } } },
    (req) => actOnAlarm(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/completeness',
    { config: { access: access.user }, schema: { operationId: 'getCompleteness', tags, querystring: CompletenessQuery, response: { 200: CompletenessOut } } },
    (req) => getCompleteness(req.ctx, req.query),
  );
  app.get('/completeness.xlsx', { config: { access: access.user }, schema: { operationId: 'getCompletenessXlsx', tags, querystring: CompletenessQuery } }, async (req, reply) => {
    const { fileName, content } = await completenessXlsx(req.ctx, req.query);
    return reply.type(XLSX).header('content-disposition', attachment(fileName)).send(content);
  });
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../domain/access';
import { IdParams } from '../org/schemas';
import { StationBody, StationOut, StationQuery, StationSecretsBody } from './schemas';
import { createStation, getStation, listStations, setStationSecrets, updateStation } from './stations.service';

/**
 * 污染源在线监测: the station registry (the city, a county for its own region), readings and live data, alarms and
 * their workflow, 有效传输率. Reading is scoped like enterprises: an enterprise its own stations, a county its region.
 */
export const monitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['monitoring'];
  const registrars = access.roles('admin', 'steering', 'county');
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
};

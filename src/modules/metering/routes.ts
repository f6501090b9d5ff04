import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../domain/access';
import { IdParams } from '../org/schemas';
import { compareMeteredWithReport, getMeterSeries, listEnterpriseMeters, listMeterRejections } from './service';
import { ComparisonOut, ComparisonQuery, MetersOut, RejectionOut, RejectionsQuery, SeriesOut, SeriesQuery } from './schemas';

/** 能耗在线监测: meters and their series (scoped like enterprises), rejected readings (the city), metered vs reported. */
export const meteringRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['metering'];
  app.get(
    '/enterprises/:id/meters',
    { config: { access: access.user }, schema: { operationId: 'listEnterpriseMeters', tags, params: IdParams, response: { 200: MetersOut } } },
    (req) => listEnterpriseMeters(req.ctx, req.params.id),
  );
  app.get(
    '/meters/:id/series',
    { config: { access: access.user }, schema: { operationId: 'getMeterSeries', tags, params: IdParams, querystring: SeriesQuery, response: { 200: SeriesOut } } },
    (req) => getMeterSeries(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/rejections',
    { config: { access: access.roles('admin', 'steering') }, schema: { operationId: 'listMeterRejections', tags, querystring: RejectionsQuery, response: { 200: z.array(RejectionOut) } } },
    (req) => listMeterRejections(req.ctx, req.query),
  );
  app.get(
    '/enterprises/:id/comparison',
    { config: { access: access.user }, schema: { operationId: 'compareMeteredWithReport', tags, params: IdParams, querystring: ComparisonQuery, response: { 200: ComparisonOut } } },
    (req) => compareMeteredWithReport(req.ctx, req.params.id, req.query.year),
  );
};

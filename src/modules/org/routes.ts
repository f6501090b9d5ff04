import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../domain/access';
import {
  DepartmentOut,
  EnterpriseBody,
  EnterpriseOut,
  EnterprisePatch,
  EnterpriseQuery,
  IdParams,
  RegionOut,
  UserBody,
  UserOut,
  UserPatch,
  UserWithPasswordOut,
} from './schemas';
import { createEnterprise, getEnterprise, listDepartments, listEnterprises, listRegions, updateEnterprise } from './service';
import { createUser, listUsers, updateUser } from './users.service';

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['org'];
  app.get(
    '/regions',
    { config: { access: access.user }, schema: { operationId: 'listRegions', tags, response: { 200: z.array(RegionOut) } } },
    (req) => listRegions(req.ctx),
  );
  app.get(
    '/departments',
    { config: { access: access.user }, schema: { operationId: 'listDepartments', tags, response: { 200: z.array(DepartmentOut) } } },
    (req) => listDepartments(req.ctx),
  );

  const writers = access.roles('admin', 'steering', 'county', 'enterprise');
  app.get(
    '/enterprises',
    {
      config: { access: access.user },
      schema: { operationId: 'listEnterprises', tags, querystring: EnterpriseQuery, response: { 200: z.array(EnterpriseOut) } },
    },
    (req) => listEnterprises(req.ctx, req.query),
  );
  app.get(
    '/enterprises/:id',
    { config: { access: access.user }, schema: { operationId: 'getEnterprise', tags, params: IdParams, response: { 200: EnterpriseOut } } },
    (req) => getEnterprise(req.ctx, req.params.id),
  );
  app.post(
    '/enterprises',
    {
      config: { access: access.roles('admin', 'steering', 'county') },
      schema: { operationId: 'createEnterprise', tags, body: EnterpriseBody, response: { 201: EnterpriseOut } },
    },
    async (req, reply) => reply.status(201).send(await createEnterprise(req.ctx, req.body)),
  );
  app.patch(
    '/enterprises/:id',
    {
      config: { access: writers },
      schema: { operationId: 'updateEnterprise', tags, params: IdParams, body: EnterprisePatch, response: { 200: EnterpriseOut } },
    },
    (req) => updateEnterprise(req.ctx, req.params.id, req.body),
  );

  const admin = access.roles('admin');
  app.get(
    '/users',
    { config: { access: admin }, schema: { operationId: 'listUsers', tags, response: { 200: z.array(UserOut) } } },
    (req) => listUsers(req.ctx),
  );
  app.post(
    '/users',
    { config: { access: admin }, schema: { operationId: 'createUser', tags, body: UserBody, response: { 201: UserWithPasswordOut } } },
    async (req, reply) => reply.status(201).send(await createUser(req.ctx, req.body)),
  );
  app.patch(
    '/users/:id',
    {
      config: { access: admin },
      schema: { operationId: 'updateUser', tags, params: IdParams, body: UserPatch, response: { 200: UserWithPasswordOut } },
    },
    (req) => updateUser(req.ctx, req.params.id, req.body),
  );
};

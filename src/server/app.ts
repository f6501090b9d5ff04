import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { type ZodTypeProvider, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client';
import { type RouteAccess, access, decideRoute } from '../domain/access';
import { AppError } from '../domain/errors';
import { localeFromAcceptLanguage } from '../i18n/index';
import { auditRoutes } from '../modules/audit/routes';
import { dualControlRoutes } from '../modules/dualcontrol/routes';
import { enterpriseRoutes } from '../modules/enterprises/routes';
import { authRoutes } from '../modules/auth/routes';
import { resolveSession } from '../modules/auth/service';
import { meteringRoutes } from '../modules/metering/routes';
import { monitoringRoutes } from '../modules/monitoring/routes';
import { notificationRoutes } from '../modules/notifications/routes';
import { orgRoutes } from '../modules/org/routes';
import { planRoutes } from '../modules/plan/routes';
import { referenceRoutes } from '../modules/reference/routes';
import { reportingRoutes } from '../modules/reporting/routes';
import { reductionRoutes } from '../modules/reduction/routes';
import { assessmentRoutes } from '../modules/assessment/routes';
import { publicRoutes } from '../modules/public/routes';
import { supervisionRoutes } from '../modules/supervision/routes';
import type { Config } from './config';
import { readDemoMarker } from '../demo/marker';
import { setPdfWatermark } from '../exports/pdf';
import { SESSION_COOKIE } from './http';
import { sendProblem } from './problem';

export type ApiRoute = { method: string; url: string; access: RouteAccess };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its access rule, as registered (the route × role test walks it). */
    apiRoutes: ApiRoute[];
  }
}

const DOCS_PREFIX = '/api/docs';
const version = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')).version as string;

/** Builds the whole app: infrastructure plugins, then the auth hook, then each context's routes. */
export async function buildApp(config: Config, database: Database): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.newPassword', '*.currentPassword'],
    },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    // Per-request lines would drown the console; state changes and errors are logged where they happen.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(sendProblem);
  // The API speaks JSON only: any other body type is a 415, not a string handed to a schema.
  app.removeContentTypeParser('text/plain');

  app.decorate('apiRoutes', [] as ApiRoute[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith(DOCS_PREFIX)) return;
    const rule = route.config?.access;
    // A route without an access rule must not exist: fail at start-up, not in production.
    if (!rule) throw new Error(`route ${String(route.method)} ${route.url} has no access rule`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, access: rule });
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'ECER 节能减排综合管理平台 API', version },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: DOCS_PREFIX });

  app.decorateRequest('ctx', null as never);
  app.decorateRequest('sessionToken', undefined);
  app.addHook('onRequest', async (req) => {
    const isApi = req.url.startsWith('/api/') && !req.url.startsWith(DOCS_PREFIX);
    const now = new Date();
    req.sessionToken = req.cookies[SESSION_COOKIE];
    const actor = isApi ? await resolveSession(database.db, req.sessionToken, now, config.sessionIdleMs) : ({ kind: 'public' } as const);
    req.ctx = {
      db: database.db,
      actor,
      log: req.log,
      now,
      requestId: req.id,
      ip: req.ip ?? null,
      locale: localeFromAcceptLanguage(req.headers['accept-language']),
    };
    const rule = req.routeOptions.config.access;
    if (!rule) return;
    const decision = decideRoute(actor, rule);
    if (decision === 'unauthenticated') throw new AppError('unauthenticated', '请先登录');
    if (decision === 'password-change-required') throw new AppError('password-change-required', '首次登录须先修改初始密码');
    if (decision === 'forbidden') throw new AppError('forbidden', '当前角色无权执行此操作');
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
  });

  // Read once: a demo database stays one for the life of the process (loading it needs the folder to itself).
  const demo = await readDemoMarker(database.db);
  setPdfWatermark(demo ? '演示数据 DEMO' : null);
  app.get(
    '/api/health',
    {
      config: { access: access.public },
      schema: {
        operationId: 'getHealth',
        tags: ['health'],
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.string(),
            version: z.string(),
            /** Set when the database holds the generated demo city: every page then shows the 演示数据 banner. */
            demo: z.object({ seed: z.number().int(), size: z.string(), asOf: z.string() }).nullable(),
          }),
        },
      },
    },
    async () => {
      await database.db.execute('select 1');
      return { status: 'ok' as const, database: database.kind, version, demo: demo && { seed: demo.seed, size: demo.size, asOf: demo.asOf } };
    },
  );
  await app.register(authRoutes, { prefix: '/api/auth', idleMs: config.sessionIdleMs, cookieSecure: config.cookieSecure });
  await app.register(orgRoutes, { prefix: '/api/org' });
  await app.register(planRoutes, { prefix: '/api/plan' });
  await app.register(reportingRoutes, { prefix: '/api/reporting' });
  await app.register(referenceRoutes, { prefix: '/api/reference' });
  await app.register(dualControlRoutes, { prefix: '/api/dualcontrol' });
  await app.register(enterpriseRoutes, { prefix: '/api/enterprises' });
  await app.register(meteringRoutes, { prefix: '/api/metering' });
  await app.register(reductionRoutes, { prefix: '/api/reduction' });
  await app.register(assessmentRoutes, { prefix: '/api/assessment' });
  await app.register(publicRoutes, { prefix: '/api/public' });
  await app.register(supervisionRoutes, { prefix: '/api/supervision' });
  await app.register(monitoringRoutes, { prefix: '/api/monitoring' });
  await app.register(notificationRoutes, { prefix: '/api/notifications' });
  await app.register(auditRoutes, { prefix: '/api/audit' });

  await registerWeb(app, config.webDir);
  return app;
}

// Everything the web app loads comes from this server (no foreign map, font or script services);
// Ant Design writes its styles inline, ECharts draws on canvas and exports data: URLs.
const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The public site (issue #10): its own light page, no login. */
const isOpenSite = (url: string) => url === '/open' || url.startsWith('/open/') || url.startsWith('/open?');

/** Serves the built web app; any non-API path gets index.html (client-side routes), /open and below the public site's open.html. */
async function registerWeb(app: FastifyInstance, webDir: string) {
  const index = path.join(webDir, 'index.html');
  const hasWeb = fs.existsSync(index);
  // preCompressed: the build writes .br/.gz beside each asset (vite.config.ts), sent as-is to browsers that accept them.
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false, preCompressed: true });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) {
      return sendProblem(new AppError('not-found', `接口 ${req.method} ${req.url.split('?')[0]} 不存在`), req, reply);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendProblem(new AppError('not-found', '页面不存在'), req, reply);
    if (!hasWeb) return reply.type('text/plain; charset=utf-8').send('网页尚未构建：请运行 npm run build（npm start 会自动构建）。');
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', WEB_CSP)
      .sendFile(isOpenSite(req.url) ? 'open.html' : 'index.html');
  });
}

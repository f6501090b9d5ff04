import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../helpers/app';

describe('OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  });
  afterAll(() => t.close());

  it('describes every API route as OpenAPI 3.1, generated from the zod schemas, with a UI at /api/docs', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(([p, ops]) =>
      Object.entries(ops).map(([m, op]) => [`${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1').replace(/(.)\/$/, '$1')}`, op.operationId]),
    );
    const routes = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(documented.map(([k]) => k).sort()).toEqual(routes);
    for (const [k, id] of documented) expect(id, k).toBeTruthy();
    expect(doc.paths['/api/org/enterprises'].post.requestBody.content['application/json'].schema.required).toEqual(['uscc', 'name', 'regionCode']);
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });
});

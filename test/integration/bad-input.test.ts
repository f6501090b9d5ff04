import { count } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enterprise } from '../../src/db/schema/index';
import { makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

describeEachDb('bad input gets a clear 4xx problem, never a 500 or a partial write', (kind) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await loginAs(t.app, (await makeUser(t.database.db, 'admin')).username);
  });
  afterAll(() => t.close());
  const post = (url: string, payload: string, contentType = 'application/json') =>
    t.app.inject(as(admin, { method: 'POST', url, payload, headers: { 'content-type': contentType } }));
  const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, code, type: `/problems/${code}` });
  };

  it('malformed JSON → 400 malformed-json', async () => {
    expectProblem(await post('/api/org/enterprises', '{"uscc": "9136'), 400, 'malformed-json');
  });

  it('wrong types → 400 with a JSON pointer to each field', async () => {
    const res = await post('/api/org/enterprises', JSON.stringify({ uscc: 42, name: '', regionCode: '360702', isKeyEnergyUnit: 'yes' }));
    expectProblem(res, 400, 'validation');
    const pointers = (res.json() as { errors: Array<{ pointer: string }> }).errors.map((e) => e.pointer).sort();
    expect(pointers).toEqual(['#/isKeyEnergyUnit', '#/name', '#/uscc']);
  });

  it('unknown fields on a patch → 400', async () => {
    const res = await t.app.inject(as(admin, { method: 'PATCH', url: '/api/org/enterprises/1', payload: { evil: true } }));
    expectProblem(res, 400, 'validation');
  });

  it('an oversized body → 413', async () => {
    const big = JSON.stringify({ uscc: 'x', name: 'n'.repeat(2_000_000), regionCode: '360702' });
    expectProblem(await post('/api/org/enterprises', big), 413, 'payload-too-large');
  });

  it('a body that is not JSON → 415', async () => {
    expectProblem(await post('/api/org/enterprises', 'uscc=1', 'text/plain'), 415, 'unsupported-media-type');
  });

  it('unknown ids and routes → 404; ids that are not ids → 400', async () => {
    expectProblem(await t.app.inject(as(admin, { method: 'GET', url: '/api/org/enterprises/999999' })), 404, 'not-found');
    expectProblem(await t.app.inject(as(admin, { method: 'GET', url: '/api/org/enterprises/abc' })), 400, 'validation');
    expectProblem(await t.app.inject(as(admin, { method: 'GET', url: '/api/org/enterprises/99999999999999' })), 400, 'validation');
    expectProblem(await t.app.inject(as(admin, { method: 'GET', url: '/api/no/such/route' })), 404, 'not-found');
  });

  it('SQL metacharacters are data, not SQL', async () => {
    const q = encodeURIComponent("'; drop table enterprise; --%_\\");
    const res = await t.app.inject(as(admin, { method: 'GET', url: `/api/org/enterprises?q=${q}` }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
    const search = await t.app.inject(as(admin, { method: 'GET', url: `/api/plan/plans/ganzhou-14fyp-ecer/search?q=${q}` }));
    expect(search.json()).toEqual({ tasks: [], indicators: [] });
    const audit = await t.app.inject(as(admin, { method: 'GET', url: `/api/audit/events?actor=${q}` }));
    expect(audit.statusCode).toBe(200);
    expect((await t.database.db.select({ n: count() }).from(enterprise))[0]!.n).toBeGreaterThanOrEqual(0);
  });

  it('a failed write leaves nothing behind', async () => {
    const [before] = await t.database.db.select({ n: count() }).from(enterprise);
    const res = await post('/api/org/enterprises', JSON.stringify({ uscc: '91360700MA00000001', name: '无效', regionCode: '999999' }));
    expect(res.statusCode).toBe(400);
    expect(await t.database.db.select({ n: count() }).from(enterprise)).toEqual([before]);
  });

  it('titles follow Accept-Language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(res.json()).toMatchObject({ title: 'Please log in' });
  });
});

import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assessment, auditEvent } from '../../src/db/schema/index';
import { makeReport, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

const SECRET_TITLE = '内部考核-不得公开-7f3a';
const SECRET_NARRATIVE = '内部进展说明-不得公开-91c2';

describeEachDb('published data: only what the steering office publishes reaches the public API', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let assessmentId = 0;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    const users = { steering: await makeUser(db, 'steering'), county: await makeUser(db, 'county', { regionCode: '360702' }) };
    for (const [k, u] of Object.entries(users)) cookies[k] = await loginAs(t.app, u.username);
    // Unpublished data in every module a snapshot reads: dual control (2021 rated), reporting, reduction, assessment.
    await call('steering', 'PUT', '/api/dualcontrol/targets/360702', { basic: 0.125, incentive: 0.13, source: '测试', annual: [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, plannedGdpGrowth: 0.06 })) });
    for (const body of [{ periodKey: '2020', energy: 400, gdpCurrent: 1000 }, { periodKey: '2021', energy: 416, gdpGrowth: 0.08 }]) {
      const saved = await call('county', 'POST', '/api/dualcontrol/accounts', { regionCode: '360702', ...body });
      expect(saved.statusCode, saved.body).toBe(201);
      expect((await call('steering', 'POST', `/api/dualcontrol/accounts/${saved.json().id}/approve`, {})).statusCode).toBe(200);
    }
    const report = await makeReport(db, { taskCode: '2.1.1', regionCode: '360700', submittedBy: users.county.id, periodKey: '2021-Q4' });
    await db.execute(`update progress_report set narrative = '${SECRET_NARRATIVE}' where id = ${report.id}`);
    const schemes = (await call('steering', 'GET', '/api/assessment/schemes')).json() as Array<{ id: number; subject: string }>;
    const opened = await call('steering', 'POST', '/api/assessment/assessments', { schemeId: schemes.find((s) => s.subject === 'region')!.id, period: '2021', cutoff: '2022-03-31', title: SECRET_TITLE });
    expect(opened.statusCode, opened.body).toBe(201);
    assessmentId = opened.json().id;
  }, 120_000);
  afterAll(() => t.close());

  const call = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject(who ? as(cookies[who]!, { method, url, ...(payload ? { payload } : {}) }) : { method, url, ...(payload ? { payload } : {}) });

  /** Every public GET route, its parameters filled with each dataset, the given periods and every format. */
  async function everyPublicResponse(periods: string[]): Promise<string[]> {
    const routes = t.app.apiRoutes.filter((r) => r.access.who === 'public' && r.method === 'GET');
    expect(routes.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/public/open-data', '/api/public/open-data/:dataset/:periodKey', '/api/public/open-data/:dataset/:periodKey/:format']));
    const bodies: string[] = [];
    for (const r of routes) {
      const urls = [r.url];
      const fill = (param: string, values: string[]) => urls.splice(0, urls.length, ...urls.flatMap((u) => (u.includes(param) ? values.map((v) => u.replace(param, v)) : [u])));
      fill(':dataset', ['targets', 'barometer', 'reduction', 'assessment']);
      fill(':periodKey', periods);
      fill(':format', ['json', 'csv', 'xlsx']);
      for (const u of urls.map((x) => x.replace(/:\w+/g, 'x'))) {
        const res = await call(null, 'GET', u);
        const text = res.headers['content-type']?.toString().includes('spreadsheet') ? await xlsxText(res.rawPayload) : res.body;
        bodies.push(`${u} ${res.statusCode} ${text}`);
      }
    }
    return bodies;
  }

  it('shows nothing before anything is published, from any public endpoint', async () => {
    const bodies = await everyPublicResponse(['2021', '2021-Q4', String(assessmentId)]);
    expect(JSON.parse((await call(null, 'GET', '/api/public/open-data')).body)).toEqual([]);
    for (const b of bodies) {
      expect(b).not.toContain(SECRET_TITLE);
      expect(b).not.toContain(SECRET_NARRATIVE);
      expect(b).not.toMatch(/"(intensity|overall)":[123]/);
    }
    expect(bodies.filter((b) => b.includes('/open-data/') && / 200 /.test(b))).toEqual([]);
  });

  it('previews and publishes the 2021 barometer for the city only; the public then reads it as JSON, CSV and Excel', async () => {
    expect((await call('county', 'POST', '/api/public/publications', { dataset: 'barometer', periodKey: '2021' })).statusCode).toBe(403);
    const bad = await call('steering', 'POST', '/api/public/publications/preview', { dataset: 'barometer', periodKey: '2021-Q5' });
    expect(bad.json()).toMatchObject({ status: 400, errors: [{ pointer: '#/periodKey' }] });
    expect((await call('steering', 'POST', '/api/public/publications', { dataset: 'barometer', periodKey: '2023' })).json()).toMatchObject({ status: 409, code: 'conflict' });
    const preview = (await call('steering', 'POST', '/api/public/publications/preview', { dataset: 'barometer', periodKey: '2021' })).json();
    expect(preview.snapshot.regions.find((r: { regionCode: string }) => r.regionCode === '360702')).toMatchObject({ name: '章贡区', intensity: 3, overall: 3 });
    expect(JSON.parse((await call(null, 'GET', '/api/public/open-data')).body)).toEqual([]); // a preview publishes nothing

    const published = await call('steering', 'POST', '/api/public/publications', { dataset: 'barometer', periodKey: '2021' });
    expect(published.statusCode, published.body).toBe(201);
    const list = JSON.parse((await call(null, 'GET', '/api/public/open-data')).body);
    expect(list).toEqual([expect.objectContaining({ dataset: 'barometer', periodKey: '2021', downloads: { xlsx: '/api/public/open-data/barometer/2021/xlsx', csv: '/api/public/open-data/barometer/2021/csv', json: '/api/public/open-data/barometer/2021/json' } })]);
    const one = await call(null, 'GET', '/api/public/open-data/barometer/2021');
    expect(one.headers['cache-control']).toBe('public, max-age=60');
    expect(JSON.parse(one.body).snapshot).toEqual(preview.snapshot);
    expect(Object.keys(JSON.parse(one.body).snapshot.regions[0]).sort()).toEqual(['intensity', 'kind', 'name', 'overall', 'regionCode', 'total']); // levels only, no figures
    const again = await t.app.inject({ method: 'GET', url: '/api/public/open-data/barometer/2021', headers: { 'if-none-match': String(one.headers.etag) } });
    expect(again.statusCode).toBe(304);

    const csv = await call(null, 'GET', '/api/public/open-data/barometer/2021/csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('\r\n360702,章贡区,district,三级,未评价,三级\r\n');
    expect(String(csv.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const xlsx = await call(null, 'GET', '/api/public/open-data/barometer/2021/xlsx');
    expect(await xlsxText(xlsx.rawPayload)).toContain('360702|章贡区|district|三级|未评价|三级');
    expect(JSON.parse((await call(null, 'GET', '/api/public/open-data/barometer/2021/json')).body)).toEqual(preview.snapshot);
    // The other datasets and periods stay unpublished, and no secret leaks through any endpoint.
    for (const b of await everyPublicResponse(['2021', '2022', String(assessmentId)])) {
      expect(b).not.toContain(SECRET_TITLE);
      expect(b).not.toContain(SECRET_NARRATIVE);
      if (!b.includes('/barometer/2021') && b.includes('/open-data/')) expect(b).toMatch(/ 404 /);
    }
  });

  it('refuses to publish an assessment the assessment process has not published, and publishes it once it has', async () => {
    const refused = await call('steering', 'POST', '/api/public/publications', { dataset: 'assessment', periodKey: String(assessmentId) });
    expect(refused.json()).toMatchObject({ status: 409, code: 'conflict' });
    expect(refused.json().detail).toContain('尚未公布');
    // The assessment cycle itself is test/integration/assessment.test.ts; here only its end state matters.
    await t.database.db.update(assessment).set({ status: 'published' }).where(eq(assessment.id, assessmentId));
    const ok = await call('steering', 'POST', '/api/public/publications', { dataset: 'assessment', periodKey: String(assessmentId) });
    expect(ok.statusCode, ok.body).toBe(201);
    const snap = JSON.parse((await call(null, 'GET', `/api/public/open-data/assessment/${assessmentId}`)).body).snapshot;
    expect(snap).toMatchObject({ dataset: 'assessment', assessmentId, title: SECRET_TITLE });
    expect(snap.results.length).toBeGreaterThan(0);
    expect(Object.keys(snap.results[0]).sort()).toEqual(['deductions', 'grade', 'gradeLabel', 'key', 'measurePoints', 'name', 'rank', 'targetPoints', 'total', 'vetoed']);
  });

  it('publishes target progress and reduction progress built from their modules', async () => {
    const targets = await call('steering', 'POST', '/api/public/publications', { dataset: 'targets', periodKey: '2021' });
    expect(targets.statusCode, targets.body).toBe(201);
    const snap = JSON.parse((await call(null, 'GET', '/api/public/open-data/targets/2021')).body).snapshot;
    expect(snap.energyIntensity).toMatchObject({ target: 0.125, stretch: 0.13 });
    expect(snap.pollutants.map((p: { pollutant: string }) => p.pollutant)).toEqual(['COD', 'NH3-N', 'NOx', 'VOCs']);
    expect(snap.keyProjects).toHaveLength(10);
    expect(snap.indicators.map((x: { name: string }) => x.name)).toContain('非化石能源占能源消费总量比重');
    expect(JSON.stringify(snap)).not.toContain(SECRET_NARRATIVE);
    expect((await call('steering', 'POST', '/api/public/publications', { dataset: 'reduction', periodKey: '2021' })).statusCode).toBe(201);
    const red = JSON.parse((await call(null, 'GET', '/api/public/open-data/reduction/2021')).body).snapshot;
    expect(red.regions.find((r: { regionCode: string }) => r.regionCode === '360702')).toMatchObject({ name: '章贡区' });
  });

  it('withdraws with a reason: gone from the public API at once, kept in the history', async () => {
    const history = (await call('steering', 'GET', '/api/public/publications')).json() as Array<{ id: number; dataset: string }>;
    const barometer = history.find((h) => h.dataset === 'barometer')!;
    expect((await call('steering', 'POST', `/api/public/publications/${barometer.id}/withdraw`, { reason: '' })).json()).toMatchObject({ status: 400, errors: [{ pointer: '#/reason' }] });
    expect((await call('county', 'POST', `/api/public/publications/${barometer.id}/withdraw`, { reason: '数据有误' })).statusCode).toBe(403);
    const w = await call('steering', 'POST', `/api/public/publications/${barometer.id}/withdraw`, { reason: '数据有误，待更正' });
    expect(w.json()).toMatchObject({ withdrawReason: '数据有误，待更正', withdrawnByName: expect.any(String) });
    expect((await call('steering', 'POST', `/api/public/publications/${barometer.id}/withdraw`, { reason: '再次撤回' })).statusCode).toBe(409);
    expect((await call(null, 'GET', '/api/public/open-data/barometer/2021')).statusCode).toBe(404);
    expect((await call(null, 'GET', '/api/public/open-data/barometer/2021/csv')).statusCode).toBe(404);
    expect(JSON.parse((await call(null, 'GET', '/api/public/open-data')).body).map((i: { dataset: string }) => i.dataset).sort()).toEqual(['assessment', 'reduction', 'targets']);
    expect((await call('steering', 'GET', '/api/public/publications')).json().find((h: { id: number }) => h.id === barometer.id)).toMatchObject({ withdrawReason: '数据有误，待更正' });
    // Publishing again brings the period back as a new version.
    expect((await call('steering', 'POST', '/api/public/publications', { dataset: 'barometer', periodKey: '2021' })).statusCode).toBe(201);
    expect((await call(null, 'GET', '/api/public/open-data/barometer/2021')).statusCode).toBe(200);
    const audit = await t.database.db.select({ action: auditEvent.action }).from(auditEvent).where(eq(auditEvent.entity, 'publication'));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['publishDataset', 'withdrawPublication']));
  });
});

async function xlsxText(data: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const rows: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')).join('|'))));
  return rows.join('\n');
}

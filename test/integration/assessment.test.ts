import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { SubjectMetrics } from '../../src/modules/assessment/metrics.service';
import { departmentId, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

// Fixed metrics for two counties, whatever the platform's data: the scoring and the process are under test here.
const METRICS: SubjectMetrics[] = [
  { key: '360722', name: '信丰县', metrics: { 'intensity-completion': { value: 1, figures: [{ label: '实际降低率', value: '3.2%' }] }, 'total-consumption': { value: 1, figures: [] } } },
  { key: '360703', name: '南康区', metrics: { 'intensity-completion': { value: 0.92, figures: [] }, 'total-consumption': { value: 1, figures: [] } } },
];
// Two departments (市生态环境局 sthjj, 市发改委 fgw) for the department scheme.
const DEPT_METRICS: SubjectMetrics[] = [
  { key: 'sthjj', name: '市生态环境局', metrics: { 'tasks-on-time': { value: 1, figures: [] }, 'indicators-on-track': { value: 0.8, figures: [] } } },
  { key: 'fgw', name: '市发改委', metrics: { 'tasks-on-time': { value: 0.9, figures: [] }, 'indicators-on-track': { value: 1, figures: [] } } },
];
vi.mock('../../src/modules/assessment/metrics.service', () => ({ computeMetrics: vi.fn(async (_db: unknown, subject: string) => structuredClone(subject === 'department' ? DEPT_METRICS : METRICS)) }));

const A = '360722';
const B = '360703';

describeEachDb('assessment: a whole cycle for two counties, from self-assessment to the published ranking', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    const users = {
      steering: await makeUser(db, 'steering'),
      admin: await makeUser(db, 'admin'),
      sthjj: await makeUser(db, 'department'), // 市生态环境局
      fgw: await makeUser(db, 'department', { departmentId: await departmentId(db, '市发改委') }),
      countyA: await makeUser(db, 'county', { regionCode: A }),
      countyB: await makeUser(db, 'county', { regionCode: B }),
      enterprise: await makeUser(db, 'enterprise'),
    };
    for (const [k, u] of Object.entries(users)) cookies[k] = await loginAs(t.app, u.username);
  });
  afterAll(() => t.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject(as(cookies[who]!, { method, url: `/api/assessment${url}`, ...(payload ? { payload } : {}) }));
  const upload = (who: string, url: string, itemKey: string, fileName: string, content: Buffer) => {
    const boundary = 'ecer-test-boundary';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="itemKey"\r\n\r\n${itemKey}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject(as(cookies[who]!, { method: 'POST', url: `/api/assessment${url}`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }));
  };
  const act = (who: string, action: string, extra: object = {}) => call(who, 'POST', `/assessments/${id}/actions`, { action, ...extra });
  const score = (who: string, key: string, body: object) => call(who, 'POST', `/assessments/${id}/subjects/${key}/scores`, body);
  let id = 0;
  let schemeId = 0;

  it('seeds the schemes from the reference data on first read, and keeps scheme edits to the city', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/assessment/schemes' })).statusCode).toBe(401);
    expect((await call('enterprise', 'GET', '/schemes')).statusCode).toBe(403);
    const schemes = (await call('countyA', 'GET', '/schemes')).json();
    expect(schemes.map((s: { subject: string; version: number; inUse: boolean }) => [s.subject, s.version, s.inUse]).sort()).toEqual([
      ['department', 1, false],
      ['region', 1, false],
    ]);
    const region = schemes.find((s: { subject: string }) => s.subject === 'region');
    schemeId = region.id;
    expect((await call('countyA', 'POST', '/schemes', { scheme: region.scheme, source: 'x' })).statusCode).toBe(403);
    const broken = structuredClone(region.scheme);
    broken.totalPoints = 90;
    const bad = await call('steering', 'POST', '/schemes', { scheme: broken, source: '测试' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ pointer: '#/scheme/items' });
    const v2 = await call('steering', 'POST', '/schemes', { scheme: region.scheme, source: '测试新版' });
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ code: region.code, version: 2, inUse: false });
    expect((await call('steering', 'PUT', `/schemes/${v2.json().id}`, { scheme: region.scheme, source: '测试新版（改）' })).json().source).toBe('测试新版（改）');
  });

  it('opens an assessment with every subject’s metrics as of the cut-off; a county sees only its own subject', async () => {
    const body = { schemeId, period: '2024', cutoff: '2025-03-31' };
    expect((await call('countyA', 'POST', '/assessments', body)).statusCode).toBe(403);
    // A cut-off inside the period would assess incomplete data: refused at the field.
    expect((await call('steering', 'POST', '/assessments', { ...body, cutoff: '2024-06-30' })).json()).toMatchObject({ status: 400, errors: [{ pointer: '#/cutoff' }] });
    const created = await call('steering', 'POST', '/assessments', body);
    expect(created.statusCode).toBe(201);
    const a = created.json();
    id = a.id;
    expect(a).toMatchObject({ status: 'self', period: '2024', cutoff: '2025-03-31', history: [{ action: 'open' }] });
    expect(a.subjects.map((s: { key: string }) => s.key).sort()).toEqual([B, A].sort());
    expect((await call('steering', 'PUT', `/schemes/${schemeId}`, { scheme: (await call('steering', 'GET', '/schemes')).json()[0].scheme, source: 'x' })).statusCode).toBe(409);
    // the list says which versions are in use: only the one this assessment runs
    const listed = (await call('steering', 'GET', '/schemes')).json() as Array<{ id: number; inUse: boolean }>;
    expect(listed.filter((s) => s.inUse).map((s) => s.id)).toEqual([schemeId]);
    const mine = (await call('countyA', 'GET', `/assessments/${id}`)).json();
    expect(mine.subjects.map((s: { key: string }) => s.key)).toEqual([A]);
    // its true rank among all is not the county's to learn before publication; its subtotals are
    expect(mine).toMatchObject({ ownSubjectKey: A });
    expect(mine.subjects[0]).toMatchObject({ rank: null, targetPoints: expect.any(Number), measurePoints: expect.any(Number), deductions: expect.any(Number) });
    const city = (await call('steering', 'GET', `/assessments/${id}`)).json();
    expect(city.ownSubjectKey).toBeNull();
    expect(city.subjects.map((s: { rank: number }) => s.rank)).toEqual([1, 2]);
    expect((await call('countyA', 'GET', `/assessments/${id}/subjects/${B}`)).statusCode).toBe(404);
    const detail = (await call('countyA', 'GET', `/assessments/${id}/subjects/${A}`)).json();
    expect(detail).toMatchObject({ frozen: false, rank: null, isOwn: true, metrics: { 'intensity-completion': { value: 1 } } });
    expect(detail.scorable).toContain('target-breakdown');
  });

  it('lets county A self-assess its reviewed item with evidence and submit, and nothing more', async () => {
    const up = await upload('countyA', `/assessments/${id}/subjects/${A}/evidence`, 'target-breakdown', '目标分解文件.pdf', Buffer.from('%PDF-1.7 目标分解'));
    expect(up.statusCode, up.body).toBe(200);
    const ev = up.json().evidence;
    expect(ev).toMatchObject([{ itemKey: 'target-breakdown', fileName: '目标分解文件.pdf', mediaType: 'application/pdf' }]);
    const file = await call('countyA', 'GET', `/assessments/${id}/subjects/${A}/evidence/${ev[0].id}`);
    expect(file.body.startsWith('%PDF')).toBe(true);
    expect((await upload('countyB', `/assessments/${id}/subjects/${A}/evidence`, 'target-breakdown', 'x.pdf', Buffer.from('%PDF-1.7'))).statusCode).toBe(404);

    expect((await score('countyA', A, { itemKey: 'target-breakdown', points: 3, checked: ['breakdown', 'check'] })).statusCode).toBe(400);
    expect((await score('countyA', A, { itemKey: 'intensity', points: 3, checked: [] })).statusCode).toBe(400);
    expect((await score('countyA', B, { itemKey: 'target-breakdown', points: 1, checked: ['breakdown'] })).statusCode).toBe(404);
    expect((await score('sthjj', A, { itemKey: 'target-breakdown', points: 1, checked: ['breakdown'] })).statusCode).toBe(409);
    const self = await score('countyA', A, { itemKey: 'target-breakdown', points: 2, checked: ['breakdown', 'check'], note: '已分解到乡镇' });
    expect(self.statusCode, self.body).toBe(200);
    expect(self.json().scores).toMatchObject([{ itemKey: 'target-breakdown', stage: 'self', points: 2, actorName: '测试county' }]);
    // a self score does not count: the live result uses review scores only
    expect(self.json().result.items.find((i: { key: string }) => i.key === 'target-breakdown').points).toBe(0);

    expect((await act('countyA', 'submit-self', { subjectKey: B })).statusCode).toBe(403);
    expect((await act('countyA', 'open-review')).statusCode).toBe(403);
    const submitted = await act('countyA', 'submit-self', { subjectKey: A });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().subjects[0].selfSubmittedAt).not.toBeNull();
    expect((await act('countyA', 'submit-self', { subjectKey: A })).statusCode).toBe(409);
    expect((await score('countyA', A, { itemKey: 'target-breakdown', points: 1, checked: ['breakdown'] })).statusCode).toBe(409);
  });

  it('lets a department score only the items it reviews, during review', async () => {
    expect((await act('steering', 'consolidate')).statusCode).toBe(409);
    expect((await act('steering', 'open-review')).json().status).toBe('review');
    expect((await score('countyA', A, { itemKey: 'target-breakdown', points: 3, checked: ['breakdown', 'check', 'publish'] })).statusCode).toBe(409);
    expect((await score('sthjj', A, { itemKey: 'organisation', points: 1, checked: ['coordination'] })).statusCode).toBe(403);
    const r = await score('sthjj', A, { itemKey: 'target-breakdown', points: 3, checked: ['breakdown', 'check', 'publish'], note: '材料齐全' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().result.items.find((i: { key: string }) => i.key === 'target-breakdown').points).toBe(3);
    expect((await call('sthjj', 'GET', `/assessments/${id}/subjects/${A}`)).json().scorable).not.toContain('organisation');
    expect((await score('fgw', B, { itemKey: 'organisation', points: 1, checked: ['coordination'] })).statusCode).toBe(200);
    expect((await call('steering', 'POST', `/assessments/${id}/recompute`)).json().status).toBe('review');
  });

  it('lets the steering office exempt an exemptible veto with a reason, and withdraw it, both logged', async () => {
    const exempt = (who: string, body: object) => call(who, 'POST', `/assessments/${id}/subjects/${B}/exemptions`, body);
    expect((await call('steering', 'GET', `/assessments/${id}/subjects/${B}`)).json().result.vetoes.map((v: { key: string }) => v.key)).toEqual(['intensity-missed']);
    expect((await exempt('countyB', { vetoKey: 'intensity-missed', exempt: true, reason: '批准' })).statusCode).toBe(403);
    const blank = await exempt('steering', { vetoKey: 'intensity-missed', exempt: true, reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0]).toMatchObject({ pointer: '#/reason', detail: expect.stringContaining('理由') });
    const lifted = (await exempt('steering', { vetoKey: 'intensity-missed', exempt: true, reason: '市政府批准（测试）' })).json();
    expect(lifted.result).toMatchObject({ vetoes: [], exempted: ['intensity-missed'] });
    const restored = (await exempt('steering', { vetoKey: 'intensity-missed', exempt: false, reason: '批准文件撤回' })).json();
    expect(restored.result.exempted).toEqual([]);
    const history = (await call('steering', 'GET', `/assessments/${id}`)).json().history.slice(-2);
    expect(history).toMatchObject([
      { action: 'exempt', comment: '南康区 intensity-missed：市政府批准（测试）' },
      { action: 'unexempt', comment: '南康区 intensity-missed：批准文件撤回' },
    ]);
  });

  it('consolidates (freezing the results), is returned with a comment, approved and published', async () => {
    expect((await act('admin', 'approve')).statusCode).toBe(409);
    expect((await act('sthjj', 'consolidate')).statusCode).toBe(403);
    expect((await act('steering', 'consolidate')).json().status).toBe('consolidation');
    expect((await call('steering', 'POST', `/assessments/${id}/recompute`)).statusCode).toBe(409);
    const frozen = (await call('steering', 'GET', `/assessments/${id}/subjects/${B}`)).json();
    expect(frozen.frozen).toBe(true);
    expect((await score('steering', B, { itemKey: 'organisation', points: 2, checked: ['coordination', 'statistics-system'] })).statusCode).toBe(400);
    const adjusted = await score('steering', B, { itemKey: 'organisation', points: 2, checked: ['coordination', 'statistics-system'], note: '补充材料后核定' });
    expect(adjusted.json().result.total).toBe(frozen.result.total + 1);

    expect((await act('steering', 'submit-approval')).json().status).toBe('approval');
    expect((await act('steering', 'approve')).statusCode).toBe(403);
    expect((await act('admin', 'return')).statusCode).toBe(400);
    const returned = (await act('admin', 'return', { comment: '请复核南康区的评分' })).json();
    expect(returned.status).toBe('consolidation');
    expect(returned.history.at(-1)).toMatchObject({ action: 'return', comment: '请复核南康区的评分' });
    expect((await act('steering', 'submit-approval')).json().status).toBe('approval');
    expect((await act('admin', 'approve')).json().status).toBe('approved');
    const approved = (await call('countyB', 'GET', `/assessments/${id}`)).json();
    expect(approved.subjects.map((s: { key: string; rank: number | null }) => [s.key, s.rank])).toEqual([[B, null]]);
    expect((await call('countyB', 'GET', `/assessments/${id}/subjects/${B}`)).json().rank).toBeNull();
    expect((await act('steering', 'publish')).json().status).toBe('published');
    expect((await call('countyB', 'GET', `/assessments/${id}/subjects/${B}`)).json().rank).toBe(2);
    expect((await act('steering', 'publish')).statusCode).toBe(409);
    // Published results are on the public site at once, without a login: ranks and totals only.
    const open = await t.app.inject({ method: 'GET', url: `/api/public/open-data/assessment/${id}` });
    expect(open.statusCode).toBe(200);
    expect(open.json().snapshot.results.map((r: { rank: number }) => r.rank)).toEqual([1, 2]);
    expect(open.body).not.toContain('材料齐全');
  });

  it('shows the ranking to every county once published, the same on every read, with the PDF and the workbook', async () => {
    const first = (await call('countyB', 'GET', `/assessments/${id}`)).json();
    expect(first.subjects.map((s: { key: string; rank: number }) => [s.key, s.rank])).toEqual([
      [A, 1],
      [B, 2],
    ]);
    expect((await call('countyA', 'GET', `/assessments/${id}`)).json().subjects).toEqual(first.subjects);
    const detailA = (await call('countyB', 'GET', `/assessments/${id}/subjects/${A}`)).json();
    expect(detailA).toMatchObject({ frozen: true, rank: 1, scorable: [] });
    expect(detailA.scores.map((s: { stage: string; actorName: string }) => s.stage)).toEqual(['self', 'review']);
    expect((await call('steering', 'GET', `/assessments/${id}/subjects/${A}`)).json().result).toEqual(detailA.result);

    const pdf = await call('countyA', 'GET', `/assessments/${id}/subjects/${A}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const xlsx = await call('steering', 'GET', `/assessments/${id}/summary.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const names: string[] = [];
    wb.worksheets[0]!.eachRow((row) => names.push(String(row.getCell(2).value ?? '')));
    expect(names).toEqual(expect.arrayContaining(['信丰县', '南康区']));
    expect((await call('countyA', 'GET', `/assessments/${id}/comparison`)).json()).toMatchObject({ previous: null, rows: [{ key: A, previousTotal: null }, { key: B }] });
  });

  it('lets a department self-assess its own subject of a department assessment, and see nothing of another before publication', async () => {
    const schemes = (await call('steering', 'GET', '/schemes')).json() as Array<{ id: number; subject: string; scheme: { items: Array<{ key: string }> } }>;
    const dept = structuredClone(schemes.find((s) => s.subject === 'department')!.scheme) as { items: object[] };
    // the shipped department scheme is computed only: a version with a reviewed measures item to self-assess
    dept.items = [
      ...dept.items.filter((i) => (i as { key: string }).key !== 'reports-on-time'),
      { key: 'dept-measures', title: '节能减排措施落实情况', group: 'measures', maxPoints: 30, kind: 'reviewed', checklist: [{ key: 'plan', text: '制定年度工作方案', points: 20 }, { key: 'report', text: '按时报送工作总结', points: 10 }], reviewerDepartments: ['fgw'] },
    ];
    const v = await call('steering', 'POST', '/schemes', { scheme: dept, source: '部门自评测试' });
    expect(v.statusCode, v.body).toBe(201);
    const opened = await call('steering', 'POST', '/assessments', { schemeId: v.json().id, period: '2024', cutoff: '2025-03-31' });
    expect(opened.statusCode, opened.body).toBe(201);
    const did = opened.json().id as number;
    const dcall = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => call(who, method, `/assessments/${did}${url}`, payload);

    // 市生态环境局 (sthjj) sees only its own subject, without its rank; not 市发改委's; a county sees none
    const mine = (await dcall('sthjj', 'GET', '')).json();
    expect(mine.ownSubjectKey).toBe('sthjj');
    expect(mine.subjects.map((s: { key: string; rank: number | null }) => [s.key, s.rank])).toEqual([['sthjj', null]]);
    expect((await dcall('sthjj', 'GET', '/subjects/fgw')).statusCode).toBe(404);
    expect((await dcall('countyA', 'GET', '')).json().subjects).toEqual([]);
    expect((await dcall('countyA', 'GET', '/subjects/sthjj')).statusCode).toBe(404);
    expect((await dcall('countyA', 'GET', '/subjects/fgw')).statusCode).toBe(404);
    expect((await dcall('countyA', 'POST', '/actions', { action: 'submit-self', subjectKey: 'sthjj' })).statusCode).toBe(403);

    const own = (await dcall('sthjj', 'GET', '/subjects/sthjj')).json();
    expect(own).toMatchObject({ rank: null, isOwn: true, scorable: ['dept-measures'] });
    expect((await dcall('sthjj', 'POST', '/subjects/fgw/scores', { itemKey: 'dept-measures', points: 20, checked: ['plan'] })).statusCode).toBe(403);
    expect((await upload('sthjj', `/assessments/${did}/subjects/fgw/evidence`, 'dept-measures', 'x.pdf', Buffer.from('%PDF-1.7'))).statusCode).toBe(404);
    const up = await upload('sthjj', `/assessments/${did}/subjects/sthjj/evidence`, 'dept-measures', '年度工作方案.pdf', Buffer.from('%PDF-1.7 方案'));
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().evidence).toMatchObject([{ itemKey: 'dept-measures', fileName: '年度工作方案.pdf' }]);
    const self = await dcall('sthjj', 'POST', '/subjects/sthjj/scores', { itemKey: 'dept-measures', points: 30, checked: ['plan', 'report'], note: '方案和总结齐全' });
    expect(self.statusCode, self.body).toBe(200);
    expect(self.json().scores).toMatchObject([{ itemKey: 'dept-measures', stage: 'self', points: 30 }]);

    expect((await dcall('sthjj', 'POST', '/actions', { action: 'submit-self', subjectKey: 'fgw' })).statusCode).toBe(403);
    const submitted = await dcall('sthjj', 'POST', '/actions', { action: 'submit-self', subjectKey: 'sthjj' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().subjects).toMatchObject([{ key: 'sthjj', selfSubmittedAt: expect.any(String), rank: null }]);
    expect((await dcall('sthjj', 'POST', '/actions', { action: 'submit-self', subjectKey: 'sthjj' })).statusCode).toBe(409);
    expect((await dcall('sthjj', 'POST', '/subjects/sthjj/scores', { itemKey: 'dept-measures', points: 20, checked: ['plan'] })).statusCode).toBe(409);
    // the other department self-assesses its own the same way; the city sees both, ranked
    expect((await dcall('fgw', 'POST', '/subjects/fgw/scores', { itemKey: 'dept-measures', points: 20, checked: ['plan'] })).statusCode).toBe(200);
    // (self scores do not count: 市发改委 ranks first on its computed items)
    expect((await dcall('steering', 'GET', '')).json().subjects.map((s: { key: string; rank: number }) => [s.key, s.rank])).toEqual([
      ['fgw', 1],
      ['sthjj', 2],
    ]);
  });
});

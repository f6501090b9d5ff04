import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, department, highEnergyProject, rectificationEvent, rectificationOrder } from '../../src/db/schema/index';
import { beijingDate } from '../../src/domain/reporting/calendar';
import { addDays } from '../../src/domain/supervision/inspection-orders';
import { computeMetrics } from '../../src/modules/assessment/metrics.service';
import { makeEnterprise, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

// A 1×1 PNG: evidence is accepted by its content, whatever its name.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const S = '/api/supervision';

describeEachDb('节能监察: plan → inspection → finding with evidence → 整改通知书 → overdue → answered → returned → answered → closed', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let enterpriseId = 0;
  let otherEnterpriseId = 0;
  let projectId = 0;
  let fgwId = 0;
  let sthjjId = 0;
  const today = beijingDate(new Date());

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    const e = await makeEnterprise(db, { regionCode: '360702', name: '章贡监察测试企业' });
    const other = await makeEnterprise(db, { regionCode: '360702', name: '另一家企业' });
    enterpriseId = e.id;
    otherEnterpriseId = other.id;
    const dept = async (code: string) => (await db.select({ id: department.id }).from(department).where(eq(department.code, code)))[0]!.id;
    fgwId = await dept('fgw');
    sthjjId = await dept('sthjj');
    const steering = await makeUser(db, 'steering');
    const [p] = await db
      .insert(highEnergyProject)
      .values({ name: '章贡测试熟料线', enterpriseId: e.id, regionCode: '360702', industry: '水泥', stage: 'under-construction', energyReviewStatus: 'approved', eiaStatus: 'approved', disposal: 'keep', updatedAt: new Date(), updatedBy: steering.id })
      .returning();
    projectId = p!.id;
    const users = {
      steering,
      zhanggong: await makeUser(db, 'county', { regionCode: '360702' }),
      nankang: await makeUser(db, 'county', { regionCode: '360703' }),
      fgw: await makeUser(db, 'department', { departmentId: fgwId }),
      sthjj: await makeUser(db, 'department', { departmentId: sthjjId }),
      enterprise: await makeUser(db, 'enterprise', { enterpriseId: e.id }),
      otherEnterprise: await makeUser(db, 'enterprise', { enterpriseId: other.id }),
    };
    for (const [k, u] of Object.entries(users)) cookies[k] = await loginAs(t.app, u.username);
  });
  afterAll(() => t.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject(as(cookies[who]!, { method, url, ...(payload ? { payload } : {}) }));
  const upload = (who: string, url: string, content: Buffer, fileName: string) =>
    t.app.inject(as(cookies[who]!, { method: 'POST', url: `${url}?fileName=${encodeURIComponent(fileName)}`, payload: content, headers: { 'content-type': 'application/octet-stream' } }));

  let inspectionId = 0;
  let findingIds: number[] = [];
  let orderId = 0;

  it('a county plans its own enterprises only; the plan is approved', async () => {
    const foreign = await call('nankang', 'POST', `${S}/inspection-plans`, { year: 2026, regionCode: '360702', title: '越权计划', items: [] });
    expect(foreign.statusCode).toBe(403);
    const notMine = await call('nankang', 'POST', `${S}/inspection-plans`, { year: 2026, regionCode: '360703', title: '南康计划', items: [{ enterpriseId, topics: ['benchmark'] }] });
    expect(notMine.statusCode, notMine.body).toBe(404);
    expect(notMine.json().errors?.[0]?.pointer ?? notMine.json().pointer ?? '#/items/0/enterpriseId').toContain('items/0');
    const res = await call('zhanggong', 'POST', `${S}/inspection-plans`, { year: 2026, regionCode: '360702', title: '2026年章贡区节能监察计划', items: [{ enterpriseId, topics: ['energy-review', 'energy-report'], plannedDate: today }] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'draft', inspections: 1, regionName: '章贡区' });
    const ok = await call('zhanggong', 'POST', `${S}/inspection-plans/${res.json().id}/approve`);
    expect(ok.json().status).toBe('approved');
    const list = await call('zhanggong', 'GET', `${S}/inspections?year=2026&status=planned`);
    inspectionId = list.json()[0].id;
    expect(list.json()[0]).toMatchObject({ enterpriseName: '章贡监察测试企业', topics: ['energy-review', 'energy-report'] });
  });

  it('a department outside the inspector list cannot inspect (403); another county cannot see the inspection (404)', async () => {
    expect((await call('sthjj', 'GET', `${S}/inspections`)).statusCode).toBe(403);
    expect((await call('sthjj', 'POST', `${S}/inspections`, { enterpriseId, topics: ['other'] })).statusCode).toBe(403);
    expect((await call('nankang', 'GET', `${S}/inspections/${inspectionId}`)).statusCode).toBe(404);
    expect((await call('nankang', 'GET', `${S}/inspections`)).json()).toEqual([]);
    expect((await call('fgw', 'GET', `${S}/inspections/${inspectionId}`)).statusCode).toBe(200);
  });

  it('records the inspection, findings (one naming a 两高一低 project) with evidence checked by content', async () => {
    const early = await call('zhanggong', 'POST', `${S}/inspections/${inspectionId}/findings`, { topic: 'other', description: 'x', severity: 'minor' });
    expect(early.statusCode).toBe(409);
    const bad = await call('zhanggong', 'PUT', `${S}/inspections/${inspectionId}/record`, { inspectedOn: '2026-13-01', inspectors: '' });
    expect(bad.statusCode).toBe(400);
    const rec = await call('zhanggong', 'PUT', `${S}/inspections/${inspectionId}/record`, { inspectedOn: today, inspectors: '张三、李四', summary: '现场核查能源利用状况报告与节能审查意见落实情况' });
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json().status).toBe('inspected');
    const wrongProject = await call('zhanggong', 'POST', `${S}/inspections/${inspectionId}/findings`, { topic: 'energy-review', description: 'x', severity: 'major', highEnergyProjectId: 999999 });
    expect(wrongProject.statusCode).toBe(400);
    expect(wrongProject.json().errors[0].pointer).toBe('#/highEnergyProjectId');
    const f1 = await call('zhanggong', 'POST', `${S}/inspections/${inspectionId}/findings`, { topic: 'energy-review', description: '熟料线未取得节能审查意见即开工建设', severity: 'major', legalBasis: '《固定资产投资项目节能审查办法》第十五条', highEnergyProjectId: projectId });
    const f2 = await call('zhanggong', 'POST', `${S}/inspections/${inspectionId}/findings`, { topic: 'energy-report', description: '能源利用状况报告电力消费量与电费票据不符', severity: 'minor' });
    expect([f1.statusCode, f2.statusCode]).toEqual([201, 201]);
    findingIds = [f1.json().id, f2.json().id];
    const notAFile = await upload('zhanggong', `${S}/findings/${findingIds[0]}/evidence`, Buffer.from('just text'), 'photo.jpg');
    expect(notAFile.statusCode).toBe(415);
    const photo = await upload('zhanggong', `${S}/findings/${findingIds[0]}/evidence`, PNG, '现场照片.png');
    expect(photo.statusCode, photo.body).toBe(201);
    const detail = (await call('zhanggong', 'GET', `${S}/inspections/${inspectionId}`)).json();
    expect(detail.findings[0]).toMatchObject({ highEnergyProjectName: '章贡测试熟料线', evidence: [{ fileName: '现场照片.png' }] });
    const file = await call('fgw', 'GET', `${S}/evidence/${photo.json().id}`);
    expect(file.headers['content-type']).toBe('image/png');
    expect((await call('nankang', 'GET', `${S}/evidence/${photo.json().id}`)).statusCode).toBe(404);
  });

  it('issues a numbered order with the default deadline of the worst severity; scope of who sees it', async () => {
    const foreign = await call('zhanggong', 'POST', `${S}/inspections/${inspectionId}/orders`, { findingIds: [999999], requirement: 'x' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].pointer).toBe('#/findingIds/0');
    const res = await call('zhanggong', 'POST', `${S}/inspections/${inspectionId}/orders`, { findingIds, requirement: '立即停止违规建设，补办节能审查手续；更正能源利用状况报告' });
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    orderId = order.id;
    expect(order).toMatchObject({ orderNo: `章贡节监整〔${today.slice(0, 4)}〕1号`, deadline: addDays(today, 60), status: 'issued', overdue: false });
    const second = await call('zhanggong', 'POST', `${S}/inspections/${inspectionId}/orders`, { findingIds: [findingIds[1]], requirement: '更正报告', deadline: addDays(today, 10) });
    expect(second.json()).toMatchObject({ orderNo: `章贡节监整〔${today.slice(0, 4)}〕2号`, deadline: addDays(today, 10) });

    expect((await call('enterprise', 'GET', `${S}/orders`)).json().map((o: { id: number }) => o.id).sort()).toEqual([orderId, second.json().id].sort());
    expect((await call('otherEnterprise', 'GET', `${S}/orders`)).json()).toEqual([]);
    expect((await call('otherEnterprise', 'GET', `${S}/orders/${orderId}`)).statusCode).toBe(404);
    expect((await call('nankang', 'GET', `${S}/orders/${orderId}`)).statusCode).toBe(404);
    expect((await call('nankang', 'POST', `${S}/orders/${orderId}/actions`, { action: 'extend', deadline: addDays(today, 90), comment: 'x' })).statusCode).toBe(404);
    expect((await call('sthjj', 'GET', `${S}/orders`)).statusCode).toBe(403);
    const pdf = await call('enterprise', 'GET', `${S}/orders/${orderId}/notice.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(otherEnterpriseId).toBeGreaterThan(0);
  });

  it('overdue when the deadline passes unanswered; answered → returned → answered → closed with evidence, every step an event', async () => {
    // The deadline passes: move it to yesterday (the server's clock is real).
    await t.database.db.update(rectificationOrder).set({ deadline: addDays(today, -1) }).where(eq(rectificationOrder.id, orderId));
    expect((await call('zhanggong', 'GET', `${S}/orders?status=overdue`)).json().map((o: { id: number }) => o.id)).toEqual([orderId]);
    expect((await call('zhanggong', 'GET', `${S}/inspection-counties?year=${today.slice(0, 4)}`)).json().find((r: { regionCode: string }) => r.regionCode === '360702')).toMatchObject({ inspected: 1, findings: 2, ordersOpen: 2, ordersOverdue: 1, ordersClosed: 0 });
    const ext = await call('zhanggong', 'POST', `${S}/orders/${orderId}/actions`, { action: 'extend', deadline: addDays(today, -5), comment: '企业申请' });
    expect(ext.statusCode).toBe(400);

    expect((await call('zhanggong', 'POST', `${S}/orders/${orderId}/actions`, { action: 'answer', comment: 'x' })).statusCode).toBe(403);
    expect((await call('enterprise', 'POST', `${S}/orders/${orderId}/actions`, { action: 'close' })).statusCode).toBe(403);
    expect((await call('enterprise', 'POST', `${S}/orders/${orderId}/actions`, { action: 'answer', comment: '' })).statusCode).toBe(400);
    expect((await upload('enterprise', `${S}/orders/${orderId}/evidence`, PNG, '停工照片.png')).statusCode).toBe(201);
    const answered = await call('enterprise', 'POST', `${S}/orders/${orderId}/actions`, { action: 'answer', comment: '已停工，正在补办节能审查' });
    expect(answered.json()).toMatchObject({ status: 'answered', overdue: false, can: { answer: false } });
    expect((await upload('enterprise', `${S}/orders/${orderId}/evidence`, PNG, '再传.png')).statusCode).toBe(409);
    const returned = await call('zhanggong', 'POST', `${S}/orders/${orderId}/actions`, { action: 'return', comment: '请附节能审查受理回执' });
    expect(returned.json()).toMatchObject({ status: 'issued', overdue: true });
    const extended = await call('zhanggong', 'POST', `${S}/orders/${orderId}/actions`, { action: 'extend', deadline: addDays(today, 30), comment: '补办审查需时' });
    expect(extended.json()).toMatchObject({ deadline: addDays(today, 30), overdue: false });
    expect((await upload('enterprise', `${S}/orders/${orderId}/evidence`, PNG, '受理回执.png')).statusCode).toBe(201);
    await call('enterprise', 'POST', `${S}/orders/${orderId}/actions`, { action: 'answer', comment: '附节能审查受理回执' });
    const closed = await call('zhanggong', 'POST', `${S}/orders/${orderId}/actions`, { action: 'close', comment: '整改到位' });
    expect(closed.json()).toMatchObject({ status: 'closed', can: { answer: false, review: false, extend: false } });
    expect(closed.json().evidence.map((e: { fileName: string }) => e.fileName)).toEqual(['停工照片.png', '受理回执.png']);
    expect(closed.json().events.map((e: { action: string }) => e.action)).toEqual(['issue', 'answer', 'return', 'extend', 'answer', 'close']);
    expect((await call('zhanggong', 'POST', `${S}/orders/${orderId}/actions`, { action: 'close' })).statusCode).toBe(409);
    const db = t.database.db;
    expect((await db.select().from(rectificationEvent).where(eq(rectificationEvent.orderId, orderId))).length).toBe(6);
    const audited = await db.select({ action: auditEvent.action }).from(auditEvent).where(and(eq(auditEvent.entity, 'rectification_order'), eq(auditEvent.entityId, String(orderId))));
    expect(audited.map((a) => a.action)).toEqual(['issueRectificationOrder', 'answerRectification', 'returnRectification', 'extendRectification', 'answerRectification', 'closeRectification']);
  });

  it('a transfer goes to a department outside the list, which sees only it, accepts and answers; the inspectors see the answer', async () => {
    const sent = await call('zhanggong', 'POST', `${S}/findings/${findingIds[0]}/transfers`, { departmentId: sthjjId, reason: '涉及环评未批先建，请依职责查处' });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id;
    expect((await call('sthjj', 'GET', `${S}/transfers`)).json()).toMatchObject([{ id, status: 'sent', enterpriseName: '章贡监察测试企业' }]);
    expect((await call('fgw', 'POST', `${S}/transfers/${id}/actions`, { action: 'accept' })).statusCode).toBe(404);
    expect((await call('sthjj', 'POST', `${S}/transfers/${id}/actions`, { action: 'accept' })).json().status).toBe('accepted');
    expect((await call('sthjj', 'POST', `${S}/transfers/${id}/actions`, { action: 'answer', answer: '' })).statusCode).toBe(400);
    expect((await call('sthjj', 'POST', `${S}/transfers/${id}/actions`, { action: 'answer', answer: '已立案调查' })).json().status).toBe('answered');
    const detail = (await call('zhanggong', 'GET', `${S}/inspections/${inspectionId}`)).json();
    expect(detail.transfers).toMatchObject([{ id, status: 'answered', answer: '已立案调查', toDepartmentName: '市生态环境局' }]);
  });

  it('exports the ledger as xlsx in the provincial layout', async () => {
    const res = await call('zhanggong', 'GET', `${S}/inspection-ledger.xlsx?year=${today.slice(0, 4)}`);
    expect(res.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe(`${today.slice(0, 4)}年节能监察台账`);
    expect(ws.getCell(3, 3).value).toBe('被检查单位');
    expect(ws.getCell(5, 3).value).toBe('章贡监察测试企业');
    expect(String(ws.getCell(5, 9).value)).toContain('章贡节监整');
  });

  describe('feeds the assessment', () => {
    it('an energy-review finding naming a project counts as a 能评未批先建 case of the inspected county, once, from its date', async () => {
      const db = t.database.db;
      const year = today.slice(0, 4);
      const at = async (cutoff: string) => (await computeMetrics(db, 'region', year, cutoff)).find((s) => s.key === '360702')!.metrics['two-high-cases']!;
      expect((await at(addDays(today, 1))).value).toBe(1);
      expect((await at(addDays(today, -1))).value).toBe(0);
      // Listed in the inventory as a case too: still one project.
      await call('steering', 'PUT', `/api/enterprises/high-energy-projects/${projectId}`, { name: '章贡测试熟料线', enterpriseId, regionCode: '360702', industry: '水泥', stage: 'under-construction', energyReviewStatus: 'none', eiaStatus: 'approved', disposal: 'rectify' });
      expect((await at(addDays(today, 1))).value).toBe(1);
    });
  });
});

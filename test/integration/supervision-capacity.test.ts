import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEvent, highEnergyProject } from '../../src/db/schema/index';
import { departmentId, makeEnterprise, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

type Json = Record<string, unknown>;

describeEachDb('supervision capacity: expert pool with conflicts of interest, training, energy managers (issue #11 item 3)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const ids = { cement: 0, steel: 0, xinfeng: 0, noManager: 0, gxj: 0, rsj: 0, project: 0 };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    ids.gxj = await departmentId(db, '市工信局');
    ids.rsj = await departmentId(db, '市人社局');
    const cement = await makeEnterprise(db, { name: '赣州某某水泥有限公司', isKeyEnergyUnit: true, keyUnitClass: 'key', energyManager: '张三', energyManagerPhone: '13800000001' });
    const steel = await makeEnterprise(db, { name: '赣州某某钢铁有限公司', isKeyEnergyUnit: true, keyUnitClass: 'key', energyManager: '李四', energyManagerPhone: '13800000002' });
    const noManager = await makeEnterprise(db, { name: '章贡某某纸业有限公司', isKeyEnergyUnit: true, keyUnitClass: 'designatable' });
    const xinfeng = await makeEnterprise(db, { name: '信丰某某陶瓷有限公司', regionCode: '360722', isKeyEnergyUnit: true, energyManager: '王五' });
    Object.assign(ids, { cement: cement.id, steel: steel.id, noManager: noManager.id, xinfeng: xinfeng.id });
    const users = {
      rsj: await makeUser(db, 'department', { departmentId: ids.rsj }),
      gxj: await makeUser(db, 'department', { departmentId: ids.gxj }),
      sthj: await makeUser(db, 'department'),
      county: await makeUser(db, 'county', { regionCode: '360702' }),
      cement: await makeUser(db, 'enterprise', { enterpriseId: cement.id }),
    };
    for (const [k, u] of Object.entries(users)) cookies[k] = await loginAs(t.app, u.username);
    const [p] = await db
      .insert(highEnergyProject)
      .values({ name: '水泥熟料技改项目', enterpriseId: cement.id, regionCode: '360702', industry: '水泥', stage: 'planned', energyReviewStatus: 'pending', eiaStatus: 'pending', disposal: 'pending', updatedAt: new Date(), updatedBy: users.rsj.id })
      .returning();
    ids.project = p!.id;
  });
  afterAll(() => t.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject(as(cookies[who] ?? '', { method, url: `/api/supervision${url}`, ...(payload ? { payload } : {}) }));
  const expertBody = (o: Json = {}) => ({ name: '陈工', fields: ['工业节能', '节能审查'], title: '高级工程师', organisation: '江西理工大学', regionCode: '360702', phone: '0797-8888888', ...o });

  it('asks for a login, and refuses a department outside the capacity and inspector lists', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/supervision/experts' })).statusCode).toBe(401);
    expect((await call('sthj', 'GET', '/experts')).statusCode).toBe(403);
    expect((await call('sthj', 'GET', '/energy-managers')).statusCode).toBe(403);
    const answers = await Promise.all(['rsj', 'gxj', 'sthj', 'county', 'cement'].map(async (who) => (await call(who, 'GET', '/capacity-role')).json()));
    expect(answers.map((a) => a.role)).toEqual(['manager', 'inspector', 'none', 'county', 'enterprise']);
    // Who may work on inspections (the page offers 节能监察 only to them): 市人社局 manages training, not inspections.
    expect(answers.map((a) => a.inspects)).toEqual([false, true, false, true, false]);
  });

  it('the pool is kept by the managers; a county cannot edit it; bad input names the field', async () => {
    const created = await call('rsj', 'POST', '/experts', expertBody());
    expect(created.statusCode, created.body).toBe(201);
    expect((await call('county', 'POST', '/experts', expertBody())).statusCode).toBe(403);
    expect((await call('gxj', 'POST', '/experts', expertBody())).statusCode).toBe(403);
    const id = created.json().id as number;
    expect((await call('county', 'PUT', `/experts/${id}`, expertBody({ name: '改名' }))).statusCode).toBe(403);
    const bad = await call('rsj', 'POST', '/experts', expertBody({ fields: [] }));
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('#/fields');
  });

  it('shows the phone to the managers only; a county sees only its own region experts', async () => {
    await call('rsj', 'POST', '/experts', expertBody({ name: '刘工', regionCode: '360722', phone: '0797-6666666' }));
    const mine = (await call('rsj', 'GET', '/experts')).json() as Json[];
    expect(mine.find((e) => e.name === '陈工')!.phone).toBe('0797-8888888');
    const gxj = (await call('gxj', 'GET', '/experts')).json() as Json[];
    expect(gxj.length).toBe(mine.length);
    expect(gxj.every((e) => e.phone === null)).toBe(true);
    const county = (await call('county', 'GET', '/experts')).json() as Json[];
    expect(county.map((e) => e.name)).toEqual(['陈工']);
    expect(county[0]!.phone).toBeNull();
    const liu = mine.find((e) => e.name === '刘工')!;
    expect((await call('county', 'GET', `/experts/${liu.id}`)).statusCode).toBe(404);
  });

  it('refuses an assignment with a declared relation without a reason, records it with one (audited)', async () => {
    const expert = (await call('rsj', 'POST', '/experts', expertBody({ name: '周工', fields: ['节能审查'] }))).json() as Json;
    const rel = await call('rsj', 'POST', `/experts/${expert.id}/relations`, { enterpriseId: ids.cement, relation: 'consultant', declaredOn: '2025-03-01' });
    expect(rel.statusCode, rel.body).toBe(201);
    expect((await call('gxj', 'POST', `/experts/${expert.id}/relations`, { enterpriseId: ids.cement, relation: 'employer' })).statusCode).toBe(403);

    const check = await call('gxj', 'GET', `/expert-assignments/check?expertId=${expert.id}&subjectKind=high-energy-project&subjectId=${ids.project}`);
    expect(check.json()).toEqual({ enterpriseId: ids.cement, enterpriseName: '赣州某某水泥有限公司', conflicts: ['relation:consultant'] });

    const body = { expertId: expert.id, subjectKind: 'high-energy-project', subjectId: ids.project, purpose: '节能审查意见评审' };
    const refused = await call('gxj', 'POST', '/expert-assignments', body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().conflicts).toEqual(['relation:consultant']);
    expect(refused.json().detail).toContain('为该企业提供咨询');
    expect((await call('county', 'POST', '/expert-assignments', { ...body, overrideReason: '无其他专家' })).statusCode).toBe(403);

    const done = await call('gxj', 'POST', '/expert-assignments', { ...body, overrideReason: '该领域仅此一位专家，经分管领导同意' });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({ enterpriseId: ids.cement, conflicts: ['relation:consultant'], overrideReason: '该领域仅此一位专家，经分管领导同意' });
    const audits = await t.database.db.select().from(auditEvent).where(and(eq(auditEvent.entity, 'expert_assignment'), eq(auditEvent.entityId, String(done.json().id))));
    expect(audits.map((a) => a.action)).toEqual(['assignExpertOverridingConflicts']);

    // Without a conflict no reason is needed (and none is kept).
    const clean = await call('gxj', 'POST', '/expert-assignments', { ...body, subjectKind: 'enterprise', subjectId: ids.steel, overrideReason: '多余' });
    expect(clean.json()).toMatchObject({ conflicts: [], overrideReason: null });
    const detail = (await call('rsj', 'GET', `/experts/${expert.id}`)).json();
    expect(detail.relations).toHaveLength(1);
    expect(detail.assignments).toHaveLength(2);
    // A subject that does not exist is bad input at its field.
    const missing = await call('gxj', 'POST', '/expert-assignments', { ...body, subjectKind: 'inspection', subjectId: 999999 });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json())).toContain('subjectId');
  });

  it('lists candidates without a conflict first for an enterprise, and filters by field and availability', async () => {
    await call('rsj', 'POST', '/experts', expertBody({ name: '吴工', organisation: '赣州某某水泥有限公司技术中心', fields: ['能源审计'] }));
    await call('rsj', 'POST', '/experts', expertBody({ name: '郑工', available: false, fields: ['能源审计'] }));
    const list = (await call('gxj', 'GET', `/experts?forEnterpriseId=${ids.cement}`)).json() as Json[];
    const firstConflict = list.findIndex((e) => (e.conflicts as string[]).length > 0);
    expect(firstConflict).toBeGreaterThan(0);
    expect(list.slice(firstConflict).every((e) => (e.conflicts as string[]).length > 0)).toBe(true);
    expect(list.find((e) => e.name === '吴工')!.conflicts).toEqual(['organisation']);
    expect(list.find((e) => e.name === '郑工')!.conflicts).toEqual(['unavailable']);
    const audit = (await call('gxj', 'GET', '/experts?field=能源审计&available=true')).json() as Json[];
    expect(audit.map((e) => e.name)).toEqual(['吴工']);
  });

  it('training: inspectors record at their own events, counties for their own people; energy managers status', async () => {
    const own = (await call('rsj', 'POST', '/training-events', { title: '节能监察业务培训', audience: 'mixed', startsOn: '2026-05-10', hours: 8, location: '赣州市行政中心', organiserDepartmentId: ids.gxj })).json() as Json;
    const other = (await call('rsj', 'POST', '/training-events', { title: '能源管理负责人培训（2024）', audience: 'energy-managers', startsOn: '2024-06-01', hours: 16, organiserDepartmentId: ids.rsj })).json() as Json;
    expect((await call('county', 'POST', '/training-events', { title: 'x', audience: 'mixed', startsOn: '2026-05-10', hours: 1 })).statusCode).toBe(403);

    expect((await call('gxj', 'POST', `/training-events/${own.id}/attendance`, { enterpriseId: ids.cement, name: '张三', attended: true, certificateNo: 'GZ2026-001' })).statusCode).toBe(201);
    expect((await call('gxj', 'POST', `/training-events/${other.id}/attendance`, { enterpriseId: ids.steel, name: '李四', attended: true })).statusCode).toBe(403);
    expect((await call('county', 'POST', `/training-events/${other.id}/attendance`, { enterpriseId: ids.steel, name: '李四', attended: true })).statusCode).toBe(201);
    expect((await call('county', 'POST', `/training-events/${other.id}/attendance`, { enterpriseId: ids.xinfeng, name: '王五', attended: true })).statusCode).toBe(403);
    const bad = await call('county', 'POST', `/training-events/${other.id}/attendance`, { enterpriseId: ids.steel, attended: true });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('#/name');

    const rows = (await call('rsj', 'GET', '/energy-managers?year=2026')).json() as Json[];
    const status = Object.fromEntries(rows.map((r) => [r.enterpriseName, r.status]));
    expect(status).toMatchObject({ 赣州某某水泥有限公司: 'this-year', 赣州某某钢铁有限公司: 'earlier', 章贡某某纸业有限公司: 'no-manager', 信丰某某陶瓷有限公司: 'never' });
    expect(rows[0]!.status).toBe('no-manager');
    expect(rows.find((r) => r.enterpriseId === ids.cement)!.managerPhone).toBe('13800000001');
    const county = (await call('county', 'GET', '/energy-managers?year=2026&status=earlier')).json() as Json[];
    expect(county.map((r) => r.enterpriseName)).toEqual(['赣州某某钢铁有限公司']);
    expect(county[0]!.managerPhone).toBeNull();
  });

  it('imports attendance from .xlsx all or nothing, errors by row and column', async () => {
    const event = (await call('rsj', 'POST', '/training-events', { title: '能源管理负责人培训（导入）', audience: 'energy-managers', startsOn: '2026-09-01', hours: 8 })).json() as Json;
    const template = await call('county', 'GET', '/training-events/attendance-template.xlsx');
    expect(template.statusCode).toBe(200);
    const upload = async (who: string, rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('参训名单');
      ws.addRow(['姓名', '用户名', '统一社会信用代码', '是否出席', '证书编号']);
      rows.forEach((r) => ws.addRow(r));
      const payload = Buffer.from(await wb.xlsx.writeBuffer());
      return t.app.inject(as(cookies[who]!, { method: 'POST', url: `/api/supervision/training-events/${event.id}/attendance/import`, payload, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }));
    };
    const usccOf = async (id: number) => ((await t.app.inject(as(cookies.rsj!, { method: 'GET', url: `/api/org/enterprises/${id}` }))).json() as Json).uscc as string;
    const [steel, xinfeng] = [await usccOf(ids.steel), await usccOf(ids.xinfeng)];
    const bad = await upload('county', [
      ['李四', '', steel, '是', 'GZ-IMP-1'],
      ['王五', '', xinfeng, '是', ''],
      ['', '', steel, '也许', ''],
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { sheet: '参训名单', row: 3, field: '统一社会信用代码', detail: '只能登记本县（市、区）人员的参训情况' },
      { sheet: '参训名单', row: 4, field: '是否出席', detail: '“也许”应为“是”或“否”' },
      { sheet: '参训名单', row: 4, field: '姓名', detail: '请填写企业参训人员姓名' },
    ]);
    expect(((await call('rsj', 'GET', `/training-events/${event.id}`)).json() as Json).attendance).toEqual([]);
    const good = await upload('county', [['李四', '', steel, '是', 'GZ-IMP-1'], ['赵六', '', steel, '否', '']]);
    expect(good.json()).toEqual({ imported: 2 });
    const rows = ((await call('rsj', 'GET', `/training-events/${event.id}`)).json() as Json).attendance as Json[];
    expect(rows.map((r) => [r.name, r.attended, r.certificateNo])).toEqual([['李四', true, 'GZ-IMP-1'], ['赵六', false, null]]);
  });

  it('an enterprise sees only its own energy manager record, without the phone', async () => {
    const list = (await call('cement', 'GET', '/energy-managers?year=2026')).json() as Json[];
    expect(list.map((r) => r.enterpriseId)).toEqual([ids.cement]);
    const own = await call('cement', 'GET', `/energy-managers/${ids.cement}`);
    expect(own.json()).toMatchObject({ manager: '张三', managerPhone: null, trainings: [{ title: '节能监察业务培训', certificateNo: 'GZ2026-001' }] });
    expect((await call('cement', 'GET', `/energy-managers/${ids.steel}`)).statusCode).toBe(404);
    expect((await call('cement', 'GET', '/experts')).statusCode).toBe(403);
    expect((await call('cement', 'GET', '/energy-managers.xlsx')).statusCode).toBe(403);
  });

  it('exports the energy managers list to .xlsx, units without a manager first', async () => {
    const res = await call('rsj', 'GET', '/energy-managers.xlsx?year=2026');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toContain('能源管理负责人');
    expect(ws.getCell(5, 3).value).toBe('章贡某某纸业有限公司');
    expect(ws.getCell(5, 8).value).toBe('未设负责人');
  });
});

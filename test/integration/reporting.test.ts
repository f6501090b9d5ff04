import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { indicator, task } from '../../src/db/schema/index';
import { departmentId, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

describeEachDb('progress reporting: submit → return → resubmit → approve → correct', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let cod: number; // I03 化学需氧量重点工程减排量, owned by 市生态环境局
  let task211: number; // 2.1.1, led by 市工信局
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    cod = (await db.select({ id: indicator.id }).from(indicator).where(eq(indicator.code, 'I03')))[0]!.id;
    task211 = (await db.select({ id: task.id }).from(task).where(eq(task.code, '2.1.1')))[0]!.id;
    const users = {
      eco: await makeUser(db, 'department', { departmentId: await departmentId(db, '市生态环境局') }),
      miit: await makeUser(db, 'department', { departmentId: await departmentId(db, '市工信局') }),
      water: await makeUser(db, 'department', { departmentId: await departmentId(db, '市水利局') }),
      agri: await makeUser(db, 'department', { departmentId: await departmentId(db, '市农业农村局') }),
      zhanggong: await makeUser(db, 'county', { regionCode: '360702' }),
      nankang: await makeUser(db, 'county', { regionCode: '360703' }),
      steering: await makeUser(db, 'steering'),
    };
    for (const [k, u] of Object.entries(users)) cookies[k] = await loginAs(t.app, u.username);
  });
  afterAll(() => t.close());

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject(as(cookies[who]!, { method, url, ...(payload ? { payload } : {}) }));
  const submitCod = (who: string, extra: object = {}) =>
    call(who, 'POST', '/api/reporting/reports', { indicatorId: cod, periodKey: '2024', regionCode: '360700', value: 8100, narrative: '2024 年累计', ...extra });

  it('checks what a report must carry, saying which field is wrong', async () => {
    expect((await submitCod('eco', { value: null })).json()).toMatchObject({ status: 400, errors: [{ pointer: '#/value' }] });
    expect((await submitCod('eco', { periodKey: '2024-Q1' })).json()).toMatchObject({ status: 400, errors: [{ pointer: '#/periodKey' }] });
    expect((await submitCod('eco', { periodKey: '2019' })).json()).toMatchObject({ status: 400, errors: [{ pointer: '#/periodKey' }] });
    expect((await submitCod('eco', { periodKey: '2024-Q9' })).json()).toMatchObject({ status: 400, code: 'validation' });
    expect((await submitCod('water')).statusCode).toBe(403); // not an owner of I03
    expect((await submitCod('eco', { regionCode: '360702' })).statusCode).toBe(403); // a department reports city-wide figures
  });

  it('runs the whole review cycle and keeps every revision and step', async () => {
    const first = await submitCod('eco');
    expect(first.statusCode).toBe(201);
    const id1 = first.json().id;
    expect(first.json()).toMatchObject({ revision: 1, status: 'submitted', value: 8100 });

    expect((await call('eco', 'POST', `/api/reporting/reports/${id1}/approve`, {})).statusCode).toBe(403); // never one's own
    expect((await call('steering', 'POST', `/api/reporting/reports/${id1}/return`, { comment: '' })).json()).toMatchObject({ status: 400, errors: [{ pointer: '#/comment' }] });
    expect((await call('steering', 'POST', `/api/reporting/reports/${id1}/return`, { comment: '请附核算表' })).json().status).toBe('returned');

    const second = await submitCod('eco', { value: 8150, narrative: '已附核算表' });
    expect(second.json()).toMatchObject({ revision: 2, status: 'submitted' });
    expect((await submitCod('eco')).json()).toMatchObject({ status: 409, code: 'conflict' }); // one pending revision at a time
    const id2 = second.json().id;
    expect((await call('steering', 'POST', `/api/reporting/reports/${id2}/approve`, {})).json().status).toBe('approved');

    expect((await submitCod('eco', { value: 8200 })).json()).toMatchObject({ status: 409 }); // locked
    const correction = await submitCod('eco', { value: 8200, correctionReason: '统计局年报修订' });
    expect(correction.json()).toMatchObject({ revision: 3, status: 'submitted', correctionReason: '统计局年报修订' });
    const id3 = correction.json().id;
    await call('steering', 'POST', `/api/reporting/reports/${id3}/approve`, { comment: '同意更正' });

    const thread = (await call('eco', 'GET', `/api/reporting/reports/${id3}`)).json();
    expect(thread.revisions.map((r: { revision: number; status: string; value: number }) => [r.revision, r.status, r.value])).toEqual([
      [1, 'returned', 8100],
      [2, 'superseded', 8150],
      [3, 'approved', 8200],
    ]);
    expect(thread.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'return', 'submit', 'approve', 'correct', 'approve']);
    expect(thread.history[1].comment).toBe('请附核算表');
  });

  it('a county reports its own tasks only, and no one outside the scope sees them', async () => {
    const body = { taskId: task211, periodKey: '2025-Q1', regionCode: '360702', taskStatus: 'on-track', percentComplete: 30, narrative: '技改项目 3 个' };
    const ok = await call('zhanggong', 'POST', '/api/reporting/reports', body);
    expect(ok.statusCode).toBe(201);
    const id = ok.json().id;
    expect((await call('nankang', 'POST', '/api/reporting/reports', body)).statusCode).toBe(403);
    expect((await call('nankang', 'GET', `/api/reporting/reports/${id}`)).statusCode).toBe(404);
    expect((await call('agri', 'GET', `/api/reporting/reports/${id}`)).statusCode).toBe(404); // not involved in 2.1
    expect((await call('water', 'GET', `/api/reporting/reports/${id}`)).statusCode).toBe(200); // cooperates on 2.1
    expect((await call('miit', 'GET', `/api/reporting/reports/${id}`)).statusCode).toBe(200);
    expect((await call('nankang', 'GET', '/api/reporting/reports')).json()).toEqual([]);
    expect((await call('zhanggong', 'GET', '/api/reporting/reports')).json().map((r: { regionCode: string }) => r.regionCode)).toEqual(['360702']);
    // The task's lead department reviews the county's report.
    expect((await call('eco', 'POST', `/api/reporting/reports/${id}/approve`, {})).statusCode).toBe(403);
    expect((await call('miit', 'POST', `/api/reporting/reports/${id}/approve`, {})).json().status).toBe('approved');
    const bad = await call('zhanggong', 'POST', '/api/reporting/reports', { ...body, periodKey: '2025-Q2', taskStatus: 'completed', percentComplete: 80 });
    expect(bad.json()).toMatchObject({ status: 400, errors: [{ pointer: '#/percentComplete' }] });
  });

  it('shows each user the calendar of what they owe, with what is in and what is late', async () => {
    const county = (await call('zhanggong', 'GET', '/api/reporting/calendar?plan=ganzhou-14fyp-ecer&year=2025')).json();
    expect(county.entries.filter((e: { kind: string }) => e.kind === 'task')).toHaveLength(116);
    const e211 = county.entries.find((e: { code: string }) => e.code === '2.1.1');
    expect(e211.periods.map((p: { key: string; state: string }) => [p.key, p.state])).toEqual([
      ['2025-Q1', 'submitted'],
      ['2025-Q2', 'overdue'],
      ['2025-Q3', 'overdue'],
      ['2025-Q4', 'overdue'],
    ]);
    const eco = (await call('eco', 'GET', '/api/reporting/calendar?plan=ganzhou-14fyp-ecer&year=2024')).json();
    const i03 = eco.entries.find((e: { code: string }) => e.code === 'I03');
    expect(i03).toMatchObject({ frequency: 'annual', periods: [{ key: '2024', due: '2025-01-31', state: 'submitted', status: 'approved' }] });
    expect((await call('eco', 'GET', '/api/reporting/calendar?plan=ganzhou-14fyp-ecer&year=2030')).statusCode).toBe(400);
  });

  it('cascades a city target to counties and says by how much the shares miss it', async () => {
    const put = (who: string, shares: object[]) => t.app.inject(as(cookies[who]!, { method: 'PUT', url: `/api/reporting/allocations/${cod}`, payload: { shares } }));
    const short = (await put('steering', [{ regionCode: '360702', target: 7000 }, { regionCode: '360703', target: 6000 }])).json();
    expect(short.check).toEqual({ additive: true, sum: 13000, cityTarget: 13451, gap: 451, isCovered: false });
    const full = (await put('steering', [{ regionCode: '360702', target: 7000 }, { regionCode: '360703', target: 6451 }])).json();
    expect(full.check).toMatchObject({ gap: 0, isCovered: true });
    expect((await put('steering', [{ regionCode: '360700', target: 1 }])).json()).toMatchObject({ status: 400, errors: [{ pointer: '#/shares/0/regionCode' }] });
    expect((await put('steering', [{ regionCode: '360702', target: 1 }, { regionCode: '360702', target: 2 }])).json()).toMatchObject({ status: 400 });
    const county = (await call('zhanggong', 'GET', `/api/reporting/allocations/${cod}`)).json();
    expect(county).toMatchObject({ shares: [{ regionCode: '360702', target: 7000 }], check: null });
    expect((await call('steering', 'GET', `/api/reporting/allocations/${cod}`)).json().shares).toHaveLength(2);
  });

  it('shows the city overview: status by the one rule, and who is late', async () => {
    const o = (await call('steering', 'GET', '/api/reporting/overview?plan=ganzhou-14fyp-ecer&year=2024')).json();
    const i03 = o.indicators.find((x: { code: string }) => x.code === 'I03');
    // 8200 t of 13451 t after 4 of 5 years: completion 0.6096 < 0.8 × 0.8 → off track.
    expect(i03).toMatchObject({ latest: { periodKey: '2024', t: 4, value: 8200 }, status: 'off-track', expectedCompletion: 0.8 });
    expect(i03.expected).toBeCloseTo(10760.8, 6);
    expect(i03.completion).toBeCloseTo(8200 / 13451, 6);
    expect(o.indicators.find((x: { code: string }) => x.code === 'I01').status).toBe('unknown');
    const late = o.lateReporters.map((r: { name: string }) => r.name);
    expect(late).toEqual(expect.arrayContaining(['章贡区', '南康区', '市工信局']));
    expect((await call('zhanggong', 'GET', '/api/reporting/overview?plan=ganzhou-14fyp-ecer&year=2024')).statusCode).toBe(403);
  });

  it('lets a county report its share of an allocated indicator, and judges it against that share', async () => {
    const i01 = (await t.database.db.select({ id: indicator.id }).from(indicator).where(eq(indicator.code, 'I01')))[0]!.id;
    const notAllocated = await call('zhanggong', 'POST', '/api/reporting/reports', { indicatorId: i01, periodKey: '2024', regionCode: '360702', value: 10 });
    expect(notAllocated.json()).toMatchObject({ status: 400, errors: [{ pointer: '#/regionCode' }] });
    expect(notAllocated.json().detail).toContain('未分解');
    const own = await call('zhanggong', 'POST', '/api/reporting/reports', { indicatorId: cod, periodKey: '2024', regionCode: '360702', value: 5000 });
    expect(own.statusCode).toBe(201);
    expect((await call('eco', 'POST', `/api/reporting/reports/${own.json().id}/approve`, {})).json().status).toBe('approved');

    const url = '/api/reporting/overview?plan=ganzhou-14fyp-ecer&year=2024&region=360702';
    const county = (await call('zhanggong', 'GET', url)).json();
    // 5000 t of its 7000 t share after 4 of 5 years: completion 0.714 < 0.8 but ≥ 0.8 × 0.8 → at risk.
    expect(county.indicators).toHaveLength(1);
    expect(county.indicators[0]).toMatchObject({ code: 'I03', target: 7000, stretch: null, latest: { value: 5000 }, status: 'at-risk' });
    expect(county.indicators[0].expected).toBeCloseTo(5600, 6);
    expect(county.tasks.length).toBe(116);
    expect(county.lateReporters.every((l: { key: string }) => l.key === 'region:360702')).toBe(true);
    expect((await call('nankang', 'GET', url)).statusCode).toBe(403);
    expect((await call('eco', 'GET', url)).statusCode).toBe(200);

    const map = (await call('steering', 'GET', '/api/reporting/region-map?plan=ganzhou-14fyp-ecer&year=2024')).json();
    expect(map.regions).toHaveLength(20);
    expect(map.regions.find((r: { regionCode: string }) => r.regionCode === '360702')).toMatchObject({ indicators: 1, assessed: 1, onTrack: 0, share: 0 });
    expect(map.regions.find((r: { regionCode: string }) => r.regionCode === '360703')).toMatchObject({ indicators: 1, assessed: 0, share: null });
    expect((await call('zhanggong', 'GET', '/api/reporting/region-map?plan=ganzhou-14fyp-ecer&year=2024')).statusCode).toBe(403);
  });

  it("shows a department its own items, and not another department's page", async () => {
    const ecoId = await departmentId(t.database.db, '市生态环境局');
    const miitId = await departmentId(t.database.db, '市工信局');
    const mine = (await call('eco', 'GET', `/api/reporting/overview?plan=ganzhou-14fyp-ecer&year=2024&department=${ecoId}`)).json();
    expect(mine.indicators.map((x: { code: string }) => x.code)).toContain('I03');
    expect(mine.indicators.every((x: { code: string }) => x.code !== 'I01')).toBe(true); // 市发改委's
    expect(mine.tasks.every((x: { regionCode: string }) => x.regionCode === '360700')).toBe(true);
    expect((await call('eco', 'GET', `/api/reporting/overview?plan=ganzhou-14fyp-ecer&year=2024&department=${miitId}`)).statusCode).toBe(403);
    const miit = (await call('steering', 'GET', `/api/reporting/overview?plan=ganzhou-14fyp-ecer&year=2025&department=${miitId}`)).json();
    expect(miit.tasks.find((x: { code: string }) => x.code === '2.1.1')).toBeTruthy();
  });

  it('gives each user a secret calendar address a calendar app can subscribe to, and takes it back', async () => {
    const { token } = (await call('zhanggong', 'POST', '/api/reporting/calendar/feed')).json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const feed = () => t.app.inject({ method: 'GET', url: `/api/reporting/calendar/feed/${token}?plan=ganzhou-14fyp-ecer` }); // no cookie
    const ok = await feed();
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toContain('text/calendar');
    expect(ok.body).toContain('BEGIN:VEVENT');
    const again = (await call('zhanggong', 'POST', '/api/reporting/calendar/feed')).json();
    expect((await feed()).statusCode).toBe(404); // replaced
    await t.app.inject(as(cookies.zhanggong!, { method: 'DELETE', url: '/api/reporting/calendar/feed' }));
    expect((await t.app.inject({ method: 'GET', url: `/api/reporting/calendar/feed/${again.token}?plan=ganzhou-14fyp-ecer` })).statusCode).toBe(404);
  });

  it('exports the calendar as iCalendar', async () => {
    const res = await call('zhanggong', 'GET', '/api/reporting/calendar.ics?plan=ganzhou-14fyp-ecer&year=2025');
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    // Every task quarter but 2.1.1 Q1 (in), and 2025 of I03, whose share 章贡区 was allocated above.
    expect(res.body.match(/BEGIN:VEVENT/g)).toHaveLength(116 * 4 - 1 + 1);
    expect(res.body).toContain('报送截止：I03 2025');
  });

  it('imports a filled Excel template all or nothing, naming sheet, row and column of each error', async () => {
    const tpl = await call('zhanggong', 'GET', '/api/reporting/template.xlsx?plan=ganzhou-14fyp-ecer&year=2025');
    expect(tpl.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer); // exceljs types predate the generic Buffer
    const ws = wb.getWorksheet('任务')!;
    expect(ws.getRow(1).values).toEqual([undefined, '编号', '任务', '地区代码', '地区', '期间', '状态', '完成百分比', '进展说明']);
    expect(ws.rowCount - 1).toBe(116 * 4 - 1); // every open quarter of every task, less the one already in
    expect(ws.getCell('F2').dataValidation).toMatchObject({ type: 'list' });
    ws.getCell('F2').value = '正常推进';
    ws.getCell('G2').value = 30;
    ws.getCell('F3').value = '差不多';
    ws.getCell('G3').value = 50;
    ws.getCell('F4').value = '滞后';
    ws.getCell('G4').value = 150;
    const upload = async () =>
      t.app.inject(as(cookies.zhanggong!, {
        method: 'POST',
        url: '/api/reporting/import?plan=ganzhou-14fyp-ecer',
        payload: Buffer.from(await wb.xlsx.writeBuffer()),
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      }));
    const before = (await call('zhanggong', 'GET', '/api/reporting/reports')).json().length;
    const bad = await upload();
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { sheet: '任务', row: 3, field: '状态', detail: '须选择任务状态' },
      { sheet: '任务', row: 4, field: '完成百分比', detail: '完成百分比须为 0–100 的整数' },
    ]);
    expect((await call('zhanggong', 'GET', '/api/reporting/reports')).json()).toHaveLength(before);
    // Rows left unfilled are not reports; fix the two and the import goes through.
    ws.getCell('F3').value = '正常推进';
    ws.getCell('G4').value = 15;
    const ok = await upload();
    expect(ok.statusCode).toBe(201);
    expect(ok.json().imported).toBe(3);
    expect((await call('zhanggong', 'GET', '/api/reporting/reports')).json()).toHaveLength(before + 3);
    const garbage = await t.app.inject(as(cookies.zhanggong!, { method: 'POST', url: '/api/reporting/import?plan=ganzhou-14fyp-ecer', payload: Buffer.from('PK-not-xlsx'), headers: { 'content-type': 'application/octet-stream' } }));
    expect(garbage.json()).toMatchObject({ status: 400, errors: [{ detail: '文件不是有效的 Excel (.xlsx) 工作簿' }] });
  });

  it('keeps evidence by content: type from the bytes, stored once, shown only to those who see the report', async () => {
    const [t212] = await t.database.db.select({ id: task.id }).from(task).where(eq(task.code, '2.1.2'));
    const body = { taskId: t212!.id, periodKey: '2025-Q3', regionCode: '360702', taskStatus: 'on-track', percentComplete: 60 };
    const id = (await call('zhanggong', 'POST', '/api/reporting/reports', body)).json().id;
    const upload = (who: string, name: string, bytes: Buffer, contentType = 'application/octet-stream') =>
      t.app.inject(as(cookies[who]!, { method: 'POST', url: `/api/reporting/reports/${id}/attachments?fileName=${encodeURIComponent(name)}`, payload: bytes, headers: { 'content-type': contentType } }));
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF');
    const first = await upload('zhanggong', '../../技改验收报告.pdf', pdf);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ fileName: '技改验收报告.pdf', mediaType: 'application/pdf', size: pdf.length });
    expect((await upload('zhanggong', '副本.pdf', pdf, 'application/pdf')).json().sha256).toBe(first.json().sha256);
    const exe = await upload('zhanggong', '伪装.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect(exe.json()).toMatchObject({ status: 415, code: 'unsupported-media-type' });
    expect((await upload('nankang', 'x.pdf', pdf)).statusCode).toBe(404); // another county does not even see the report
    expect((await upload('miit', 'x.pdf', pdf)).statusCode).toBe(403); // sees it, but did not submit it
    const list = (await call('miit', 'GET', `/api/reporting/reports/${id}/attachments`)).json();
    // The same bytes attached twice are one attachment (under the latest name), stored once.
    expect(list.map((a: { fileName: string }) => a.fileName)).toEqual(['副本.pdf']);
    const download = await call('miit', 'GET', `/api/reporting/reports/${id}/attachments/${first.json().sha256}`);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('副本.pdf')}`);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await call('nankang', 'GET', `/api/reporting/reports/${id}/attachments/${first.json().sha256}`)).statusCode).toBe(404);
    await call('miit', 'POST', `/api/reporting/reports/${id}/approve`, {});
    expect((await upload('zhanggong', '迟到.pdf', pdf)).statusCode).toBe(409); // evidence goes with a pending submission
  });

  it('lets the steering office change an item\'s cadence; the calendar follows', async () => {
    const put = (who: string, body: object) => t.app.inject(as(cookies[who]!, { method: 'PUT', url: '/api/reporting/rules', payload: body }));
    expect((await put('eco', { indicatorId: cod, frequency: 'half-yearly', dueDays: 15 })).statusCode).toBe(403);
    expect((await put('steering', { indicatorId: cod, frequency: 'weekly', dueDays: 15 })).json()).toMatchObject({ status: 400, errors: [{ pointer: '#/frequency' }] });
    expect((await put('steering', { indicatorId: cod, frequency: 'half-yearly', dueDays: 15 })).json()).toEqual({ code: 'I03', frequency: 'half-yearly', dueDays: 15 });
    const cal = (await call('eco', 'GET', '/api/reporting/calendar?plan=ganzhou-14fyp-ecer&year=2025')).json();
    const i03 = cal.entries.find((e: { code: string }) => e.code === 'I03');
    expect(i03.periods.map((p: { key: string; due: string }) => [p.key, p.due])).toEqual([
      ['2025-H1', '2025-07-15'],
      ['2025-H2', '2026-01-15'],
    ]);
    await put('steering', { indicatorId: cod, frequency: 'annual', dueDays: 31 }); // back to the default for the tests after
  });
});

import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { department, reductionLedger } from '../../src/db/schema/index';
import { storeRecords } from '../../src/modules/monitoring/ingest.service';
import { makeUscc, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

// reduction.md §7 example 1, in 2025 (365 d): 18 000 m³/d, COD 180→30 mg/L, NH3-N 22→1.5 mg/L.
const W1_2025 = { q_p_m3: 18_000 * 365, cin_p_mg_l: { COD: 180, 'NH3-N': 22 }, cout_p_mg_l: { COD: 30, 'NH3-N': 1.5 }, q0_m3_d: 0 };
const W1_EVIDENCE = ['acceptance', 'online-monitoring', 'permit-report'];

describeEachDb('reduction dispatch: a county registers and dispatches, the bureau verifies, only verified tonnes count', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const uscc = makeUscc();
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    const [other] = await db.select({ id: department.id }).from(department).where(eq(department.name, '市发改委'));
    const users = {
      steering: await makeUser(db, 'steering'),
      bureau: await makeUser(db, 'department'),
      xinfeng: await makeUser(db, 'county', { regionCode: '360722' }),
      nankang: await makeUser(db, 'county', { regionCode: '360703' }),
      enterprise: await makeUser(db, 'enterprise'),
      ...(other ? { otherDept: await makeUser(db, 'department', { departmentId: other.id }) } : {}),
    };
    for (const [k, u] of Object.entries(users)) cookies[k] = await loginAs(t.app, u.username);
  });
  afterAll(() => t.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject(as(cookies[who]!, { method, url, ...(payload ? { payload } : {}) }));
  const plant = (o: object = {}) => ({
    name: '信丰县城北污水处理厂新建工程',
    regionCode: '360722',
    measureType: 'sewage-plant',
    pollutants: ['COD', 'NH3-N'],
    facilityName: '信丰县城北污水处理厂',
    uscc,
    outlet: 'DW001',
    params: W1_2025,
    planned_t: { COD: 985.5, 'NH3-N': 134.685 },
    ...o,
  });
  const dispatch = (o: object = {}) => ({ month: '2025-12', status: 'operating', dates: { eventDate: '2023-06-20' }, progressNote: '稳定运行', progressPct: 100, ...o });
  const upload = (who: string, id: number, kindOf: string) =>
    t.app.inject(
      as(cookies[who]!, {
        method: 'POST',
        url: `/api/reduction/projects/${id}/evidence?kind=${kindOf}&fileName=${encodeURIComponent(`${kindOf}.pdf`)}`,
        payload: Buffer.from(`%PDF-1.7 ${id} ${kindOf}`),
        headers: { 'content-type': 'application/octet-stream' },
      }),
    );
  const progress = async (who = 'steering') => (await call(who, 'GET', '/api/reduction/progress?year=2025')).json();
  type Figure = { pollutant: string; verified_t: number; pending_t: number; completion: number | null };
  const cod = (p: { pollutants: Figure[] }) => p.pollutants.find((x) => x.pollutant === 'COD')!;

  let projectId = 0;

  it('keeps a draft to its county, then shows the registered project to the city and the bureau, never to another county', async () => {
    expect((await call('xinfeng', 'GET', '/api/reduction/projects')).statusCode).toBe(200);
    const created = await call('xinfeng', 'POST', '/api/reduction/projects', plant());
    expect(created.statusCode).toBe(201);
    const p = created.json();
    projectId = p.id;
    expect(p).toMatchObject({ code: 'JP-360722-0001', method: 'W1', registered: false, status: 'planned', missingEvidence: W1_EVIDENCE });
    for (const who of ['steering', 'bureau', 'nankang']) expect((await call(who, 'GET', `/api/reduction/projects/${p.id}`)).statusCode, who).toBe(404);
    expect((await call('steering', 'GET', '/api/reduction/projects')).json()).toEqual([]);
    expect((await call('nankang', 'POST', `/api/reduction/projects/${p.id}/register`)).statusCode).toBe(404);

    expect((await call('xinfeng', 'POST', `/api/reduction/projects/${p.id}/register`)).json()).toMatchObject({ registered: true });
    expect((await call('xinfeng', 'POST', `/api/reduction/projects/${p.id}/register`)).statusCode).toBe(409);
    expect((await call('steering', 'GET', `/api/reduction/projects/${p.id}`)).json().project.code).toBe('JP-360722-0001');
    expect((await call('bureau', 'GET', '/api/reduction/projects?pollutant=COD&q=城北')).json()).toHaveLength(1);
    expect((await call('bureau', 'GET', '/api/reduction/projects?pollutant=NOx')).json()).toHaveLength(0);
    expect((await call('nankang', 'GET', `/api/reduction/projects/${p.id}`)).statusCode).toBe(404);
    expect((await call('nankang', 'GET', '/api/reduction/projects')).json()).toEqual([]);
    expect((await call('nankang', 'GET', '/api/reduction/projects?regionCode=360722')).statusCode).toBe(403);
    expect((await call('enterprise', 'GET', '/api/reduction/projects')).statusCode).toBe(403);
  });

  it('names the field of bad input, in Chinese, and stores nothing', async () => {
    const bad = async (body: object, pointer: string, chinese = true) => {
      const res = await call('xinfeng', 'POST', '/api/reduction/projects', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0].pointer).toBe(pointer);
      if (chinese) expect(res.json().detail).toMatch(/[\u4e00-\u9fff]/);
    };
    await bad(plant({ params: { ...W1_2025, cout_p_mg_l: undefined } }), '#/params/cout_p_mg_l');
    await bad(plant({ pollutants: ['NOx'] }), '#/pollutants/0');
    await bad(plant({ uscc: '91360700MA0000000X' }), '#/uscc');
    await bad(plant({ planned_t: { VOCs: 1 } }), '#/planned_t/VOCs');
    await bad(plant({ measureType: 'fountain' }), '#/measureType', false); // the route schema's own message
    expect((await call('xinfeng', 'POST', '/api/reduction/projects', plant({ regionCode: '360703' }))).statusCode).toBe(403);
    const bodyBad = await call('xinfeng', 'POST', `/api/reduction/projects/${projectId}/dispatches`, dispatch({ params: { q_p_m3: -1 }, claimed_t: { NOx: 1 } }));
    expect(bodyBad.json().errors[0].pointer).toBe('#/claimed_t/NOx');
    expect((await call('xinfeng', 'POST', `/api/reduction/projects/${projectId}/dispatches`, dispatch({ month: '2025-13' }))).json().errors[0].pointer).toBe('#/month');
    expect((await call('xinfeng', 'GET', '/api/reduction/projects')).json()).toHaveLength(1);
    expect((await call('xinfeng', 'GET', `/api/reduction/projects/${projectId}`)).json().dispatches).toEqual([]);
  });

  it('previews the accounting without saving: worked example 1 in 2025, and the reason when effluent exceeds influent', async () => {
    const ok = (await call('xinfeng', 'POST', '/api/reduction/preview', { project: plant(), dispatch: dispatch() })).json();
    expect(ok).toMatchObject({ year: 2025, method: 'W1', countedDays: 365, rejection: null });
    expect(ok.pollutants.map((x: { pollutant: string; countable_t: number }) => [x.pollutant, x.countable_t])).toEqual([
      ['COD', 985.5],
      ['NH3-N', 134.685],
    ]);
    const bad = (await call('xinfeng', 'POST', '/api/reduction/preview', { project: plant(), dispatch: dispatch({ params: { cout_p_mg_l: { COD: 200, 'NH3-N': 1.5 } } }) })).json();
    const codRow = bad.pollutants.find((x: { pollutant: string }) => x.pollutant === 'COD');
    expect(codRow.rejection ?? bad.rejection).toMatchObject({ code: 'PARAMETER_OUT_OF_RANGE' });
    expect((await call('xinfeng', 'GET', `/api/reduction/projects/${projectId}`)).json().dispatches).toEqual([]);
  });

  it('dispatch → return (comment required) → fix → verify: only then do the totals move, and the ledger holds only verified figures', async () => {
    const first = await call('xinfeng', 'POST', `/api/reduction/projects/${projectId}/dispatches`, dispatch());
    expect(first.statusCode, first.body).toBe(201);
    // Operating without the method's evidence on file: C5 MISSING_EVIDENCE, shown to the county at once.
    expect(first.json().accounting.rejection).toMatchObject({ code: 'MISSING_EVIDENCE' });
    expect((await call('xinfeng', 'POST', `/api/reduction/projects/${projectId}/dispatches`, dispatch())).statusCode).toBe(409);
    expect((await call('xinfeng', 'POST', `/api/reduction/dispatches/${first.json().id}/review`, { action: 'approve' })).statusCode).toBe(403);
    if (cookies.otherDept) expect((await call('otherDept', 'POST', `/api/reduction/dispatches/${first.json().id}/review`, { action: 'approve' })).statusCode).toBe(403);
    expect((await call('bureau', 'GET', '/api/reduction/dispatches/awaiting')).json().map((r: { dispatch: { id: number } }) => r.dispatch.id)).toEqual([first.json().id]);
    const noComment = await call('bureau', 'POST', `/api/reduction/dispatches/${first.json().id}/review`, { action: 'return' });
    expect(noComment.json()).toMatchObject({ status: 400, errors: [{ pointer: '#/comment' }] });
    expect((await call('bureau', 'POST', `/api/reduction/dispatches/${first.json().id}/review`, { action: 'return', comment: '请上传验收、在线监测和执行报告' })).json().status).toBe('returned');

    for (const k of W1_EVIDENCE) expect((await upload('xinfeng', projectId, k)).statusCode).toBe(201);
    expect((await upload('nankang', projectId, 'acceptance')).statusCode).toBe(404);
    const fake = await t.app.inject(
      as(cookies.xinfeng!, { method: 'POST', url: `/api/reduction/projects/${projectId}/evidence?kind=other&fileName=x.pdf`, payload: Buffer.from('MZ not a pdf'), headers: { 'content-type': 'application/octet-stream' } }),
    );
    expect(fake.statusCode).toBe(415);

    const fixed = (await call('xinfeng', 'POST', `/api/reduction/projects/${projectId}/dispatches`, dispatch({ claimed_t: { COD: 985.5 } }))).json();
    expect(fixed).toMatchObject({ revision: 2, status: 'submitted', accounting: { rejection: null } });
    const before = await progress();
    expect(cod(before)).toMatchObject({ verified_t: 0, pending_t: 985.5 });
    expect(await t.database.db.select().from(reductionLedger)).toEqual([]);

    expect((await call('bureau', 'POST', `/api/reduction/dispatches/${fixed.id}/review`, { action: 'approve', comment: null })).json().status).toBe('approved');
    const after = await progress();
    expect(cod(after)).toMatchObject({ verified_t: 985.5, pending_t: 0 });
    expect(cod(after).completion).toBeCloseTo(985.5 / 13451, 10);
    expect(after.pollutants.find((x: { pollutant: string }) => x.pollutant === 'NH3-N').verified_t).toBe(134.685);
    const ledger = await t.database.db.select().from(reductionLedger);
    expect(ledger.map((r) => [r.pollutant, r.countableT, r.dispatchId])).toEqual(
      expect.arrayContaining([
        ['COD', 985.5, fixed.id],
        ['NH3-N', 134.685, fixed.id],
      ]),
    );
    expect(ledger).toHaveLength(2);

    const detail = (await call('xinfeng', 'GET', `/api/reduction/projects/${projectId}`)).json();
    expect(detail.project).toMatchObject({ status: 'verified', verified_t: { COD: 985.5, 'NH3-N': 134.685 }, verifiedYear: 2025, lastDispatchStatus: 'approved', missingEvidence: [] });
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'return', 'submit', 'approve']);
    expect(detail.history[1].comment).toBe('请上传验收、在线监测和执行报告');
    expect(detail.evidence).toHaveLength(3);
    const file = await call('steering', 'GET', `/api/reduction/projects/${projectId}/evidence/${detail.evidence[0].sha256}`);
    expect(file.body.startsWith('%PDF-')).toBe(true);
    expect((await call('nankang', 'GET', `/api/reduction/projects/${projectId}/evidence/${detail.evidence[0].sha256}`)).statusCode).toBe(404);
  });

  it('never lets the submitter verify: the city files a month, another reviewer approves it', async () => {
    const byCity = (await call('steering', 'POST', `/api/reduction/projects/${projectId}/dispatches`, dispatch({ month: '2025-11', dates: { eventDate: '2023-06-20' } }))).json();
    expect((await call('steering', 'POST', `/api/reduction/dispatches/${byCity.id}/review`, { action: 'approve' })).statusCode).toBe(403);
    expect((await call('bureau', 'POST', `/api/reduction/dispatches/${byCity.id}/review`, { action: 'approve' })).json().status).toBe('approved');
    // An earlier month approved later does not replace the year's figure of a later approved month.
    const rows = await t.database.db.select().from(reductionLedger);
    expect(new Set(rows.map((r) => r.month))).toEqual(new Set(['2025-12']));
  });

  it('rejects the same outlet claimed by another county at approval (C1), and the totals do not move', async () => {
    const dup = (await call('nankang', 'POST', '/api/reduction/projects', plant({ name: '南康区重复申报', regionCode: '360703', planned_t: { COD: 500 } }))).json();
    expect(dup.code).toBe('JP-360703-0001');
    await call('nankang', 'POST', `/api/reduction/projects/${dup.id}/register`);
    for (const k of W1_EVIDENCE) await upload('nankang', dup.id, k);
    const d = (await call('nankang', 'POST', `/api/reduction/projects/${dup.id}/dispatches`, dispatch())).json();
    expect(['DUPLICATE_FACILITY_MEASURE', 'CROSS_REGION']).toContain(d.accounting.rejection?.code ?? d.accounting.pollutants[0].rejection?.code);
    const approved = (await call('steering', 'POST', `/api/reduction/dispatches/${d.id}/review`, { action: 'approve' })).json();
    const rejection = approved.accounting.rejection ?? approved.accounting.pollutants[0].rejection;
    expect(['DUPLICATE_FACILITY_MEASURE', 'CROSS_REGION']).toContain(rejection.code);
    expect(rejection.reason).toContain('JP-360722-0001');
    expect(cod(await progress())).toMatchObject({ verified_t: 985.5 });
    const nk = (await progress('nankang')).regions;
    expect(nk.map((r: { regionCode: string }) => r.regionCode)).toEqual(['360703']);
    expect(nk[0].pollutants.find((x: { pollutant: string }) => x.pollutant === 'COD').verified_t).toBe(0);
  });

  it('splits the COD target with reasons: the city sees the sum, the gap and a split by potential; a county only its share', async () => {
    const shares = [
      { regionCode: '360722', target: 1000, reason: '城北污水处理厂新建，治理任务较重' },
      { regionCode: '360703', target: 300, reason: '按减排潜力' },
    ];
    expect((await call('xinfeng', 'PUT', '/api/reduction/allocations/COD', { shares })).statusCode).toBe(403);
    expect((await call('steering', 'PUT', '/api/reduction/allocations/COD', { shares: [{ regionCode: '360700', target: 1 }] })).json().errors[0].pointer).toBe('#/shares/0/regionCode');
    const put = (await call('steering', 'PUT', '/api/reduction/allocations/COD', { shares })).json();
    const codAlloc = put.pollutants.find((x: { pollutant: string }) => x.pollutant === 'COD');
    expect(codAlloc).toMatchObject({ target: 13451, sum: 1300, gap: 12151, isCovered: false });
    expect(codAlloc.shares.find((s: { regionCode: string }) => s.regionCode === '360722')).toMatchObject({ target: 1000, reason: shares[0]!.reason, verified_t: 985.5, gap_t: 14.5 });
    // Potentials 985.5 (信丰) and 500 (南康) split 13 451 t by largest remainder to 0.01 t, adding up exactly.
    const suggested = codAlloc.suggested as Array<{ regionCode: string; potential_t: number; target: number }>;
    expect(suggested.map((s) => s.regionCode).sort()).toEqual(['360703', '360722']);
    expect(Math.round(suggested.reduce((s, x) => s + x.target, 0) * 100)).toBe(1345100);
    const county = (await call('xinfeng', 'GET', '/api/reduction/allocations')).json().pollutants.find((x: { pollutant: string }) => x.pollutant === 'COD');
    expect(county).toMatchObject({ sum: null, gap: null, isCovered: null, suggested: null, shares: [{ regionCode: '360722', target: 1000, verified_t: 985.5 }] });
    const region = (await progress()).regions.find((r: { regionCode: string }) => r.regionCode === '360722');
    expect(region.pollutants.find((x: { pollutant: string }) => x.pollutant === 'COD')).toMatchObject({ allocation: 1000, verified_t: 985.5, gap_t: 14.5, completion: 0.9855, level: 'yellow' });
  });

  it('lists the month per project with its dispatch and overdue flag, scoped to the county', async () => {
    const table = (await call('steering', 'GET', '/api/reduction/dispatch?month=2025-12')).json();
    expect(table.dueDate).toBe('2026-01-10');
    expect(table.rows.map((r: { project: { code: string } }) => r.project.code)).toEqual(['JP-360703-0001', 'JP-360722-0001']);
    expect(table.rows.every((r: { overdue: boolean }) => !r.overdue)).toBe(true);
    const idle = (await call('nankang', 'POST', '/api/reduction/projects', plant({ name: '南康区未调度工程', regionCode: '360703', outlet: 'DW002', planned_t: {} }))).json();
    await call('nankang', 'POST', `/api/reduction/projects/${idle.id}/register`);
    const oct = (await call('steering', 'GET', '/api/reduction/dispatch?month=2025-10')).json();
    // Verified projects are not chased; a registered project never dispatched is overdue for October (due 11-10).
    expect(oct.rows.map((r: { project: { code: string }; overdue: boolean }) => [r.project.code, r.overdue])).toEqual([
      ['JP-360703-0001', false],
      ['JP-360703-0002', true],
      ['JP-360722-0001', false],
    ]);
    expect((await progress()).regions.find((r: { regionCode: string }) => r.regionCode === '360703')).toMatchObject({ projects: 2, overdue: 1 }); // December, chased since 2026-01-10
    expect((await call('xinfeng', 'GET', '/api/reduction/dispatch?month=2025-12')).json().rows).toHaveLength(1);
    expect((await call('xinfeng', 'GET', '/api/reduction/dispatch?month=2025-12&regionCode=360703')).statusCode).toBe(403);
  });

  it('exports the month as the 调度表 layout and the bulletin as a PDF', async () => {
    const res = await call('steering', 'GET', '/api/reduction/dispatch.xlsx?month=2025-12');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('赣州市主要污染物重点减排工程调度表（2025年12月）'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('赣州市主要污染物重点减排工程调度表（2025年12月）');
    expect(String(ws.getCell('A2').value)).toMatch(/^填报单位：.*填报日期：\d{4}-\d{2}-\d{2}/);
    const header = [...Array(22).keys()].map((i) => String(ws.getCell(3, i + 1).value ?? ''));
    expect(header).toEqual(expect.arrayContaining(['序号', '县（市、区）', '项目编号', '项目名称', '工程类型', '企业（设施）名称', '统一社会信用代码', '排放口编号', '涉及污染物', '计划时间', '实际时间', '工程状态', '形象进度', '核算削减量（吨）', '核查状态', '备注']));
    expect([17, 18, 19, 20].map((c) => ws.getCell(4, c).value)).toEqual(['COD', '氨氮', '氮氧化物', '挥发性有机物']);
    const xinfeng = ws.getRow(7);
    expect([xinfeng.getCell(2).value, xinfeng.getCell(3).value, xinfeng.getCell(17).value, xinfeng.getCell(18).value, xinfeng.getCell(21).value]).toEqual(['信丰县', 'JP-360722-0001', 985.5, 134.685, '核查通过']);
    expect(ws.getRow(5).getCell(17).value).toBe(0); // the rejected duplicate counts 0, its reason in 备注
    expect(String(ws.getRow(5).getCell(22).value)).toContain('JP-360722-0001');
    expect(ws.getRow(6).getCell(21).value).toBe('逾期未报');
    expect(ws.getRow(8).getCell(1).value).toBe('合计');
    expect(ws.getRow(8).getCell(17).value).toBe(985.5);
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts.some((x) => x.startsWith('填表人'))).toBe(true);

    const pdf = await call('xinfeng', 'GET', '/api/reduction/bulletin.pdf?month=2025-12');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows the claimed concentrations next to the monitoring station (no station registered under the MN: nothing measured)', async () => {
    const p = (await call('xinfeng', 'POST', '/api/reduction/projects', plant({ name: '带在线监测的污水厂', outlet: 'DW009', stationMn: '88888880000001' }))).json();
    const detail = (await call('xinfeng', 'GET', `/api/reduction/projects/${p.id}`)).json();
    expect(detail.monitoring).toEqual({
      stationMn: '88888880000001',
      available: false,
      rows: [
        { pollutant: 'COD', claimedBefore: null, claimedAfter: 30, measuredBefore: null, measuredAfter: null, unit: 'mg/L', contradiction: false },
        { pollutant: 'NH3-N', claimedBefore: null, claimedAfter: 1.5, measuredBefore: null, measuredAfter: null, unit: 'mg/L', contradiction: false },
      ],
    });
    expect((await call('xinfeng', 'GET', `/api/reduction/projects/${projectId}`)).json().monitoring).toBeNull();
  });

  it('reads the station\'s day means before (2020) and after (latest month) and flags a contradiction', async () => {
    const mn = '88888880000002';
    const station = await call('xinfeng', 'POST', '/api/monitoring/stations', { mn, name: '城北污水厂总排口', regionCode: '360722', medium: 'water', st: '32', factors: [{ code: 'w01018', upper: 50 }, { code: 'w21003', upper: 5 }] });
    expect(station.statusCode, station.body).toBe(201);
    const day = (dataTime: string, cod: string, nh3n?: string) => ({
      stationId: station.json().id as number,
      mn,
      cn: '2031',
      qn: null,
      dataTime,
      backfill: true,
      factors: [{ code: 'w01018', avg: cod, other: {} }, ...(nh3n ? [{ code: 'w21003', avg: nh3n, other: {} }] : [])],
      receivedAt: new Date().toISOString(),
    });
    // COD: 2020 days 60 and 62 (before 61), 2025-11 days 27 and 29 (after 28, within 20 % of the claimed 30).
    // NH3-N: only 2025-11, 3 mg/L against the claimed 1.5: a contradiction.
    await storeRecords(t.database.db, [day('20200315000000', '60'), day('20200416000000', '62'), day('20251101000000', '27', '3'), day('20251102000000', '29', '3')], new Date());
    const p = (await call('xinfeng', 'POST', '/api/reduction/projects', plant({ name: '城北污水厂提标', outlet: 'DW002', stationMn: mn }))).json();
    expect((await call('xinfeng', 'GET', `/api/reduction/projects/${p.id}`)).json().monitoring).toEqual({
      stationMn: mn,
      available: true,
      rows: [
        { pollutant: 'COD', claimedBefore: null, claimedAfter: 30, measuredBefore: 61, measuredAfter: 28, unit: 'mg/L', contradiction: false },
        { pollutant: 'NH3-N', claimedBefore: null, claimedAfter: 1.5, measuredBefore: null, measuredAfter: 3, unit: 'mg/L', contradiction: true },
      ],
    });
  });
});

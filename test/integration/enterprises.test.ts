import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeEnterprise, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

describeEachDb('annual energy reports: the enterprise files, the county then the city review', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let ent: number;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    ent = (await makeEnterprise(db, { regionCode: '360702', name: '赣州测试水泥有限公司' })).id;
    const other = (await makeEnterprise(db, { regionCode: '360703' })).id;
    const users = {
      ent: await makeUser(db, 'enterprise', { enterpriseId: ent }),
      otherEnt: await makeUser(db, 'enterprise', { enterpriseId: other }),
      zhanggong: await makeUser(db, 'county', { regionCode: '360702' }),
      nankang: await makeUser(db, 'county', { regionCode: '360703' }),
      steering: await makeUser(db, 'steering'),
    };
    for (const [k, u] of Object.entries(users)) cookies[k] = await loginAs(t.app, u.username);
  });
  afterAll(() => t.close());

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject(as(cookies[who]!, { method, url, ...(payload ? { payload } : {}) }));
  const lines = (coal: number) => [
    { carrier: 'raw-coal', quantity: coal, unit: 't' },
    { carrier: 'electricity', quantity: 2000, unit: '万kWh' },
  ];
  const file = (who: string, body: object) => call(who, 'POST', `/api/enterprises/${ent}/reports`, body);
  const review = (who: string, id: number, action: 'approve' | 'return', comment?: string) => call(who, 'POST', `/api/enterprises/reports/${id}/${action}`, { comment: comment ?? null });

  it('converts a report to tce by both electricity methods and says which line is wrong', async () => {
    const bad = await file('ent', { year: 2023, lines: [{ carrier: 'electricity', quantity: 1, unit: 't' }] });
    expect(bad.json()).toMatchObject({ status: 400, errors: [{ pointer: '#/lines/0/unit' }] });
    expect((await file('otherEnt', { year: 2023, lines: lines(10_000) })).statusCode).toBe(404);
    const ok = await file('ent', { year: 2023, lines: lines(10_000), products: [{ product: '水泥熟料', output: 800_000, unit: 't', energyTce: 7_000 }] });
    expect(ok.statusCode).toBe(201);
    // 10 000 t × 0.7143 + 2 000 万kWh × 1.229 = 9 601 tce (当量); at 0.300 kgce/kWh: 7 143 + 6 000 = 13 143 tce (等价).
    expect(ok.json()).toMatchObject({ status: 'submitted', tceEquivalent: 9601, tceEquivalentInput: 13143, products: [{ unitConsumption: 0.00875 }] });
    expect(ok.json().lines[1]).toMatchObject({ name: '电力', tceEquivalent: 2458, tceEquivalentInput: 6000 });
  });

  it('is reviewed by the county, then the city, never out of turn or by another county', async () => {
    const [report] = (await call('ent', 'GET', `/api/enterprises/${ent}/reports`)).json();
    expect((await review('steering', report.id, 'approve')).json()).toMatchObject({ status: 409 });
    expect((await review('nankang', report.id, 'approve')).statusCode).toBe(404);
    expect((await review('ent', report.id, 'approve')).statusCode).toBe(403);
    const queue = async (who: string) => ((await call(who, 'GET', '/api/enterprises/reports/awaiting')).json() as Array<{ id: number; enterpriseName: string }>).map((r) => r.id);
    expect(await queue('zhanggong')).toEqual([report.id]); // awaiting its county
    expect(await queue('nankang')).toEqual([]);
    expect(await queue('steering')).toEqual([]);
    expect((await review('zhanggong', report.id, 'approve')).json().status).toBe('county-approved');
    expect(await queue('zhanggong')).toEqual([]);
    expect(await queue('steering')).toEqual([report.id]); // now awaiting the city
    expect((await review('steering', report.id, 'return', '')).json()).toMatchObject({ status: 400, errors: [{ pointer: '#/comment' }] });
    expect((await review('steering', report.id, 'approve')).json().status).toBe('approved');
    // 9 601 tce (当量值, the thresholds' method) is under 10 000 tce: not made a key unit by the approval.
    expect((await call('steering', 'GET', `/api/org/enterprises/${ent}`)).json()).toMatchObject({ keyUnitClass: null });
    const thread = (await call('zhanggong', 'GET', `/api/enterprises/reports/${report.id}`)).json();
    expect(thread.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'county-approve', 'approve']);
  });

  it('asks why the total moved more than 30 % from last year, and keeps corrections beside the original', async () => {
    expect((await file('ent', { year: 2024, lines: lines(16_000) })).json()).toMatchObject({ status: 400, errors: [{ pointer: '#/changeReason' }] });
    const y2024 = (await file('ent', { year: 2024, lines: lines(16_000), changeReason: '二号熟料线投产' })).json();
    expect(y2024.tceEquivalent).toBe(13886.8);
    await review('zhanggong', y2024.id, 'approve');
    await review('steering', y2024.id, 'approve');
    expect((await call('steering', 'GET', `/api/org/enterprises/${ent}`)).json()).toMatchObject({ keyUnitClass: 'key', isKeyEnergyUnit: true }); // ≥ 10 000 tce
    expect((await file('ent', { year: 2023, lines: lines(9_000) })).json()).toMatchObject({ status: 409 }); // approved: needs a correction reason
    const fix = (await file('ent', { year: 2023, lines: lines(9_000), correctionReason: '原煤计量表校准后更正' })).json();
    await review('zhanggong', fix.id, 'approve');
    await review('steering', fix.id, 'approve');
    const revs = (await call('ent', 'GET', `/api/enterprises/reports/${fix.id}`)).json().revisions;
    expect(revs.map((r: { status: string; tceEquivalent: number }) => [r.status, r.tceEquivalent])).toEqual([
      ['superseded', 9601],
      ['approved', 8886.7],
    ]);
  });

  it('classes product lines against the benchmarks and gives the capacity share per industry (needs > 30 %)', async () => {
    const put = (who: string, body: object) => t.app.inject(as(cookies[who]!, { method: 'PUT', url: `/api/enterprises/${ent}/products`, payload: body }));
    const line = await put('ent', { year: 2024, productCode: 'cement-clinker', capacity: 300, capacityUnit: '万吨', unitConsumption: 98 });
    expect(line.json()).toMatchObject({ class: 'benchmark', productName: '水泥熟料' });
    expect((await put('ent', { year: 2024, productCode: 'unobtainium', capacity: 1, capacityUnit: 't', unitConsumption: 1 })).json()).toMatchObject({ status: 400, errors: [{ pointer: '#/productCode' }] });
    expect((await put('otherEnt', { year: 2024, productCode: 'cement-clinker', capacity: 1, capacityUnit: 't', unitConsumption: 1 })).statusCode).toBe(404);
    const other = (await makeEnterprise(t.database.db, { regionCode: '360702', name: '落后水泥厂' })).id;
    await t.app.inject(as(cookies.steering!, { method: 'PUT', url: `/api/enterprises/${other}/products`, payload: { year: 2024, productCode: 'cement-clinker', capacity: 700, capacityUnit: '万吨', unitConsumption: 121 } }));
    const share = (await call('steering', 'GET', '/api/enterprises/benchmarks?year=2024')).json();
    // 300 of 1 000 万吨 at benchmark: exactly 30 %, which is not "超过30%".
    expect(share.industries).toEqual([{ industry: '水泥', units: 2, share: 0.3, meetsGoal: false }]);
    expect(share.belowBaseline).toEqual([expect.objectContaining({ enterpriseName: '落后水泥厂', unitConsumption: 121, baseline: 117 })]);
    expect((await call('nankang', 'GET', '/api/enterprises/benchmarks?year=2024')).json().industries).toEqual([]);
  });

  it('keeps the 两高一低 inventory by county and warns of a project built without its approvals', async () => {
    const project = { name: '某钢铁技改项目', regionCode: '360702', industry: '钢铁', stage: 'under-construction', annualEnergyTce: 52_000, energyReviewStatus: 'pending', eiaStatus: 'approved', eiaNo: '赣市环评字〔2023〕1号', disposal: 'rectify', finding: '能评未批先建' };
    const created = await call('zhanggong', 'POST', '/api/enterprises/high-energy-projects', project);
    expect(created.json()).toMatchObject({ warnings: ['energy-review-missing'] });
    expect((await call('nankang', 'POST', '/api/enterprises/high-energy-projects', project)).statusCode).toBe(403);
    expect((await call('zhanggong', 'POST', '/api/enterprises/high-energy-projects', { ...project, energyReviewStatus: 'approved' })).json()).toMatchObject({ status: 400, errors: [{ pointer: '#/energyReviewNo' }] });
    const fixed = await t.app.inject(as(cookies.zhanggong!, { method: 'PUT', url: `/api/enterprises/high-energy-projects/${created.json().id}`, payload: { ...project, energyReviewStatus: 'approved', energyReviewNo: '赣市发改环资字〔2024〕9号' } }));
    expect(fixed.json().warnings).toEqual([]);
    expect((await call('steering', 'GET', '/api/enterprises/high-energy-projects?warned=true')).json()).toEqual([]);
    expect((await call('nankang', 'GET', '/api/enterprises/high-energy-projects')).json()).toEqual([]);
    expect((await t.app.inject(as(cookies.nankang!, { method: 'PUT', url: `/api/enterprises/high-energy-projects/${created.json().id}`, payload: project }))).statusCode).toBe(403);
  });

  it('files a report from the Excel template, naming the cell of each error, and prints it as PDF', async () => {
    const tpl = await call('ent', 'GET', `/api/enterprises/${ent}/reports/template.xlsx?year=2022`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('能源消费')!;
    const rowOf = (code: string) => ws.getColumn(1).values.indexOf(code);
    expect(ws.getRow(rowOf('electricity')).getCell(3).value).toBe('万kWh');
    ws.getRow(rowOf('raw-coal')).getCell(4).value = 9000;
    ws.getRow(rowOf('electricity')).getCell(4).value = '两千';
    const upload = async () =>
      t.app.inject(as(cookies.ent!, { method: 'POST', url: `/api/enterprises/${ent}/reports/import?year=2022`, payload: Buffer.from(await wb.xlsx.writeBuffer()), headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }));
    expect((await upload()).json()).toMatchObject({ status: 400, errors: [{ sheet: '能源消费', row: rowOf('electricity'), field: '实物消费量' }] });
    ws.getRow(rowOf('electricity')).getCell(4).value = 2000;
    ws.getRow(rowOf('electricity')).getCell(3).value = 't';
    expect((await upload()).json()).toMatchObject({ status: 400, errors: [{ sheet: '能源消费', row: rowOf('electricity'), field: '计量单位' }] }); // 电力不能以 t 计量
    ws.getRow(rowOf('electricity')).getCell(3).value = '万kWh';
    const ok = await upload();
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ year: 2022, tceEquivalent: 8886.7 });
    const pdf = await call('zhanggong', 'GET', `/api/enterprises/reports/${ok.json().id}/report.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call('nankang', 'GET', `/api/enterprises/reports/${ok.json().id}/report.pdf`)).statusCode).toBe(404);
  });
});

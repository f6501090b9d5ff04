import ExcelJS from 'exceljs';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publicInstitution } from '../../src/db/schema/index';
import { departmentId, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

const BASE = '/api/supervision/institutions';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeEachDb('public institutions: registry, use against quota, 节约型机关, workbooks', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    const users = {
      jgswzx: await makeUser(db, 'department', { departmentId: await departmentId(db, '市机关事务管理中心') }),
      ecology: await makeUser(db, 'department'),
      zhanggong: await makeUser(db, 'county', { regionCode: '360702' }),
      nankang: await makeUser(db, 'county', { regionCode: '360703' }),
      ent: await makeUser(db, 'enterprise'),
      steering: await makeUser(db, 'steering'),
    };
    for (const [k, u] of Object.entries(users)) cookies[k] = await loginAs(t.app, u.username);
  });
  afterAll(() => t.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject(as(cookies[who]!, { method, url, ...(payload ? { payload } : {}) }));
  const organ = (name: string, o: object = {}) => ({ name, regionCode: '360702', level: 'county', kind: 'organ', staff: 100, floorAreaM2: 3000, ...o });
  const ids: Record<string, number> = {};

  it('registers institutions: the managers anywhere, a county in its own county, a department and an enterprise not at all', async () => {
    const made = await call('zhanggong', 'POST', BASE, organ('章贡区发改委'));
    expect(made.statusCode).toBe(201);
    ids.fgw = made.json().id;
    expect((await call('zhanggong', 'POST', BASE, organ('南康区某局', { regionCode: '360703' }))).statusCode).toBe(403);
    expect((await call('ecology', 'POST', BASE, organ('生态局测试'))).statusCode).toBe(403);
    expect((await call('ent', 'POST', BASE, organ('企业测试'))).statusCode).toBe(403);
    expect((await call('zhanggong', 'POST', BASE, organ('章贡区发改委'))).json()).toMatchObject({ status: 409, errors: [{ pointer: '#/name' }] });
    expect((await call('zhanggong', 'POST', BASE, organ('无年份', { economyStatus: 'accepted' }))).json()).toMatchObject({ status: 400, errors: [{ pointer: '#/economyYear' }] });
    expect((await call('jgswzx', 'POST', BASE, organ('市级在县', { level: 'city' }))).json()).toMatchObject({ status: 400, errors: [{ pointer: '#/level' }] });
    const city = await call('jgswzx', 'POST', BASE, organ('赣州市发改委', { regionCode: '360700', level: 'city', economyStatus: 'accepted', economyYear: 2023 }));
    expect(city.statusCode).toBe(201);
    ids.cityFgw = city.json().id;
    ids.nk = (await call('nankang', 'POST', BASE, organ('南康区教育局', { regionCode: '360703' }))).json().id;
  });

  it('keeps a county out of another county’s institutions', async () => {
    expect((await call('nankang', 'GET', `${BASE}/${ids.fgw}`)).statusCode).toBe(404);
    expect((await call('nankang', 'PUT', `${BASE}/${ids.fgw}`, organ('改名'))).statusCode).toBe(404);
    expect((await call('nankang', 'PUT', `${BASE}/${ids.fgw}/uses/2024`, { months: 12, energyKgce: 1 })).statusCode).toBe(404);
    const names = (await call('nankang', 'GET', `${BASE}?year=2024`)).json().map((r: { name: string }) => r.name);
    expect(names).toEqual(['南康区教育局']);
    expect((await call('ecology', 'GET', `${BASE}?year=2024`)).json()).toHaveLength(3); // departments read the city
    expect((await call('ecology', 'PUT', `${BASE}/${ids.fgw}/uses/2024`, { months: 12, energyKgce: 1 })).statusCode).toBe(403);
  });

  it('files use, sets a quota, and puts the over-quota institution first with its evaluation', async () => {
    // 章贡区发改委: 30 000 kgce / 100 staff = 300 kgce/人·a against the county organ default 360: 83 % → ok.
    const filed = await call('zhanggong', 'PUT', `${BASE}/${ids.fgw}/uses/2024`, { months: 12, energyKgce: 30_000, waterM3: 2_000 });
    expect(filed.statusCode).toBe(200);
    expect(filed.json().evaluations.find((e: { kind: string }) => e.kind === 'energy-per-capita')).toMatchObject({ quota: 360, quotaIsDefault: true, annualIndicator: 300, level: 'ok', direction: 'upper-limit' });
    // The city's, for 6 months: 18 000 kgce / 100 = 180, annualised × 12 / 6 = 360 kgce/人·a against the city default 420.
    await call('jgswzx', 'PUT', `${BASE}/${ids.cityFgw}/uses/2024`, { months: 6, energyKgce: 18_000 });
    expect((await call('zhanggong', 'PUT', `${BASE}/${ids.fgw}/quotas`, { year: 2024, kind: 'energy-per-capita', value: 280, source: 'x' })).statusCode).toBe(403); // counties set no quota
    expect((await call('jgswzx', 'PUT', `${BASE}/${ids.fgw}/quotas`, { year: 2024, kind: 'energy-per-capita', value: 280, source: '' })).json()).toMatchObject({ status: 400, errors: [{ pointer: '#/source' }] });
    const set = await call('jgswzx', 'PUT', `${BASE}/${ids.fgw}/quotas`, { year: 2024, kind: 'energy-per-capita', value: 280, source: '赣机管〔2024〕5号' });
    expect(set.statusCode).toBe(200);
    const list = (await call('steering', 'GET', `${BASE}?year=2024`)).json();
    expect(list[0]).toMatchObject({ name: '章贡区发改委', use: { level: 'over' } }); // 300 > 280
    expect(list[0].use.evaluations.find((e: { kind: string }) => e.kind === 'energy-per-capita')).toMatchObject({ quota: 280, quotaSource: '赣机管〔2024〕5号', quotaIsDefault: false });
    const cityRow = list.find((r: { id: number }) => r.id === ids.cityFgw);
    expect(cityRow.use.evaluations.find((e: { kind: string }) => e.kind === 'energy-per-capita')).toMatchObject({ periodIndicator: 180, annualIndicator: 360, quota: 420 });
    expect(cityRow.use.evaluations.find((e: { kind: string }) => e.kind === 'water-per-capita')).toMatchObject({ evaluable: false, reason: 'no-water' });
    expect(list.at(-1)).toMatchObject({ name: '南康区教育局', use: null });
    const detail = (await call('zhanggong', 'GET', `${BASE}/${ids.fgw}`)).json();
    expect(detail).toMatchObject({ canManage: false, uses: [{ year: 2024, level: 'over' }], quotas: [{ kind: 'energy-per-capita', value: 280 }] });
  });

  it('tracks the 80 % 节约型机关 goal per county and for the city’s own organs', async () => {
    const s = (await call('ecology', 'GET', `${BASE}/economy-organs?year=2025`)).json();
    expect(s).toMatchObject({ goal: 0.8, goalYear: 2025 });
    const row = (code: string) => s.regions.find((r: { regionCode: string }) => r.regionCode === code);
    expect(row('360700')).toMatchObject({ regionName: '赣州市', organs: 1, accepted: 1, meetsGoal: true, needed: 0 });
    expect(row('360702')).toMatchObject({ organs: 1, accepted: 0, needed: 1, share: 0 });
    expect(s.city).toMatchObject({ organs: 3, accepted: 1, needed: 2 }); // ceil(2.4) − 1
    const own = (await call('zhanggong', 'GET', `${BASE}/economy-organs?year=2025`)).json();
    expect(own.regions.map((r: { regionCode: string }) => r.regionCode)).toEqual(['360702']);
  });

  it('exports the quota table with one row per institution', async () => {
    const res = await call('steering', 'GET', `${BASE}/quota-table.xlsx?year=2024`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toContain('2024 年公共机构能耗定额执行情况表');
    expect([ws.getCell(5, 2).value, ws.getCell(5, 11).value, ws.getCell(5, 12).value, ws.getCell(5, 20).value]).toEqual(['章贡区发改委', 300, 280, '超定额']);
    expect([ws.getCell(7, 2).value, ws.getCell(7, 20).value]).toEqual(['南康区教育局', '未填报']);
    expect(ws.getCell(8, 2).value).toBeNull();
  });

  const workbook = async (rows: unknown[][]) => {
    const tpl = await call('zhanggong', 'GET', `${BASE}/template.xlsx`);
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    rows.forEach((r, i) => (ws.getRow(3 + i).values = r as ExcelJS.CellValue[]));
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const upload = (who: string, data: Buffer) => t.app.inject(as(cookies[who]!, { method: 'POST', url: `${BASE}/import`, payload: data, headers: { 'content-type': XLSX } }));
  const stored = async () => (await t.database.db.select({ n: count() }).from(publicInstitution))[0]!.n;

  it('imports a registry all or nothing, naming the row and column of each error', async () => {
    const before = await stored();
    const bad = await upload(
      'zhanggong',
      await workbook([
        ['章贡区一中', '章贡区', '县级', '学校', 2000, 40000, '未创建', null, '省级', '是'],
        ['章贡区人民医院', '章贡区', '县级', '诊所', 800, 50000],
        ['南康某局', '南康区', '县级', '机关', 50, 1000],
      ]),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('第 4 行“类别（机关/学校/医院/文体场馆/其他）”列');
    expect(bad.json().errors).toMatchObject([
      { row: 4, field: '类别（机关/学校/医院/文体场馆/其他）' },
      { row: 5, field: '所在地区（市本级或县市区名称）', detail: '无权登记该地区的公共机构' },
    ]);
    expect(await stored()).toBe(before);
    const ok = await upload(
      'zhanggong',
      await workbook([
        ['章贡区一中', '章贡区', '县级', '学校', 2000, 40000, '未创建', null, '省级', '是'],
        ['章贡区发改委', '章贡区', '县级', '机关', 110, 3000, '已建成', 2024],
      ]),
    );
    expect(ok.json()).toEqual({ created: 1, updated: 1 });
    expect(await stored()).toBe(before + 1);
    expect((await call('zhanggong', 'GET', `${BASE}/${ids.fgw}`)).json().institution).toMatchObject({ staff: 110, economyStatus: 'accepted', economyYear: 2024 });
    const school = (await call('zhanggong', 'GET', `${BASE}?year=2024&kind=school`)).json();
    expect(school).toMatchObject([{ name: '章贡区一中', demonstration: 'provincial', teachingPoint: true }]);
  });
});

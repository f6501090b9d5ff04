import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enterprise } from '../../src/db/schema/index';
import { makeEnterprise, makeUscc, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

describeEachDb('org: regions, departments, enterprises, users', (kind) => {
  let t: TestApp;
  let admin: string;
  let county: string; // 章贡区 360702
  let own: { id: number };
  let other: { id: number };
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    admin = await loginAs(t.app, (await makeUser(db, 'admin')).username);
    county = await loginAs(t.app, (await makeUser(db, 'county', { regionCode: '360702' })).username);
    own = await makeEnterprise(db, { regionCode: '360702', name: '章贡测试企业' });
    other = await makeEnterprise(db, { regionCode: '360703', name: '南康测试企业' });
  });
  afterAll(() => t.close());
  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject(as(cookie, { method, url, ...(payload ? { payload } : {}) }));

  it('lists the city, its 18 county-level divisions and 2 zones, and the 31 departments', async () => {
    const regions = (await call(county, 'GET', '/api/org/regions')).json();
    expect(regions).toHaveLength(21);
    expect(regions[0]).toMatchObject({ code: '360700', name: '赣州市', kind: 'city' });
    expect(regions.find((r: { code: string }) => r.code === '360783')).toMatchObject({ name: '龙南市', formerName: '龙南县' });
    const depts = (await call(county, 'GET', '/api/org/departments')).json();
    expect(depts).toHaveLength(31);
    expect(depts.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['市发改委', '市妇联', '南铁赣州车务段', '赣州机场分公司', '人民银行赣州中支', '赣州银保监分局']));
  });

  it('a county sees only its own enterprises; another county’s answers 404', async () => {
    const list = (await call(county, 'GET', '/api/org/enterprises')).json();
    expect(list.map((e: { regionCode: string }) => e.regionCode)).toEqual(list.map(() => '360702'));
    expect(list.map((e: { id: number }) => e.id)).toContain(own.id);
    expect((await call(county, 'GET', `/api/org/enterprises/${other.id}`)).statusCode).toBe(404);
    expect((await call(county, 'PATCH', `/api/org/enterprises/${other.id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await call(admin, 'GET', `/api/org/enterprises/${other.id}`)).json().name).toBe('南康测试企业');
  });

  it('a county registers an enterprise in its own region only', async () => {
    const ok = await call(county, 'POST', '/api/org/enterprises', { uscc: makeUscc().toLowerCase(), name: '新企业', regionCode: '360702' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().uscc).toMatch(/^[0-9A-Z]{18}$/);
    const denied = await call(county, 'POST', '/api/org/enterprises', { uscc: makeUscc(), name: '越权企业', regionCode: '360703' });
    expect(denied.statusCode).toBe(403);
    const moved = await call(county, 'PATCH', `/api/org/enterprises/${own.id}`, { regionCode: '360703' });
    expect(moved.statusCode).toBe(403);
  });

  it('keeps the registry fields a patch does not name; an enterprise edits its contacts, not its class', async () => {
    const set = await call(admin, 'PATCH', `/api/org/enterprises/${own.id}`, { isKeyEnergyUnit: true, keyUnitClass: 'key', industryCode: 'C3011', energyManager: '张工', energyManagerPhone: '0797-8888888' });
    expect(set.json()).toMatchObject({ isKeyEnergyUnit: true, keyUnitClass: 'key', industryCode: 'C3011' });
    const renamed = (await call(county, 'PATCH', `/api/org/enterprises/${own.id}`, { industry: '水泥制造' })).json();
    expect(renamed).toMatchObject({ industry: '水泥制造', isKeyEnergyUnit: true, keyUnitClass: 'key', energyManager: '张工' });
    const ent = await loginAs(t.app, (await makeUser(t.database.db, 'enterprise', { enterpriseId: own.id })).username);
    expect((await call(ent, 'PATCH', `/api/org/enterprises/${own.id}`, { contact: '赣州市章贡区某路 1 号' })).json().contact).toBe('赣州市章贡区某路 1 号');
    expect((await call(ent, 'PATCH', `/api/org/enterprises/${own.id}`, { keyUnitClass: null })).json()).toMatchObject({ status: 403, errors: [{ pointer: '#/keyUnitClass' }] });
    expect((await call(admin, 'PATCH', `/api/org/enterprises/${own.id}`, { industryCode: '水泥' })).json()).toMatchObject({ status: 400, errors: [{ pointer: '#/industryCode' }] });
  });

  it('rejects a bad USCC with the character at fault, and stores nothing', async () => {
    const db = t.database.db;
    const [before] = await db.select({ n: count() }).from(enterprise);
    const good = makeUscc();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await call(admin, 'POST', '/api/org/enterprises', { uscc: bad, name: '校验码错误', regionCode: '360702' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'uscc-invalid', errors: [{ pointer: '#/uscc', offset: 17 }] });
    expect(res.json().detail).toContain(`应为“${good[17]}”`);
    const [after] = await db.select({ n: count() }).from(enterprise);
    expect(after).toEqual(before);
  });

  it('refuses a duplicate USCC with 409', async () => {
    const [row] = await t.database.db.select().from(enterprise).where(eq(enterprise.id, own.id));
    const dup = await call(admin, 'POST', '/api/org/enterprises', { uscc: row!.uscc, name: '重复', regionCode: '360702' });
    expect(dup.statusCode).toBe(409);
  });

  it('an admin creates a user with a one-time initial password that must be changed', async () => {
    const res = await call(admin, 'POST', '/api/org/users', { username: 'zhanggong01', displayName: '章贡区节能办', role: 'county', regionCode: '360702' });
    expect(res.statusCode).toBe(201);
    const { initialPassword, mustChangePassword } = res.json();
    expect(mustChangePassword).toBe(true);
    const cookie = await loginAs(t.app, 'zhanggong01', initialPassword);
    expect((await call(cookie, 'GET', '/api/org/regions')).json().code).toBe('password-change-required');
    const noScope = await call(admin, 'POST', '/api/org/users', { username: 'noscope', displayName: 'x', role: 'county' });
    expect(noScope.json()).toMatchObject({ status: 400, errors: [{ pointer: '#/regionCode' }] });
    const again = await call(admin, 'POST', '/api/org/users', { username: 'ZhangGong01', displayName: 'x', role: 'steering' });
    expect(again.statusCode).toBe(409);
  });
});

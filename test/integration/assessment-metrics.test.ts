import { afterAll, beforeAll, expect, it } from 'vitest';
import { beijingDate } from '../../src/domain/reporting/calendar';
import { computeMetrics } from '../../src/modules/assessment/metrics.service';
import { makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

describeEachDb('assessment metrics: computed as of a cut-off, from approved data only', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    const users = { steering: await makeUser(db, 'steering'), zhanggong: await makeUser(db, 'county', { regionCode: '360702' }) };
    for (const [k, u] of Object.entries(users)) cookies[k] = await loginAs(t.app, u.username);
  });
  afterAll(() => t.close());

  const call = (who: string, method: 'POST' | 'PUT', url: string, payload: object) => t.app.inject(as(cookies[who]!, { method, url, payload }));
  const enter = async (body: object) => {
    const res = await call('zhanggong', 'POST', '/api/dualcontrol/accounts', { regionCode: '360702', ...body });
    expect(res.statusCode).toBeLessThan(300);
    expect((await call('steering', 'POST', `/api/dualcontrol/accounts/${res.json().id}/approve`, {})).json().status).toBe('approved');
  };
  const zhanggong = async (period: string, cutoff: string) => (await computeMetrics(t.database.db, 'region', period, cutoff)).find((s) => s.key === '360702')!;

  it('gives every county and zone, not the city, and the intensity completion from approved accounts', async () => {
    const before = await zhanggong('2021', '2099-12-31');
    expect(before.metrics['intensity-completion']).toMatchObject({ value: null, figures: [{ label: '说明', value: '未设定能耗强度目标' }] });
    expect((await call('steering', 'PUT', '/api/dualcontrol/targets/360702', { basic: 0.125, incentive: null, source: '测试', annual: [2021, 2022].map((year) => ({ year, plannedGdpGrowth: 0.06 })) })).statusCode).toBe(200);
    await enter({ periodKey: '2020', energy: 400, gdpCurrent: 1000 });
    await enter({ periodKey: '2021', energy: 416, gdpGrowth: 0.08 });
    const all = await computeMetrics(t.database.db, 'region', '2021', '2099-12-31');
    expect(all).toHaveLength(20);
    const z = all.find((s) => s.key === '360702')!;
    // energy.md §2 worked example: a₂₀₂₁ = 3.7037 %; no annual intensity target, so R₁ ÷ P₁ = 3.7037 % ÷ 2.6353 %.
    expect(z.metrics['intensity-completion']!.value).toBeCloseTo(0.037037 / 0.026353, 3);
    expect(z.metrics['intensity-completion']!.figures).toEqual(expect.arrayContaining([{ label: '累计降低率', value: '3.70%' }, { label: '进度目标', value: '2.64%' }]));
    expect(z.metrics['total-consumption']!.value).toBeGreaterThan(0);
    expect([1, 2, 3]).toContain(z.metrics['barometer-level']!.value);
    expect(z.metrics['two-high-cases']!.value).toBe(0);
    const period = await zhanggong('2021-2025', '2099-12-31');
    expect(period.metrics['intensity-completion']!.value).toBeCloseTo(0.037037 / 0.125, 3);
  });

  it('counts nothing approved after the cut-off, and gives the same result every time', async () => {
    const yesterday = beijingDate(new Date(Date.now() - 86_400_000 * 2));
    const early = await zhanggong('2021', yesterday);
    expect(early.metrics['intensity-completion']!.value).toBeNull();
    const later = await zhanggong('2021', '2099-12-31');
    expect(await zhanggong('2021', '2099-12-31')).toEqual(later);
    await enter({ periodKey: '2022', energy: 420, gdpGrowth: 0.03 });
    expect(await zhanggong('2021', yesterday)).toEqual(early);
    expect(await zhanggong('2021', '2099-12-31')).toEqual(later);
  });
});

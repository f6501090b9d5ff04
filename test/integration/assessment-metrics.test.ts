import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type appUser, indicator } from '../../src/db/schema/index';
import type { MetricValue } from '../../src/domain/assessment/model';
import { beijingDate } from '../../src/domain/reporting/calendar';
import { computeMetrics } from '../../src/modules/assessment/metrics.service';
import { ProjectBody } from '../../src/modules/enterprises/schemas';
import { saveProject } from '../../src/modules/enterprises/projects.service';
import { setTarget } from '../../src/modules/dualcontrol/evaluation.service';
import { ReportBody } from '../../src/modules/reporting/schemas';
import { reviewReport, submitReport } from '../../src/modules/reporting/service';
import type { Ctx } from '../../src/server/context';
import { departmentId, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

describeEachDb('assessment metrics: computed as of a cut-off, from approved data only', (kind) => {
  let t: TestApp;
  let eco: typeof appUser.$inferSelect;
  let steering: typeof appUser.$inferSelect;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    const users = { steering: await makeUser(db, 'steering'), zhanggong: await makeUser(db, 'county', { regionCode: '360702' }) };
    eco = await makeUser(db, 'department', { departmentId: await departmentId(db, '市生态环境局') });
    steering = users.steering;
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

  /** The reporting services as the user at a moment of our choosing (so that "on time" is not today's date). */
  const at = (u: typeof appUser.$inferSelect, iso: string): Ctx => ({
    db: t.database.db,
    actor: { kind: 'user', userId: u.id, username: u.username, displayName: u.displayName, role: u.role as never, regionCode: u.regionCode, departmentId: u.departmentId, enterpriseId: u.enterpriseId, mustChangePassword: false },
    log: pino({ level: 'silent' }),
    now: new Date(iso),
    requestId: null,
    ip: null,
    locale: 'zh-CN',
  });
  const figure = (m: MetricValue | undefined, label: string) => Number(m?.figures.find((f) => f.label === label)?.value);
  const ecoMetrics = async (cutoff: string) => {
    const ecoCode = (await computeMetrics(t.database.db, 'department', '2024', cutoff)).find((s) => s.name === '市生态环境局')!;
    return ecoCode.metrics;
  };

  it("counts a department's reports by what it owes: a report never filed is due and late; an indicator on track only once approved", async () => {
    const before = await ecoMetrics('2025-06-30');
    const due = figure(before['reports-on-time'], '应报送报告数');
    expect(due).toBeGreaterThan(4); // its indicators' 2024 figures and its tasks' four quarters
    expect(before['reports-on-time']).toMatchObject({ value: 0 });
    expect(figure(before['reports-on-time'], '未报送数')).toBe(due);
    expect(before['indicators-on-track']!.value).toBe(0);
    expect(figure(before['indicators-on-track'], '无已审核数值')).toBe(figure(before['indicators-on-track'], '考核指标数'));
    expect(before['tasks-on-time']!.value).toBe(0);

    // I03 (化学需氧量重点工程减排量, owned by 市生态环境局), 2024: filed 5 Jan 2025 (due 31 Jan), approved 10 Feb.
    const cod = (await t.database.db.select({ id: indicator.id }).from(indicator).where(eq(indicator.code, 'I03')))[0]!.id;
    const filed = await submitReport(at(eco, '2025-01-05T02:00:00Z'), ReportBody.parse({ indicatorId: cod, periodKey: '2024', regionCode: '360700', value: 14_000, narrative: '2024 年累计' }));
    await reviewReport(at(steering, '2025-02-10T02:00:00Z'), filed.id, 'approve', null);

    const after = await ecoMetrics('2025-06-30');
    expect(figure(after['reports-on-time'], '应报送报告数')).toBe(due);
    expect(figure(after['reports-on-time'], '按时报送数')).toBe(1);
    expect(figure(after['reports-on-time'], '未报送数')).toBe(due - 1);
    expect(after['reports-on-time']!.value).toBeCloseTo(1 / due, 6);
    expect(figure(after['indicators-on-track'], '达成或符合进度')).toBe(1);
    expect(after['indicators-on-track']!.value).toBeGreaterThan(0);

    // A cut-off between filing and approval: filed on time, but no approved value yet.
    const between = await ecoMetrics('2025-02-01');
    expect(figure(between['reports-on-time'], '按时报送数')).toBe(1);
    expect(figure(between['indicators-on-track'], '达成或符合进度')).toBe(0);
    // Before the due date the 2024 figure is not yet owed.
    expect(figure(await ecoMetrics('2025-01-30').then((m) => m['reports-on-time']), '应报送报告数')).toBeLessThan(due);
    expect(await ecoMetrics('2025-06-30')).toEqual(after);
  });

  it('counts 能评未批先建 cases as the 两高一低 inventory stood at the cut-off, whatever was edited later', async () => {
    const cases = async (cutoff: string) => (await zhanggong('2025', cutoff)).metrics['two-high-cases']!.value;
    const project = ProjectBody.parse({ name: '某钢铁扩建项目', regionCode: '360702', industry: '钢铁', stage: 'under-construction', energyReviewStatus: 'pending', eiaStatus: 'approved', eiaNo: '赣环评〔2025〕1号', disposal: 'rectify' });
    const row = await saveProject(at(steering, '2025-03-01T02:00:00Z'), null, project);
    expect(await cases('2025-03-31')).toBe(1);
    // Approved in May: a re-run for the March cut-off still finds the case; a June cut-off does not.
    await saveProject(at(steering, '2025-05-01T02:00:00Z'), row.id, { ...project, energyReviewStatus: 'approved', energyReviewNo: '赣发改环资〔2025〕9号' });
    expect(await cases('2025-03-31')).toBe(1);
    expect(await cases('2025-06-30')).toBe(0);
    expect(await cases('2025-02-01')).toBe(0); // not yet in the inventory
  });

  it('reads the targets as they stood at the cut-off: a target changed later does not change a re-run', async () => {
    const period = (cutoff: string) => zhanggong('2021-2025', cutoff).then((z) => z.metrics['intensity-completion']!.value);
    const before = await period('2099-12-31');
    expect(before).toBeGreaterThan(0); // R_2022 ÷ 12.5 %
    // The five-year target raised to 20 % after the cut-off (the audit keeps the set it replaced).
    await setTarget(at(steering, '2100-01-02T02:00:00Z'), '360702', { baseYear: 2020, years: 5, basic: 0.2, incentive: null, source: '测试调整', annual: [] });
    expect(await period('2099-12-31')).toBe(before);
    expect(await period('2100-01-05')).toBeCloseTo((before! * 0.125) / 0.2, 5);
  });
});

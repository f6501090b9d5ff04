import path from 'node:path';
import ExcelJS from 'exceljs';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEvent, indicator, task } from '../../src/db/schema/index';
import { loadPlan, readPlanFile } from '../../src/modules/plan/load.service';
import { loadReferenceData, systemCtx } from '../../src/server/boot';
import { departmentId, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

const root = path.resolve(import.meta.dirname, '../..');
const PLAN = '/api/plan/plans/ganzhou-14fyp-ecer';

describeEachDb('plan', (kind) => {
  let t: TestApp;
  let steering: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    steering = await loginAs(t.app, (await makeUser(t.database.db, 'steering')).username);
  });
  afterAll(() => t.close());
  const get = (url: string, cookie = steering) => t.app.inject(as(cookie, { method: 'GET', url }));

  it('serves the whole plan as a tree: 5 chapters, the 10 key projects, 116 tasks, 33 indicators', async () => {
    const res = await get(`${PLAN}/tree`);
    expect(res.statusCode).toBe(200);
    const tree = res.json();
    expect(tree).toMatchObject({ name: '赣州市“十四五”节能减排综合工作方案', periodStart: 2021, periodEnd: 2025, baselineYear: 2020, parentDocNumber: '赣府发〔2022〕31号' });
    expect(tree.chapters).toHaveLength(5);
    const sections = tree.chapters.flatMap((c: { sections: unknown[] }) => c.sections);
    expect(sections.filter((s: { isKeyProject: boolean }) => s.isKeyProject)).toHaveLength(10);
    expect(sections.flatMap((s: { tasks: unknown[] }) => s.tasks)).toHaveLength(116);
    const indicators = sections.flatMap((s: { indicators: unknown[] }) => s.indicators);
    expect(indicators).toHaveLength(33);
    expect(indicators[0]).toMatchObject({ code: 'I01', target: 12.5, stretch: 13, unit: '%', comparison: 'reduce_by_pct', departments: [{ name: '市发改委' }, { name: '市统计局' }] });
  });

  it('answers 304 to a matching ETag', async () => {
    const first = await get(`${PLAN}/tree`);
    const again = await t.app.inject(as(steering, { method: 'GET', url: `${PLAN}/tree`, headers: { 'if-none-match': String(first.headers.etag) } }));
    expect(again.statusCode).toBe(304);
  });

  it('filters by department: 市生态环境局 leads or cooperates on tasks and owns the pollutant targets', async () => {
    const id = await departmentId(t.database.db, '市生态环境局');
    const { tasks, indicators } = (await get(`${PLAN}/search?department=${id}`)).json();
    expect(tasks.length).toBeGreaterThan(40);
    for (const x of tasks) expect([...x.lead, ...x.cooperating].map((d: { name: string }) => d.name)).toContain('市生态环境局');
    expect(indicators.map((x: { name: string }) => x.name)).toContain('化学需氧量重点工程减排量');
  });

  it('filters by county: tasks that name 龙南市, or all tasks when every county implements them', async () => {
    const named = (await get(`${PLAN}/search?region=360783&onlyNamed=true`)).json();
    expect(named.tasks.map((x: { code: string }) => x.code)).toEqual(['2.2.1']);
    const all = (await get(`${PLAN}/search?region=360783`)).json();
    expect(all.tasks).toHaveLength(116);
  });

  it('searches the Chinese text', async () => {
    const r = (await get(`${PLAN}/search?q=${encodeURIComponent('秸秆')}`)).json();
    expect(r.indicators.map((x: { name: string }) => x.name)).toEqual(['主要农作物秸秆综合利用率']);
    expect(r.tasks.length).toBeGreaterThan(0);
    const both = (await get(`${PLAN}/search?q=${encodeURIComponent('光伏 建筑')}`)).json();
    for (const x of both.tasks) expect(x.text).toMatch(/光伏/);
  });

  it("shows a department user its own tasks and indicators, and refuses another department's", async () => {
    const dept = await makeUser(t.database.db, 'department');
    const cookie = await loginAs(t.app, dept.username);
    const mine = (await get(`${PLAN}/mine`, cookie)).json();
    expect(mine.department.name).toBe('市生态环境局');
    expect(mine.tasks.filter((x: { role: string }) => x.role === 'lead').length).toBeGreaterThan(0);
    const other = await departmentId(t.database.db, '市发改委');
    expect((await get(`${PLAN}/mine?department=${other}`, cookie)).json().code).toBe('forbidden');
    expect((await get(`${PLAN}/mine`)).json()).toMatchObject({ status: 400, errors: [{ field: 'query.department' }] });
  });

  it('exports JSON (one object per indicator) and Excel', async () => {
    const json = (await get(`${PLAN}/export?format=json`)).json();
    expect(json.indicators).toHaveLength(33);
    expect(json.indicators[0]).toMatchObject({ name: '单位生产总值能源消耗降低率', target: 12.5, stretch: 13, unit: '%', comparison: 'reduce_by_pct', targetYear: 2025, departments: ['市发改委', '市统计局'] });
    const xlsx = await get(`${PLAN}/export?format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer); // exceljs types predate the generic Buffer
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标', '任务', '章节']);
    expect(wb.getWorksheet('指标')!.rowCount).toBe(34);
    expect(wb.getWorksheet('任务')!.getRow(2).getCell(3).value).toBe('启动新一轮技术改造，以钢铁、有色金属、建材、化工等行业为重点，推进节能改造和污染物深度治理。');
  });

  it('404s an unknown plan and 400s an unknown county', async () => {
    expect((await get('/api/plan/plans/no-such-plan/tree')).statusCode).toBe(404);
    expect((await get(`${PLAN}/search?region=999999`)).json()).toMatchObject({ status: 400, code: 'validation' });
  });

  it('loads reference data idempotently: a second load changes and duplicates nothing', async () => {
    const db = t.database.db;
    const counts = async () => ({
      tasks: (await db.select({ n: count() }).from(task))[0]!.n,
      indicators: (await db.select({ n: count() }).from(indicator))[0]!.n,
      audit: (await db.select({ n: count() }).from(auditEvent))[0]!.n,
    });
    const before = await counts();
    const r = await loadReferenceData(t.database, path.join(root, 'data'));
    expect(r.orgChanged).toBe(0);
    expect(r.plans.map((p) => p.changed)).toEqual([false]);
    expect(await counts()).toEqual(before);
  });

  it('loads a second plan of another period beside it', async () => {
    const parsed = await readPlanFile(path.join(root, 'test/fixtures/plans/demo-15fyp.yaml'));
    const r = await loadPlan(t.database.db, systemCtx('test'), parsed);
    expect(r).toMatchObject({ code: 'demo-zhanggong-15fyp', changed: true, tasks: 1, indicators: 2 });
    const plans = (await get('/api/plan/plans')).json();
    expect(plans.map((p: { code: string; periodStart: number }) => [p.code, p.periodStart])).toEqual([
      ['ganzhou-14fyp-ecer', 2021],
      ['demo-zhanggong-15fyp', 2026],
    ]);
    const tree = (await get('/api/plan/plans/demo-zhanggong-15fyp/tree')).json();
    expect(tree.chapters[1].sections[0].tasks[0]).toMatchObject({ lead: [{ name: '市发改委' }], cooperating: [{ name: '市住建局' }], namedRegions: ['360702'] });
    expect((await get(`${PLAN}/tree`)).json().chapters).toHaveLength(5);
  });

  it('refuses a plan whose quote is not in its source, and writes nothing', async () => {
    const parsed = await readPlanFile(path.join(root, 'test/fixtures/plans/demo-15fyp.yaml'));
    const bad = structuredClone(parsed);
    bad.file.code = 'demo-bad';
    bad.file.chapters[1]!.sections[0]!.tasks[0]!.quote = '原文中没有这一句。';
    await expect(loadPlan(t.database.db, systemCtx('test'), bad)).rejects.toThrow(/chapters\[1\]\.sections\[0\]\.tasks\[0\]\.quote: 引文不在方案原文中/);
    expect((await get('/api/plan/plans/demo-bad/tree')).statusCode).toBe(404);
  });
});

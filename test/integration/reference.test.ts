import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

describeEachDb('reference values: versions with validity periods, edited by the steering office', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp(kind);
    for (const role of ['steering', 'department'] as const) cookies[role] = await loginAs(t.app, (await makeUser(t.database.db, role, role === 'department' ? { departmentId: 1 } : {})).username);
  });
  afterAll(() => t.close());

  const add = (who: string, key: string, body: object) => t.app.inject(as(cookies[who]!, { method: 'POST', url: `/api/reference/${key}/versions`, payload: body }));
  const statusRule = async () => (await t.app.inject(as(cookies.steering!, { method: 'GET', url: '/api/reference' }))).json().find((k: { key: string }) => k.key === 'progress-status-rule');

  it('ships the first versions with their sources', async () => {
    const rule = await statusRule();
    expect(rule.versions).toEqual([expect.objectContaining({ validFrom: '2021-01-01', validTo: null, value: { atRiskRatio: 0.8 }, createdBy: null })]);
    expect(rule.versions[0].source).toContain('reduction.md');
  });

  it('adds a version from a date on, keeps the old one with its end date, and the overview follows', async () => {
    const res = await add('steering', 'progress-status-rule', { validFrom: '2026-01-01', source: '市节能减排办 2026 年第 1 号通知', value: { atRiskRatio: 0.7 } });
    expect(res.statusCode).toBe(201);
    expect(res.json().versions.map((v: { validFrom: string; validTo: string | null }) => [v.validFrom, v.validTo])).toEqual([
      ['2021-01-01', '2025-12-31'],
      ['2026-01-01', null],
    ]);
    const o = (await t.app.inject(as(cookies.steering!, { method: 'GET', url: '/api/reporting/overview?plan=ganzhou-14fyp-ecer&year=2025' }))).json();
    expect(o.statusRule).toMatchObject({ atRiskRatio: 0.7, validFrom: '2026-01-01' });
    const audit = await t.database.db.execute(`SELECT action FROM audit_event WHERE entity = 'reference_value' AND action = 'addReferenceVersion'`);
    expect((audit as unknown as { rows: unknown[] }).rows).toHaveLength(1);
  });

  it('refuses a bad value, a second version on the same day, an unknown key and a department', async () => {
    expect((await add('steering', 'progress-status-rule', { validFrom: '2027-01-01', source: 'x', value: { atRiskRatio: 1.5 } })).json()).toMatchObject({
      status: 400,
      errors: [{ pointer: '#/value/atRiskRatio' }],
    });
    expect((await add('steering', 'reporting-defaults', { validFrom: '2027-01-01', source: 'x', value: { indicator: { frequency: 'weekly', dueDays: 3 } } })).statusCode).toBe(400);
    expect((await add('steering', 'progress-status-rule', { validFrom: '2026-01-01', source: 'x', value: { atRiskRatio: 0.6 } })).json()).toMatchObject({ status: 409, errors: [{ pointer: '#/validFrom' }] });
    expect((await add('steering', 'no.such-key', { validFrom: '2027-01-01', source: 'x', value: {} })).statusCode).toBe(404);
    expect((await add('department', 'progress-status-rule', { validFrom: '2027-01-01', source: 'x', value: { atRiskRatio: 0.6 } })).statusCode).toBe(403);
    expect((await statusRule()).versions).toHaveLength(2);
  });
});

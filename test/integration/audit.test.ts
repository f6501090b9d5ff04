import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/modules/audit/service';
import { makeUscc, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

describeEachDb('audit', (kind) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await loginAs(t.app, (await makeUser(t.database.db, 'admin')).username);
  });
  afterAll(() => t.close());

  it('records every change with who, what, before and after', async () => {
    const created = await t.app.inject(
      as(admin, { method: 'POST', url: '/api/org/enterprises', payload: { uscc: makeUscc(), name: '审计测试企业', regionCode: '360702' } }),
    );
    const id = created.json().id;
    await t.app.inject(as(admin, { method: 'PATCH', url: `/api/org/enterprises/${id}`, payload: { name: '审计测试企业（改）' } }));
    const res = await t.app.inject(as(admin, { method: 'GET', url: `/api/audit/events?entity=enterprise&entityId=${id}` }));
    const events = res.json().events;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['updateEnterprise', 'createEnterprise']);
    expect(events[0]).toMatchObject({ before: { name: '审计测试企业' }, after: { name: '审计测试企业（改）' } });
    expect(events[0].actorName).toMatch(/^admin/);
  });

  it('the seed load itself is audited', async () => {
    const res = await t.app.inject(as(admin, { method: 'GET', url: '/api/audit/events?action=loadPlan' }));
    expect(res.json().events[0]).toMatchObject({ actorName: 'system:seed', entity: 'plan', entityId: 'ganzhou-14fyp-ecer' });
  });

  it('verifies the chain, refuses edits, and finds the first tampered link', async () => {
    expect((await t.app.inject(as(admin, { method: 'GET', url: '/api/audit/verify' }))).json()).toMatchObject({ ok: true, brokenAt: null });
    const db = t.database.db;
    await expect(db.execute(sql`update audit_event set actor_name = 'mallory' where id = 3`)).rejects.toThrow();
    // An attacker with owner rights switches the guard off and rewrites history: the chain shows it.
    await db.execute(sql`alter table audit_event disable trigger audit_event_append_only`);
    await db.execute(sql`update audit_event set after = '{"name":"forged"}'::jsonb where id = 3`);
    await db.execute(sql`alter table audit_event enable trigger audit_event_append_only`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 3, count: 2, reason: 'hash-mismatch' });
  });
});

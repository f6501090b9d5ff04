import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appUser, task } from '../../src/db/schema/index';
import type { Mailer } from '../../src/modules/notifications/mailer';
import { runDailyDigest } from '../../src/modules/notifications/service';
import { makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

describeEachDb('notifications', (kind) => {
  let t: TestApp;
  let county: string;
  let countyId: number;
  let steering: string;
  let other: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    const c = await makeUser(db, 'county', { regionCode: '360702', email: 'zhanggong@example.gov.cn' });
    countyId = c.id;
    county = await loginAs(t.app, c.username);
    steering = await loginAs(t.app, (await makeUser(db, 'steering')).username);
    other = await loginAs(t.app, (await makeUser(db, 'county', { regionCode: '360703' })).username);
  });
  afterAll(() => t.close());
  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject(as(cookie, { method, url, ...(payload ? { payload } : {}) }));

  it('tells the submitter when a report is returned, with the comment; reading is per user', async () => {
    const [t211] = await t.database.db.select({ id: task.id }).from(task).where(eq(task.code, '2.1.1'));
    const id = (await call(county, 'POST', '/api/reporting/reports', { taskId: t211!.id, periodKey: '2025-Q1', regionCode: '360702', taskStatus: 'delayed', percentComplete: 10 })).json().id;
    await call(steering, 'POST', `/api/reporting/reports/${id}/return`, { comment: '请说明滞后原因' });
    const mine = (await call(county, 'GET', '/api/notifications')).json();
    expect(mine.unread).toBe(1);
    expect(mine.notices[0]).toMatchObject({ kind: 'returned', title: '报告被退回：2.1.1 2025-Q1 360702', body: '退回意见：请说明滞后原因', link: `/reporting?report=${id}`, readAt: null });
    expect((await call(other, 'POST', `/api/notifications/${mine.notices[0].id}/read`)).statusCode).toBe(404);
    expect((await call(county, 'POST', `/api/notifications/${mine.notices[0].id}/read`)).json()).toEqual({ marked: 1 });
    expect((await call(county, 'GET', '/api/notifications')).json().unread).toBe(0);
  });

  it('sends the daily digest once a day, in the app and by e-mail where an address is known', async () => {
    const sent: Array<{ to: string; subject: string; text: string }> = [];
    const mailer: Mailer = async (m) => {
      sent.push(m);
    };
    const now = new Date('2026-11-24T01:00:00Z'); // 09:00 in Beijing
    const first = await runDailyDigest(t.database.db, now, mailer);
    expect(first.ran).toBe(true);
    expect(first.notices).toBeGreaterThan(0);
    expect(sent.map((m) => m.to)).toContain('zhanggong@example.gov.cn');
    const countyMail = sent.find((m) => m.to === 'zhanggong@example.gov.cn')!;
    expect(countyMail.subject).toBe('报送提醒（2026-11-24）');
    expect(countyMail.text).toMatch(/\d+ 项报送已逾期/);
    expect(await runDailyDigest(t.database.db, now, mailer)).toEqual({ ran: false, notices: 0, emailed: 0 });
    const digest = (await call(county, 'GET', '/api/notifications')).json().notices.find((n: { kind: string }) => n.kind === 'digest');
    expect(digest.body).toContain('项报送已逾期');
    const [u] = await t.database.db.select().from(appUser).where(eq(appUser.id, countyId));
    expect(u!.email).toBe('zhanggong@example.gov.cn');
  });
});

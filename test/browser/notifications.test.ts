import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { task } from '../../src/db/schema/index';
import { makeUser, TEST_PASSWORD } from '../factories';
import { type BrowserRig, browserSkipReason, signedInContext, snap, startBrowserRig } from './helpers';

describe.skipIf(browserSkipReason)(`the notification bell${browserSkipReason ? ` — SKIPPED: ${browserSkipReason}` : ''}`, () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  }, 300_000);
  afterAll(async () => {
    await rig?.close();
  });

  it('tells a county user that a report was returned, and takes them to it', async () => {
    const db = rig.database.db;
    const county = await makeUser(db, 'county', { regionCode: '360702' });
    const steering = await makeUser(db, 'steering');
    const c = await signedInContext(rig, county.username, TEST_PASSWORD);
    const s = await signedInContext(rig, steering.username, TEST_PASSWORD);
    const [t211] = await db.select({ id: task.id }).from(task).where(eq(task.code, '2.1.1'));
    const post = (cookie: string, url: string, body: object) =>
      fetch(`${rig.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
    const report = await (await post(c.cookie, '/api/reporting/reports', { taskId: t211!.id, periodKey: '2025-Q1', regionCode: '360702', taskStatus: 'delayed', percentComplete: 10 })).json();
    expect((await post(s.cookie, `/api/reporting/reports/${report.id}/return`, { comment: '请说明滞后原因' })).status).toBe(200);

    const page = await c.context.newPage();
    try {
      await page.goto(`${rig.url}/`);
      const bell = page.getByRole('button', { name: '通知' });
      await bell.waitFor();
      await page.locator('.ant-badge-count').getByText('1').first().waitFor();
      await bell.click();
      const notice = page.getByText('报告被退回：2.1.1 2025-Q1 360702');
      await notice.waitFor();
      await page.getByText('退回意见：请说明滞后原因').waitFor();
      await snap(page, 'notifications-zh');
      await notice.click();
      await page.waitForURL(`**/reporting?report=${report.id}`);
      await page.locator('.ant-badge-count').waitFor({ state: 'detached' });
    } catch (err) {
      await snap(page, 'failed-notifications').catch(() => {});
      throw err;
    }
  });
});

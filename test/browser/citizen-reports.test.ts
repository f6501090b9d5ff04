import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../factories';
import { addGpsExif } from '../fixtures/citizen-photos';
import { type BrowserRig, browserSkipReason, contextOptions, signedInContext, snap, startBrowserRig, stepsOf } from './helpers';

/**
 * 举报与建议 (issue #10) on a phone: a citizen files a pollution report with a photo (a real JPEG carrying a GPS EXIF
 * block) without an account, gets a tracking number and a private link; a department user of 市生态环境局 replies
 * from the staff page; the citizen's track page shows the reply and the photo (decodable, its metadata removed).
 */
describe.skipIf(browserSkipReason)(`citizen reports: file on a phone, bureau replies, citizen sees it${browserSkipReason ? ` — SKIPPED: ${browserSkipReason}` : ''}`, () => {
  let rig: BrowserRig;
  const pages: Partial<Record<'citizen' | 'bureau', Page>> = {};

  beforeAll(async () => {
    rig = await startBrowserRig();
    const citizen = await rig.browser.newContext({ ...contextOptions(), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    pages.citizen = await citizen.newPage();
    const bureau = await makeUser(rig.database.db, 'department'); // 市生态环境局
    pages.bureau = await (await signedInContext(rig, bureau.username, TEST_PASSWORD)).context.newPage();
  }, 300_000);
  afterAll(async () => {
    await rig?.close();
  });

  const step = stepsOf('citizen-reports', pages);

  it('files a report with a photo, the bureau replies, the citizen reads the reply', async () => {
    const citizen = pages.citizen!;
    const bureau = pages.bureau!;
    let trackingNo = '';
    let link = '';

    await step('file', async () => {
      await citizen.goto(`${rig.url}/open/report`);
      await citizen.getByRole('heading', { name: '举报与建议', level: 1 }).waitFor();
      // A real JPEG from the browser's own encoder, with a phone's GPS EXIF block put in.
      const dataUrl = await citizen.evaluate(() => {
        const canvas = document.createElement('canvas');
        canvas.width = 64;
        canvas.height = 48;
        const g = canvas.getContext('2d')!;
        g.fillStyle = '#555';
        g.fillRect(0, 0, 64, 48);
        g.fillStyle = '#222';
        g.fillRect(10, 5, 20, 40);
        return canvas.toDataURL('image/jpeg', 0.8);
      });
      const photo = addGpsExif(Buffer.from(dataUrl.split(',')[1]!, 'base64'));
      await citizen.getByLabel('污染举报').check();
      await citizen.getByLabel('县（市、区）').selectOption({ label: '章贡区' });
      await citizen.getByLabel('地址或地点描述').fill('章贡区水西工业园某厂');
      // Without a description the server's error lands next to the field (and is tied to it for screen readers).
      await citizen.getByRole('button', { name: '提交', exact: true }).click();
      await citizen.getByRole('alert').filter({ hasText: '请先更正标出的内容' }).waitFor({ timeout: 90_000 });
      const description = citizen.getByLabel('问题描述');
      await expect.poll(() => description.getAttribute('aria-invalid')).toBe('true');
      const errorId = (await description.getAttribute('aria-describedby'))!;
      expect(await citizen.locator(`[id="${errorId}"]`).textContent()).toBe('描述不能为空');
      await description.fill('烟囱夜间冒黑烟，气味刺鼻');
      await expect.poll(() => description.getAttribute('aria-invalid')).toBe('false');
      await citizen.getByLabel('联系电话（可选，仅办理人员可见）').fill('13907970002');
      await citizen.getByLabel('照片（可选）').setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: photo });
      await citizen.getByRole('img', { name: 'IMG_2041.jpg' }).waitFor();
      await snap(citizen, 'citizen-report-form');
      await citizen.getByRole('button', { name: '提交', exact: true }).click();
      await citizen.getByRole('heading', { name: '已收到您的举报或建议' }).waitFor({ timeout: 90_000 });
      trackingNo = (await citizen.getByTestId('tracking-no').textContent()) ?? '';
      expect(trackingNo).toMatch(/^GZ\d{8}-\d{4}$/);
      link = await citizen.getByLabel('私人查询链接').inputValue();
      expect(link).toMatch(new RegExp(`/open/track/${trackingNo}#[A-Za-z0-9_-]{22}$`));
      await snap(citizen, 'citizen-report-submitted');
    });

    await step('bureau-replies', async () => {
      await bureau.goto(`${rig.url}/public?tab=reports`);
      await bureau.getByRole('button', { name: trackingNo }).click();
      const drawer = bureau.locator('.ant-drawer-content');
      await drawer.getByText('13907970002').waitFor(); // the contact, for the handler only
      await drawer.getByRole('img', { name: 'IMG_2041.jpg' }).waitFor();
      await drawer.getByLabel('意见').fill('经现场核查，已责令该厂停产整改。');
      await drawer.getByRole('button', { name: /确\s?定/ }).click();
      await bureau.getByText('已保存').waitFor();
      await drawer.getByText('已答复').first().waitFor();
      await snap(bureau, 'citizen-report-bureau');
    });

    await step('citizen-reads', async () => {
      await citizen.goto(link);
      await citizen.getByRole('heading', { name: `办理进展 ${trackingNo}` }).waitFor();
      await citizen.getByText('经现场核查，已责令该厂停产整改。').waitFor();
      await citizen.getByText('已答复', { exact: true }).first().waitFor();
      await expect(citizen.getByText('13907970002').count()).resolves.toBe(0);
      const img = citizen.getByRole('img', { name: '举报照片 IMG_2041.jpg' });
      await img.waitFor();
      // The copy without EXIF still decodes as the same 64 × 48 picture.
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(64);
      await snap(citizen, 'citizen-report-track');
    });
  }, 180_000);
});

import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../factories';
import { type BrowserRig, browserSkipReason, callApi, contextOptions, signedInContext, snap, startBrowserRig, stepsOf } from './helpers';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
type AxeResult = { violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> };

/** axe-core's WCAG 2.1 A/AA rules on the page as it stands (with content, not the empty states); serious and critical fail. */
async function seriousViolations(page: Page) {
  await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  )) as AxeResult;
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * 新闻与活动 and 自愿承诺 (issue #10): the steering office writes a 世界环境日 campaign event, saves it as a draft and
 * publishes it; the public news page and the Atom feed show it. A person on a phone makes a commitment without an
 * account, keeps the private link, and updates its progress through it.
 */
describe.skipIf(browserSkipReason)(`participation: a campaign published, a commitment made on a phone${browserSkipReason ? ` — SKIPPED: ${browserSkipReason}` : ''}`, () => {
  let rig: BrowserRig;
  const pages: Partial<Record<'steering' | 'person', Page>> = {};
  let enterpriseCookie = '';

  beforeAll(async () => {
    rig = await startBrowserRig();
    const steering = await makeUser(rig.database.db, 'steering');
    pages.steering = await (await signedInContext(rig, steering.username, TEST_PASSWORD)).context.newPage();
    // bypassCSP only lets the test inject axe-core (the site's CSP allows no inline script); the pages run as served.
    const phone = await rig.browser.newContext({ ...contextOptions(), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true });
    pages.person = await phone.newPage();
    const enterprise = await makeUser(rig.database.db, 'enterprise');
    enterpriseCookie = (await signedInContext(rig, enterprise.username, TEST_PASSWORD)).cookie;
  }, 300_000);
  afterAll(async () => {
    await rig?.close();
  });

  const step = stepsOf('participation', pages);

  it('publishes a campaign event that the public news page and the feed show', async () => {
    const staff = pages.steering!;
    const title = '2026 年世界环境日 <主题> 宣传活动';
    await step('write', async () => {
      await staff.goto(`${rig.url}/public?tab=news`);
      await staff.getByRole('button', { name: '新建' }).click();
      const dialog = staff.getByRole('dialog');
      await dialog.getByLabel('宣传活动').check();
      await dialog.getByLabel('活动类型').click();
      await staff.getByTitle('世界环境日').click();
      await dialog.getByLabel('标题').fill(title);
      await dialog.getByLabel('开始日期').fill(TODAY);
      await dialog.getByLabel('开始日期').press('Enter');
      await dialog.getByLabel('正文（纯文本，空行分段）').fill('六月五日在章江公园举办主题宣传。\n\n欢迎市民参加 <b>不是标记</b>。');
      await dialog.getByRole('button', { name: '保存草稿' }).click();
      await staff.getByRole('row', { name: new RegExp(`${title.replace(/[<>]/g, '.')}.*草稿`) }).waitFor();
    });
    await step('draft-hidden', async () => {
      const list = (await (await fetch(`${rig.url}/api/public/news`)).json()) as unknown[];
      expect(list).toEqual([]);
    });
    await step('publish', async () => {
      await staff.getByRole('button', { name: `发布 ${title}` }).click();
      await staff.getByRole('row', { name: /已发布/ }).waitFor();
      await snap(staff, 'participation-news-staff');
    });
    await step('public', async () => {
      const visitor = pages.person!;
      await visitor.goto(`${rig.url}/open/news`);
      await visitor.getByRole('heading', { name: '新闻与活动', level: 1 }).waitFor();
      await visitor.getByText('进行中').waitFor();
      await visitor.getByRole('link', { name: title }).click();
      await visitor.getByRole('heading', { name: title, level: 1 }).waitFor();
      // Plain text stays text: the angle brackets show, no <b> element is made.
      await visitor.getByText('欢迎市民参加 <b>不是标记</b>。').waitFor();
      expect(await visitor.locator('article b').count()).toBe(0);
      expect(await seriousViolations(visitor), 'news item').toEqual([]);
      await visitor.goto(`${rig.url}/open/news`);
      await visitor.getByRole('link', { name: title }).waitFor();
      expect(await seriousViolations(visitor), 'news list').toEqual([]);
      await snap(visitor, 'participation-news-public');
      const feed = await fetch(`${rig.url}/api/public/news/feed.atom`);
      expect(feed.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
      const xml = await feed.text();
      expect(xml).toContain('<title type="text">2026 年世界环境日 &lt;主题&gt; 宣传活动</title>');
      expect(xml).toContain('<category term="environment-day"/>');
    });
  });

  it('lets a person make a commitment on a phone and update it through the private link', async () => {
    const person = pages.person!;
    let link = '';
    await step('commit', async () => {
      await person.goto(`${rig.url}/open/commitments`);
      await person.getByRole('heading', { name: '自愿承诺', level: 1 }).waitFor();
      await person.getByText('暂无符合条件的承诺。').waitFor();
      await person.getByRole('radio', { name: '个人' }).check();
      await person.getByLabel('单位或个人名称').fill('王五');
      await person.getByLabel('所在县（市、区）').selectOption({ label: '章贡区' });
      await person.getByLabel('承诺事项').fill('家庭用电每月减少两成');
      await person.getByLabel('承诺内容').fill('更换节能灯具，空调夏季不低于 26 ℃。');
      await person.getByLabel('衡量指标').fill('月用电量');
      await person.getByLabel('单位', { exact: true }).fill('kWh');
      await person.getByLabel('基准值').fill('300');
      await person.getByLabel('目标值').fill('240');
      await person.getByLabel('完成期限').fill('2099-12-31');
      await person.getByRole('button', { name: '提交承诺' }).click();
      await person.getByRole('heading', { name: /承诺已公开/ }).waitFor({ timeout: 90_000 });
      link = (await person.getByRole('link', { name: /\/open\/commitments\?id=\d+#/ }).textContent()) ?? '';
      expect(link).toMatch(/#[A-Za-z0-9_-]{22}$/);
      // Shown at once in the public list, with its measure.
      await person.getByRole('link', { name: '家庭用电每月减少两成' }).waitFor();
      await person.getByText('月用电量：由 300 到 240 kWh，2099-12-31 前完成').waitFor();
      await snap(person, 'participation-commitment-made');
      expect(await seriousViolations(person), 'commitments list').toEqual([]);
    });
    await step('update', async () => {
      await person.goto(link);
      await person.getByRole('heading', { name: '家庭用电每月减少两成', level: 1 }).waitFor();
      await person.getByLabel('当前值（kWh）').fill('270');
      await person.getByLabel('截至日期').fill(TODAY);
      await person.getByLabel('说明').fill('已换灯');
      await person.getByRole('button', { name: '更新进展' }).click();
      await person.getByRole('status').filter({ hasText: '进展已更新' }).waitFor();
      await person.getByText(`${TODAY}：270 kWh — 已换灯`).waitFor();
      await person.getByText(`最新：270 kWh（截至 ${TODAY}）`).waitFor();
      await snap(person, 'participation-commitment-updated');
      expect(await seriousViolations(person), 'commitment with its progress form').toEqual([]);
    });
    await step('no-token', async () => {
      // Without the fragment the page shows the commitment but no progress form.
      await person.goto(link.replace(/#.*$/, ''));
      await person.getByRole('heading', { name: '家庭用电每月减少两成', level: 1 }).waitFor();
      expect(await person.getByRole('button', { name: '更新进展' }).count()).toBe(0);
    });
  });

  it('lets the steering office approve an enterprise commitment in the review queue and hide a published one with a reason', async () => {
    const staff = pages.steering!;
    const fields = { content: '余热发电', indicator: '单位产品综合能耗', unit: 'kgce/t', baselineValue: 120, targetValue: 100, dueDate: '2099-12-31' };
    await callApi(rig, enterpriseCookie, 'POST', '/api/public/my-commitments', { ...fields, title: '熟料单耗降到 100' });
    await step('approve', async () => {
      await staff.goto(`${rig.url}/public?tab=commitments`);
      const row = staff.getByRole('row', { name: /熟料单耗降到 100.*待审核/ });
      await row.getByRole('button', { name: /^通\s*过$/ }).click();
      await row.waitFor({ state: 'detached' });
      const published = (await (await fetch(`${rig.url}/api/public/commitments?kind=enterprise`)).json()) as { title: string }[];
      expect(published.map((c) => c.title)).toEqual(['熟料单耗降到 100']);
    });
    await step('hide', async () => {
      await staff.getByTitle('已公开', { exact: true }).click(); // the view switch (a toast says 已公开 too)
      const row = staff.getByRole('row', { name: /家庭用电每月减少两成/ });
      await row.getByRole('button', { name: /^隐\s*藏$/ }).click();
      const dialog = staff.getByRole('dialog', { name: '隐藏承诺' });
      await dialog.getByLabel('理由').fill('与事实不符');
      await dialog.getByRole('button', { name: /^隐\s*藏$/ }).click();
      await row.waitFor({ state: 'detached' });
      await snap(staff, 'participation-commitments-staff');
      const published = (await (await fetch(`${rig.url}/api/public/commitments`)).json()) as { title: string }[];
      expect(published.map((c) => c.title)).toEqual(['熟料单耗降到 100']);
    });
  });
});

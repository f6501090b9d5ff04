import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type Locator, type Page, chromium } from 'playwright-core';
import type { Database } from '../../src/db/client';
import type { Role } from '../../src/domain/access';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { makeUser, TEST_PASSWORD } from '../factories';
import { openTestDatabase } from '../helpers/db';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Without Debian's chromium the browser tests skip locally (saying so) but fail in CI, which installs it. */
export const browserSkipReason = fs.existsSync(CHROMIUM) ? null : `${CHROMIUM} not found: apt-get install -y chromium (or run .ci/run)`;
if (browserSkipReason && process.env.CI) throw new Error(`browser tests need chromium: ${browserSkipReason}`);

const root = path.resolve(import.meta.dirname, '../..');
export const screenshotDir = path.join(root, '.ecer/screenshots');

export type BrowserRig = { url: string; database: Database; browser: Browser; close(): Promise<void> };

/** The real server (the web app built by the global setup, a fresh seeded PGlite) on a free port, and a headless Debian chromium. */
export async function startBrowserRig(): Promise<BrowserRig> {
  const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' });
  const database = await openTestDatabase('pglite');
  const app = await buildApp(config, database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    url,
    database,
    browser,
    close: async () => {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** Saves a screenshot of the page under .ecer/screenshots (for failures and for looking). */
export async function snap(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * Every test browser asks for reduced motion, which the app honours by turning antd's animations off: a click on a
 * modal's button during its zoom-in could be lost (the dual-control approval and the reduction verification flaked so).
 */
export function contextOptions(locale = 'zh-CN') {
  return { locale, viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' as const };
}

/** A browser context signed in as the user, through the API (no form to click through). */
export async function signedInContext(rig: BrowserRig, username: string, password: string, locale = 'zh-CN') {
  const res = await fetch(`${rig.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const token = /ecer_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error(`login of ${username} failed: ${res.status}`);
  const context = await rig.browser.newContext(contextOptions(locale));
  await context.addCookies([{ name: 'ecer_session', value: token, url: rig.url }]);
  return { context, cookie: `ecer_session=${token}` };
}

/**
 * Makes a user of each role (test/factories.ts: a county user is 章贡区's, a department user 市生态环境局's), signs each
 * in through the API and opens a page for each in a browser context of its own; the cookies serve API calls.
 */
export async function signedInPages<K extends string>(rig: BrowserRig, roles: Record<K, Role>) {
  const pages = {} as Record<K, Page>;
  const cookies = {} as Record<K, string>;
  for (const [who, role] of Object.entries(roles) as Array<[K, Role]>) {
    const { context, cookie } = await signedInContext(rig, (await makeUser(rig.database.db, role)).username, TEST_PASSWORD);
    cookies[who] = cookie;
    pages[who] = await context.newPage();
  }
  return { pages, cookies };
}

/** Calls the API with a session cookie, for seeding; throws unless the answer is 2xx, else returns its JSON. */
export async function callApi(rig: BrowserRig, cookie: string, method: string, path: string, body?: object) {
  const res = await fetch(`${rig.url}${path}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * The `step` of a test that runs in named steps: on failure it keeps a screenshot of what each page showed, as
 * `failed-<test>-<step>-<who>`. Reads `pages` when a step fails, so they may be opened after this is made.
 */
export function stepsOf(test: string, pages: Partial<Record<string, Page>>) {
  return async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      for (const [who, page] of Object.entries(pages)) if (page) await snap(page, `failed-${test}-${name}-${who}`).catch(() => {});
      throw err;
    }
  };
}

/**
 * Where ECharts draws a county's label point on the county map labelled `mapLabel`. ECharts fits the map, at 0.95 × the
 * chart's shorter side, centred, with width/height = (lng span / lat span) × 0.75; the point is the map file's `center`.
 */
export async function countyPoint(page: Page, mapLabel: string, name: string) {
  const map = JSON.parse(fs.readFileSync(path.join(root, 'web/public/map/ganzhou.json'), 'utf8')) as {
    features: Array<{ properties: { name: string; center: number[] }; geometry: { coordinates: unknown } }>;
  };
  const points = map.features.flatMap((f) => (f.geometry.coordinates as unknown[]).flat(Infinity) as number[]);
  const lngs = points.filter((_, i) => i % 2 === 0);
  const lats = points.filter((_, i) => i % 2 === 1);
  const [minLng, maxLng, minLat, maxLat] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  const box = (await page.getByRole('img', { name: mapLabel }).boundingBox())!;
  const size = 0.95 * Math.min(box.width, box.height);
  const aspect = ((maxLng - minLng) / (maxLat - minLat)) * 0.75;
  const [w, h] = aspect > 1 ? [size, size / aspect] : [size * aspect, size];
  const [lng, lat] = map.features.find((f) => f.properties.name === name)!.properties.center as [number, number];
  return { x: box.x + box.width / 2 - w / 2 + ((lng - minLng) / (maxLng - minLng)) * w, y: box.y + box.height / 2 - h / 2 + ((maxLat - lat) / (maxLat - minLat)) * h };
}

/** The colours a county map's canvas shows around a county's label point (the label itself covers the centre). */
export async function mapColoursAround(page: Page, mapLabel: string, name: string, offsets: number[][] = [[-14, 0], [14, 0], [0, -12], [0, 12], [-10, -10], [10, 10], [-10, 10], [10, -10]]) {
  const { x, y } = await countyPoint(page, mapLabel, name);
  const scroll = await page.evaluate(() => [window.scrollX, window.scrollY] as const);
  return page.evaluate(
    ({ x, y, offsets, label }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`[aria-label="${label}"] canvas`)!;
      const rect = canvas.getBoundingClientRect();
      const ratio = canvas.width / rect.width;
      const ctx = canvas.getContext('2d')!;
      return offsets.map(([dx, dy]) => [...ctx.getImageData(Math.round((x + dx! - rect.left) * ratio), Math.round((y + dy! - rect.top) * ratio), 1, 1).data].slice(0, 3));
    },
    { x: x - scroll[0], y: y - scroll[1], offsets, label: mapLabel },
  );
}

/**
 * Picks an option of an AntD Select by its label within `scope` (typed first where the select searches), in that
 * select's own dropdown (found by aria-controls, so another open dropdown cannot answer), and waits for it to close.
 */
export async function pickOption(scope: Page | Locator, page: Page, label: string, option: string) {
  const input = scope.getByLabel(label, { exact: true });
  // `has` is matched inside each .ant-select, so it takes an unscoped locator.
  await scope.locator('.ant-select', { has: page.getByLabel(label, { exact: true }) }).click();
  if ((await input.getAttribute('readonly')) === null) await input.fill(option);
  const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${await input.getAttribute('aria-controls')}"]`) });
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
  await dropdown.waitFor({ state: 'hidden' });
}

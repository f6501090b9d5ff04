import fs from 'node:fs';
import ExcelJS from 'exceljs';
import mqtt, { type MqttClient } from 'mqtt';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MQTT_URL, brokerReachable, until } from '../helpers/mqtt';
import { type MeterSubscriber, startMeterSubscriber } from '../../src/gateway/mqtt';
import { makeEnterprise, makeUscc, makeUser, TEST_PASSWORD } from '../factories';
import { type BrowserRig, browserSkipReason, signedInContext, snap, startBrowserRig, stepsOf } from './helpers';

const skipReason = browserSkipReason ?? ((await brokerReachable(MQTT_URL)) ? null : `no MQTT broker at ${MQTT_URL} (start Mosquitto or set TEST_MQTT_URL)`);

// The rig's server does not run the MQTT subscriber (serve.ts starts it from MQTT_URL; the rig's config has none), so
// the test runs one against the rig's database: readings travel broker → subscriber → database → API → page.
describe.skipIf(skipReason)(`online metering: an enterprise sees its meters live, by the hour and the day; another's answers not found${skipReason ? ` — SKIPPED: ${skipReason}` : ''}`, () => {
  let rig: BrowserRig;
  let pub: MqttClient;
  let sub: MeterSubscriber;
  const pages: Partial<Record<'ent' | 'steering', Page>> = {};
  const clientId = `ecer-browser-meters-${process.pid}`;
  // A USCC no other test process makes, since every subscriber on the broker hears every enterprise's readings.
  const uscc = makeUscc(700_000 + (process.pid % 100_000));
  let own = 0;
  let other = 0;
  let entCookie = '';
  // Ten-minute readings of 12.5 kWh each, the last ten minutes before the test starts: 1000 → 1150 kWh over two hours.
  const t0 = Date.now() - 130 * 60_000;
  const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
  const publish = (meter: string, body: unknown) => pub.publishAsync(`ecer/${uscc}/${meter}`, JSON.stringify(body), { qos: 1 });
  const meters = async () => {
    const res = await fetch(`${rig.url}/api/metering/enterprises/${own}/meters`, { headers: { cookie: entCookie } });
    return ((await res.json()) as { meters: Array<{ code: string; latest: { value: number } | null }> }).meters;
  };

  beforeAll(async () => {
    rig = await startBrowserRig();
    const db = rig.database.db;
    own = (await makeEnterprise(db, { uscc, name: '赣州在线监测测试有限公司', isKeyEnergyUnit: true, keyUnitClass: 'key' })).id;
    other = (await makeEnterprise(db, { name: '别家水泥厂' })).id;
    const ent = await signedInContext(rig, (await makeUser(db, 'enterprise', { enterpriseId: own })).username, TEST_PASSWORD);
    entCookie = ent.cookie;
    pages.ent = await ent.context.newPage();
    pages.steering = await (await signedInContext(rig, (await makeUser(db, 'steering')).username, TEST_PASSWORD)).context.newPage();

    sub = startMeterSubscriber({ url: MQTT_URL, db, log: pino({ level: 'silent' }) as never, clientId, flushMs: 50 });
    await sub.ready;
    pub = await mqtt.connectAsync(MQTT_URL, { clientId: `${clientId}-pub`, clean: true });
    await publish('E-01', Array.from({ length: 13 }, (_, i) => ({ ts: at(i * 10), value: 1000 + i * 12.5, unit: 'kWh', carrier: 'electricity' })));
    // A gas meter that fell silent 100 minutes ago (the gap threshold is 30 minutes).
    await publish('G-01', [
      { ts: at(0), value: 50, unit: 'm3', carrier: 'natural-gas' },
      { ts: at(30), value: 53, unit: 'm3' },
    ]);
    await until(async () => (await meters()).map((m) => `${m.code}:${m.latest?.value}`).join() === 'E-01:1150,G-01:53');
  }, 300_000);
  afterAll(async () => {
    await sub?.stop();
    await pub?.endAsync();
    // Drop the persistent session this run left in the broker.
    if (!skipReason) await (await mqtt.connectAsync(MQTT_URL, { clientId, clean: true })).endAsync();
    await rig?.close();
  });

  const step = stepsOf('metering', pages);
  const row = (page: Page, code: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: code, exact: true }) });

  it('shows the latest readings, a new one without reloading, the silent meter tagged, and the use by the hour and the day', async () => {
    const page = pages.ent!;
    await step('meters', async () => {
      await page.goto(`${rig.url}/enterprises/${own}/meters`);
      await page.getByRole('heading', { level: 1, name: '赣州在线监测测试有限公司 · 能耗在线监测' }).waitFor();
      const e01 = row(page, 'E-01');
      await e01.getByRole('cell', { name: '1,150', exact: true }).waitFor();
      await e01.getByText('电力', { exact: true }).waitFor();
      await e01.getByText(/^1[01] 分钟前$/).waitFor();
      await e01.getByText('在线', { exact: true }).waitFor();
      await row(page, 'G-01').getByText('中断超过 30 分钟').waitFor();
      await row(page, 'G-01').getByText('1 小时前').waitFor();
      // The hourly chart of the first meter shows by default.
      await page.getByRole('img', { name: 'E-01 用能曲线（kWh） · 小时' }).waitFor();
      await page.getByText('合计 150 kWh').waitFor();
      await snap(page, 'metering-meters');
    });

    await step('live', async () => {
      await publish('E-01', { ts: at(130), value: 1162.5, unit: 'kWh' }); // at(130): when the test started, seconds ago
      // No reload: the list asks again every 10 s.
      await row(page, 'E-01').getByRole('cell', { name: '1,162.5', exact: true }).waitFor({ timeout: 25_000 });
      await row(page, 'E-01').getByText('刚刚').waitFor();
    });

    await step('daily', async () => {
      await page.getByRole('radiogroup', { name: '统计粒度' }).getByText('日', { exact: true }).click();
      await page.getByRole('img', { name: 'E-01 用能曲线（kWh） · 日' }).waitFor();
      await page.getByText('合计 162.5 kWh').waitFor({ timeout: 15_000 });
      const coloured = () =>
        page.evaluate(() => {
          const canvas = document.querySelector<HTMLCanvasElement>('[aria-label="E-01 用能曲线（kWh） · 日"] canvas')!;
          const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          let n = 0;
          for (let i = 0; i < data.length; i += 4) if (Math.max(data[i]!, data[i + 1]!, data[i + 2]!) - Math.min(data[i]!, data[i + 1]!, data[i + 2]!) > 60) n++;
          return n;
        });
      // Bars were drawn (once the entry animation ends): the canvas holds more than the white background and grey axes.
      await until(async () => (await coloured()) > 500, 5000);
      await snap(page, 'metering-daily');
    });

    await step('comparison', async () => {
      const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '在线监测量' }) });
      await row(page, '电力').getByText('未报告').waitFor();
      expect(await table.getByRole('row').count()).toBe(3); // header, electricity, natural gas
      await page.getByRole('button', { name: /导出.*在线监测与年度报告对比/ }).waitFor();
    });

    await step('export', async () => {
      // The meters' 导出 Excel holds what the table shows: labels, not codes; numbers stay numbers.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel：赣州在线监测测试有限公司计量表' }).click()]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const values = (n: number) => (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1);
      expect(values(1)).toEqual(['表号', '能源品种', '计量单位', '最新表底数', '最新读数时间', '距今', '状态']);
      expect(values(2)).toEqual(['E-01', '电力', 'kWh', 1162.5, expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/), expect.any(String), '在线']);
      expect(values(3)).toEqual(['G-01', '天然气', 'm3', 53, expect.any(String), '1 小时前', '中断超过 30 分钟']);
    });
  });

  it("answers not found for another enterprise's page, and shows the city the rejected readings in Chinese", async () => {
    await step('not-found', async () => {
      const page = pages.ent!;
      await page.goto(`${rig.url}/enterprises/${other}/meters`);
      await page.getByRole('heading', { level: 1, name: '未找到该企业' }).waitFor();
      expect(await page.getByText('别家水泥厂').count()).toBe(0);
      expect((await fetch(`${rig.url}/api/metering/enterprises/${other}/meters`, { headers: { cookie: entCookie } })).status).toBe(404);
      await snap(page, 'metering-not-found');
    });

    await step('rejections', async () => {
      await publish('E-01', { ts: at(131), value: 900, unit: 'kWh' }); // the counter went back
      const page = pages.steering!;
      await page.goto(`${rig.url}/enterprises/${own}/meters`);
      const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '原因' }) });
      const rejected = table.getByRole('row').filter({ hasText: '表底数回退' });
      await rejected.waitFor({ timeout: 25_000 });
      await rejected.getByRole('cell', { name: '900', exact: true }).waitFor();
      await rejected.scrollIntoViewIfNeeded();
      await snap(page, 'metering-rejections');
    });
  });
});

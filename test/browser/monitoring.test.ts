import net from 'node:net';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePacket, makeFlag, type Packet } from '../../src/domain/hj212';
import { startHj212Services } from '../../src/gateway/hj212';
import { makeEnterprise, makeUser, TEST_PASSWORD } from '../factories';
import { type BrowserRig, browserSkipReason, callApi, signedInContext, snap, startBrowserRig, stepsOf, pickOption } from './helpers';

const MN = '88888880000001';
const PW = '123456';
const BEIJING_MS = 8 * 3_600_000;
/** DataTime as a station writes it: YYYYMMDDhhmmss, Beijing time. */
const dataTime = (ms: number) => new Date(ms + BEIJING_MS).toISOString().replace(/\D/g, '').slice(0, 14);

/** A 2011 real-time upload of COD with the answer bit set (HJ 212-2017: Flag = 4 | 1). */
function rtdPacket(at: number, cod: string): Packet {
  return {
    qn: `${dataTime(at)}000`,
    st: '32',
    cn: '2011',
    pw: PW,
    mn: MN,
    flag: makeFlag(1, { answer: true }),
    pnum: null,
    pno: null,
    rf: null,
    cp: { dataTime: dataTime(at), params: {}, factors: [{ code: 'w01018', rtd: cod, flag: 'N', other: {} }] },
  };
}

describe.skipIf(browserSkipReason)(`online monitoring: an exceedance sent over HJ 212 becomes an alarm the county acknowledges and handles; the live chart moves${browserSkipReason ? ` — SKIPPED: ${browserSkipReason}` : ''}`, () => {
  let rig: BrowserRig;
  let cookie = '';
  let stationId = 0;
  const pages: Partial<Record<'county' | 'ent' | 'other', Page>> = {};
  const t0 = Date.now() - 60_000;
  let hj212: Awaited<ReturnType<typeof startHj212Services>>;
  // One connection, as a DAS holds it; what the gateway answers is kept as text.
  let socket: net.Socket | null = null;
  let answers = '';
  /** Sends a packet over the station's TCP connection and waits for its 9014, which comes only once the data are stored. */
  const send = async (packet: Packet) => {
    socket ??= await new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect(hj212.gateway.port, '127.0.0.1', () => resolve(s)).once('error', reject);
      s.setEncoding('latin1').on('data', (d: string) => (answers += d));
    });
    socket.write(encodePacket(packet));
    await expect.poll(() => answers.includes(`QN=${packet.qn};ST=91;CN=9014;PW=${PW};MN=${MN};`), { timeout: 15_000 }).toBe(true);
  };

  beforeAll(async () => {
    rig = await startBrowserRig();
    const db = rig.database.db;
    // The rig's server does not run the gateway (serve.ts starts it on HJ212_PORT), so the test runs one against the
    // rig's database on a free port: packets travel socket → gateway → queue → database → API → page.
    hj212 = await startHj212Services({ db, log: pino({ level: 'silent' }), host: '127.0.0.1', port: 0, idleMs: 120_000, natsUrl: null });
    const enterprise = await makeEnterprise(db, { name: '赣州某污水处理有限公司', regionCode: '360702' });
    const county = await signedInContext(rig, (await makeUser(db, 'county')).username, TEST_PASSWORD);
    pages.ent = await (await signedInContext(rig, (await makeUser(db, 'enterprise', { enterpriseId: enterprise.id })).username, TEST_PASSWORD)).context.newPage();
    pages.other = await (await signedInContext(rig, (await makeUser(db, 'enterprise')).username, TEST_PASSWORD)).context.newPage();
    cookie = county.cookie;
    pages.county = await county.context.newPage();
  }, 300_000);
  afterAll(async () => {
    socket?.destroy();
    await hj212?.stop();
    await rig?.close();
  });

  const step = stepsOf('monitoring', pages);
  const pick = pickOption;

  it('registers a station through the form, with its factor limit and PW (never shown back)', async () => {
    const page = pages.county!;
    await step('register', async () => {
      await page.goto(`${rig.url}/monitoring`);
      await page.getByRole('button', { name: '新增站点' }).click();
      const dialog = page.getByRole('dialog', { name: '新增站点' });
      await dialog.getByRole('button', { name: '保存' }).click();
      // Nothing filled in: the form names the fields (rules from the contract's StationBody) and sends nothing.
      await dialog.locator('#monitoring-station_mn_help').waitFor();
      await dialog.locator('#monitoring-station_name_help').waitFor();
      await dialog.getByLabel('MN 编码').fill(MN);
      await dialog.getByLabel('站点名称').fill('某污水处理厂总排口');
      await pick(dialog, page, '企业', '赣州某污水处理有限公司');
      await dialog.getByLabel('排放口').fill('DW001');
      await dialog.getByLabel('经度').fill('114.94');
      await dialog.getByLabel('纬度').fill('25.83');
      await dialog.getByRole('button', { name: '添加监测因子' }).click();
      await pick(dialog, page, '第 1 个监测因子', '化学需氧量 w01018');
      expect(await dialog.getByLabel('第 1 个因子的单位').inputValue()).toBe('mg/L'); // the standard's unit, filled in
      await dialog.getByLabel('第 1 个因子的上限').fill('50');
      await dialog.getByLabel('第 1 个因子的标准及条款').fill('GB 18918-2002 一级A');
      await dialog.getByLabel('实时数据间隔（秒）').fill('30');
      await snap(page, 'monitoring-station-form');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByRole('row').filter({ hasText: MN });
      await row.getByText('未上线', { exact: true }).waitFor();

      await row.getByRole('button', { name: '设置密码/密钥：某污水处理厂总排口' }).click();
      const secrets = page.getByRole('dialog', { name: '设置密码/密钥：某污水处理厂总排口' });
      await secrets.getByText('当前：访问密码未设置；SM4 密钥 0 个。').waitFor();
      await secrets.getByLabel('当前 SM4 密钥').fill('too-short');
      await secrets.getByRole('button', { name: '保存' }).click();
      await secrets.getByText('SM4 密钥应为 16 个可见 ASCII 字符或 32 位十六进制').waitFor(); // the contract's own rule
      await secrets.getByLabel('当前 SM4 密钥').fill('');
      await secrets.getByLabel('新访问密码（PW）').fill(PW);
      await secrets.getByRole('button', { name: '保存' }).click();
      await secrets.waitFor({ state: 'hidden' });
      const [station] = (await callApi(rig, cookie, 'GET', `/api/monitoring/stations?q=${MN}`)) as Array<{ id: number; hasPw: boolean; factors: unknown[] }>;
      expect(station).toMatchObject({ hasPw: true, factors: [{ code: 'w01018', unit: 'mg/L', upper: 50, lower: null, basis: 'measured', source: 'GB 18918-2002 一级A' }] });
      expect(JSON.stringify(station)).not.toContain(PW);
      stationId = station!.id;
    });
  });

  it('shows the exceedance in 报警中心, takes it through 确认 and 处理 with a note, and moves the live chart on the next packet', async () => {
    const page = pages.county!;
    await step('exceedance', async () => {
      await send(rtdPacket(t0, '61.2'));
      await page.goto(`${rig.url}/monitoring`);
      await page.getByRole('heading', { level: 1, name: '在线监测' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: MN });
      await row.getByText('报警', { exact: true }).waitFor();
      await row.getByText('化学需氧量 61.2').waitFor();
      await page.getByRole('img', { name: '监测站点分布图' }).waitFor();
      await snap(page, 'monitoring-stations');
    });

    await step('alarm', async () => {
      await page.getByRole('tab', { name: '报警中心' }).click();
      await page.waitForURL(/tab=alarms/);
      const row = page.getByRole('row').filter({ hasText: '某污水处理厂总排口' });
      await row.getByText('超标', { exact: true }).waitFor();
      await row.getByText('新报警', { exact: true }).waitFor();
      await row.getByText('61.2 / 50').waitFor();
      await snap(page, 'monitoring-alarm-new');

      await row.getByRole('button', { name: /^确认报警/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: '确认', exact: true }).click();
      await row.getByText('已确认', { exact: true }).waitFor();

      await row.getByRole('button', { name: /^处理报警/ }).click();
      await dialog.getByRole('button', { name: '处理', exact: true }).click();
      await dialog.getByText('请填写处理说明').waitFor(); // a note is required to handle
      await dialog.getByLabel('处理说明').fill('已调整曝气量，出水 COD 回落至 42 mg/L');
      await dialog.getByRole('button', { name: '处理', exact: true }).click();
      await row.getByText('已处理', { exact: true }).waitFor();

      // The history of the alarm, under its row.
      await row.getByRole('button', { name: /展开行|Expand row/ }).click();
      await page.getByText('已调整曝气量，出水 COD 回落至 42 mg/L').waitFor();
      await snap(page, 'monitoring-alarm-handled');
    });

    await step('completeness', async () => {
      await page.getByRole('tab', { name: '数据有效传输率' }).click();
      await page.getByRole('row').filter({ hasText: '某污水处理厂总排口' }).waitFor();
      const exportButton = page.getByRole('button', { name: '导出 Excel：数据有效传输率' });
      await expect.poll(() => exportButton.isEnabled()).toBe(true); // loaded: one row per station per day to export
      await snap(page, 'monitoring-completeness');
    });

    await step('live', async () => {
      await page.goto(`${rig.url}/monitoring/stations/${stationId}`);
      await page.getByRole('heading', { level: 1, name: '某污水处理厂总排口 · 在线监测' }).waitFor();
      await page.getByRole('img', { name: '化学需氧量（mg/L） · 实时' }).waitFor();
      await page.getByText('实时接收中').waitFor();
      const count = page.getByText(/^化学需氧量（mg\/L）：\d+ 个数据点$/);
      const before = Number(/：(\d+)/.exec(await count.innerText())![1]);
      const pixels = () => page.evaluate(() => document.querySelector<HTMLCanvasElement>('[aria-label="化学需氧量（mg/L） · 实时"] canvas')!.toDataURL());
      const drawn = await pixels();
      await send(rtdPacket(t0 + 30_000, '44.8'));
      // No reload: the point arrives over the event stream and the line is redrawn with it.
      await page.getByText(`化学需氧量（mg/L）：${before + 1} 个数据点`).waitFor({ timeout: 15_000 });
      await expect.poll(pixels).not.toBe(drawn);
      // 最新数据 moves with the same event, well before the page's 15-second poll would.
      const latest = page.locator('.ant-card').filter({ has: page.getByText('最新数据', { exact: true }) });
      await latest.getByRole('row').filter({ hasText: '化学需氧量' }).filter({ hasText: '44.8' }).waitFor({ timeout: 3_000 });
      await snap(page, 'monitoring-live');
      // History: the raw real-time data, then by the hour.
      await page.getByRole('img', { name: '化学需氧量（mg/L） · 原始' }).waitFor();
      await page.getByRole('radiogroup', { name: '统计粒度' }).getByText('小时', { exact: true }).click();
      await page.getByRole('img', { name: '化学需氧量（mg/L） · 小时' }).waitFor();
      expect(before).toBeGreaterThanOrEqual(1);
    });
  });

  it('shows the enterprise its own station and alarm, and another enterprise neither', async () => {
    await step('enterprise', async () => {
      const page = pages.ent!;
      await page.goto(`${rig.url}/monitoring?tab=alarms`);
      const row = page.getByRole('row').filter({ hasText: '某污水处理厂总排口' });
      await row.getByText('已处理', { exact: true }).waitFor();
      await row.getByRole('button', { name: /^关闭报警/ }).waitFor(); // the next step is offered to whoever sees the alarm
      await snap(page, 'monitoring-enterprise-alarms');
    });
    await step('other', async () => {
      const page = pages.other!;
      await page.goto(`${rig.url}/monitoring`);
      await page.getByText('暂无监测站点').waitFor();
      await page.goto(`${rig.url}/monitoring/stations/${stationId}`);
      await page.getByRole('heading', { level: 1, name: '未找到该站点' }).waitFor();
      expect(await page.getByText('某污水处理厂总排口').count()).toBe(0);
    });
  });
});

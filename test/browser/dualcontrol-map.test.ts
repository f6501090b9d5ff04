import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserRig, browserSkipReason, callApi, mapColoursAround, signedInPages, snap, startBrowserRig, stepsOf } from './helpers';

const MAP = '能耗双控晴雨表地图';
const GREY = [0xbf, 0xbf, 0xbf];
const LEVEL = { 1: [0xcf, 0x13, 0x22], 2: [0xfa, 0xdb, 0x14], 3: [0x38, 0x9e, 0x0d] } as const;
const near = (rgb: number[], want: readonly number[]) => rgb.every((c, i) => Math.abs(c - want[i]!) <= 6);

describe.skipIf(browserSkipReason)(`dual control: every county's figures in one Statistics Bureau sheet a year, the whole map coloured${browserSkipReason ? ` — SKIPPED: ${browserSkipReason}` : ''}`, () => {
  let rig: BrowserRig;
  let s: Awaited<ReturnType<typeof signedInPages<'steering' | 'reviewer'>>>;
  const counties: Array<{ code: string; name: string; kind: string }> = [];

  beforeAll(async () => {
    rig = await startBrowserRig();
    s = await signedInPages(rig, { steering: 'steering', reviewer: 'steering' });
    const regions = (await callApi(rig, s.cookies.steering, 'GET', '/api/org/regions')) as Array<{ code: string; name: string; kind: string }>;
    counties.push(...regions.filter((r) => r.kind !== 'city'));
    for (const r of counties) {
      const annual = [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, plannedGdpGrowth: 0.06 }));
      await callApi(rig, s.cookies.steering, 'PUT', `/api/dualcontrol/targets/${r.code}`, { basic: 0.125, incentive: 0.13, source: '测试：全市分解方案', annual });
    }
    // One Statistics Bureau sheet a year, every county and zone in it; energy growth varies so all three levels appear.
    for (const year of [2020, 2021, 2022]) {
      const res = await fetch(`${rig.url}/api/dualcontrol/accounts/template.xlsx?period=${year}`, { headers: { cookie: s.cookies.steering } });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
      const ws = wb.getWorksheet('能源消费')!;
      ws.eachRow((row, n) => {
        const i = counties.findIndex((c) => c.code === row.getCell(2).value);
        if (n <= 3 || i < 0) return;
        if (year === 2020) row.getCell(3).value = 500 + 20 * i; // GDP, 亿元
        else row.getCell(4).value = 6; // real growth, %
        // Green: +1 % a year. Yellow: −5 % then +4.5 % (fell, but less than 2.64 %; exempt from the total on the
        // incentive path). Red: +8 % a year against 6 % growth (intensity rose).
        const growth = [[1.01, 1.01], [0.95, 1.045], [1.08, 1.08]][i % 3]!.slice(0, year - 2020);
        row.getCell(5).value = Math.round(growth.reduce((e, g) => e * g, 300) * 100) / 100; // energy, 万tce
      });
      const up = await fetch(`${rig.url}/api/dualcontrol/accounts/import`, {
        method: 'POST',
        headers: { cookie: s.cookies.steering, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        body: Buffer.from(await wb.xlsx.writeBuffer()),
      });
      if (up.status !== 201) throw new Error(`import ${year}: ${up.status} ${await up.text()}`);
    }
    const submitted = (await callApi(rig, s.cookies.reviewer, 'GET', '/api/dualcontrol/accounts?status=submitted')) as Array<{ id: number }>;
    for (const a of submitted) await callApi(rig, s.cookies.reviewer, 'POST', `/api/dualcontrol/accounts/${a.id}/approve`, {});
  }, 300_000);
  afterAll(async () => {
    await rig?.close();
  });

  it('rates all 18 counties and 2 zones for 2022 and colours every county on the map', async () => {
    const step = stepsOf('dualcontrol-map', s.pages);
    const page = s.pages.steering;
    await step('table', async () => {
      await page.goto(`${rig.url}/dual-control?year=2022`);
      await page.getByRole('img', { name: MAP }).waitFor();
      await page.waitForTimeout(1200); // the map's entry animation
      for (const c of counties) {
        const row = page.getByRole('row', { name: new RegExp(`^${c.name}`) }).first();
        await expect(row.innerText(), c.name).resolves.toMatch(/[一二三]级预警/);
      }
    });
    await step('map', async () => {
      await snap(page, 'dualcontrol-map-all-counties-zh');
      const shapes = counties.filter((c) => c.kind !== 'zone'); // the two zones have no shape of their own
      expect(shapes).toHaveLength(18);
      const levels: Record<string, string> = {};
      for (const c of shapes) {
        const colours = await mapColoursAround(page, MAP, c.name);
        const level = (Object.entries(LEVEL) as Array<[string, readonly number[]]>).find(([, rgb]) => colours.some((px) => near(px, rgb)))?.[0];
        expect(level, `${c.name}: ${JSON.stringify(colours)}`).toBeDefined();
        expect(colours.every((px) => near(px, GREY)), c.name).toBe(false);
        levels[c.name] = level!;
      }
      expect(new Set(Object.values(levels)).size, JSON.stringify(levels)).toBe(3); // red, yellow and green all appear
    });
  });
});

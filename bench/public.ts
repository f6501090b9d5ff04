// bench/public: the public site (issue #10). Seeds published snapshots (targets, barometer, reduction, assessment
// for 2021–2025 and every quarter), then: autocannon with 200 concurrent clients, no login, on the open-data list and
// one snapshot (target p95 < 30 ms); and the bytes a phone transfers on its first load of /open, as served (target
// < 400 KB), measured in Debian's chromium via playwright-core (encoded body + headers of every response).
// Run: npm run build && npx tsx bench/public.ts   (DURATION, CONNECTIONS)
import { chromium } from 'playwright-core';
import { appUser, publication, region } from '../src/db/schema/index';
import type { Snapshot } from '../src/domain/public/publication';
import { loadTest, seededServer } from './server-process';

const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 200);
const POLLUTANTS = ['COD', 'NH3-N', 'NOx', 'VOCs'] as const;
const lv = (i: number) => ((i % 3) + 1) as 1 | 2 | 3;

const { base, close } = await seededServer('public', async (db) => {
  const [admin] = await db.select({ id: appUser.id }).from(appUser).limit(1);
  const regions = await db.select({ code: region.code, name: region.name, kind: region.kind }).from(region);
  const rows: Array<typeof publication.$inferInsert> = [];
  const add = (periodKey: string, title: string, snapshot: Snapshot) =>
    rows.push({ dataset: snapshot.dataset, periodKey, title, snapshot, publishedBy: admin!.id, publishedAt: new Date(Date.UTC(2026, 0, rows.length + 1)) });
  for (const year of [2021, 2022, 2023, 2024, 2025]) {
    const pollutants = POLLUTANTS.map((p, i) => ({ pollutant: p, target_t: 1000 + i, verified_t: 150 * (year - 2020) + i, completion: 0.15 * (year - 2020), level: 'green' as const }));
    add(String(year), `${year} 年节能减排目标进展`, {
      dataset: 'targets',
      year,
      energyIntensity: { target: 0.125, stretch: 0.13, cumulativeReduction: 0.025 * (year - 2020), progressTarget: 0.025 * (year - 2020), completion: 0.2 * (year - 2020), onTrack: true },
      pollutants,
      indicators: Array.from({ length: 33 }, (_, i) => ({ code: `I${String(i + 1).padStart(2, '0')}`, name: `规划指标 ${i + 1}`, unit: '%', target: 10 + i, targetText: null, latest: 5 + i, latestPeriod: `${year}`, status: 'on-track', completion: 0.5 })),
      keyProjects: Array.from({ length: 10 }, (_, i) => ({ no: i + 1, title: `重点工程 ${i + 1}`, tasks: 12, completed: 3, onTrack: 6, behind: 2, notReported: 1, percent: 55.5 })),
    });
    for (const q of [null, 1, 2, 3, 4]) {
      add(q ? `${year}-Q${q}` : String(year), `${year} 年${q ? `第 ${q} 季度` : '度'}能耗双控晴雨表`, {
        dataset: 'barometer',
        year,
        quarter: q,
        rulesName: '强度按 629号，总量按 901号（增长口径）',
        colours: { level1: '#cf1322', level2: '#fadb14', level3: '#389e0d', unrated: '#bfbfbf' },
        regions: regions.map((r, i) => ({ regionCode: r.code, name: r.name, kind: r.kind, intensity: lv(i), total: lv(i + 1), overall: lv(i) })),
      });
    }
    add(String(year), `${year} 年主要污染物重点工程减排量进展`, {
      dataset: 'reduction',
      year,
      expected: 0.2 * (year - 2020),
      pollutants,
      regions: regions.filter((r) => r.kind !== 'city').map((r) => ({ regionCode: r.code, name: r.name, projects: 50, pollutants: POLLUTANTS.map((p) => ({ pollutant: p, allocation_t: 50, verified_t: 10 * (year - 2020), completion: 0.2 * (year - 2020), level: 'green' as const })) })),
    });
  }
  add('1', '2024 年度县（市、区）节能减排考核结果', {
    dataset: 'assessment',
    assessmentId: 1,
    title: '2024 年度县（市、区）节能减排考核',
    period: '2024',
    schemeName: '县（市、区）节能减排目标责任评价考核',
    subjectKind: 'region',
    results: regions.filter((r) => r.kind !== 'city').map((r, i) => ({ rank: i + 1, key: r.code, name: r.name, targetPoints: 50 - i, measurePoints: 40, deductions: 0, total: 90 - i, grade: i < 5 ? 'excellent' : 'good', gradeLabel: i < 5 ? '优秀' : '良好', vetoed: false })),
  });
  await db.insert(publication).values(rows);
  console.log(`seeded ${rows.length} publications`);
});

try {
  for (const path of ['/api/public/open-data', '/api/public/open-data/targets/2025']) {
    const first = performance.now();
    const res = await fetch(`${base}${path}`);
    const firstMs = performance.now() - first;
    const bytes = (await res.arrayBuffer()).byteLength;
    const { result, pct } = await loadTest(`${base}${path}`, '', CONNECTIONS, DURATION);
    console.log(
      `GET ${path} (${bytes} B, first ${firstMs.toFixed(1)} ms): p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms; ${Math.round(result.requests.average)} req/s, ${result.errors + result.non2xx} errors (${CONNECTIONS} clients, ${DURATION} s)`,
    );
  }

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const responses: Array<Promise<{ url: string; bytes: number; encoding: string }>> = [];
    page.on('response', (r) => responses.push(r.request().sizes().then(async (s) => ({ url: r.url().replace(base, ''), bytes: s.responseBodySize + s.responseHeadersSize, encoding: (await r.allHeaders())['content-encoding'] ?? 'identity' }))));
    await page.goto(`${base}/open`, { waitUntil: 'networkidle' });
    await page.getByRole('img', { name: '能耗双控晴雨表地图' }).waitFor();
    const all = await Promise.all(responses);
    const total = all.reduce((n, r) => n + r.bytes, 0);
    for (const r of all) console.log(`  ${String(r.bytes).padStart(7)} B  ${r.encoding.padEnd(8)} ${r.url}`);
    console.log(`first load of /open on a 390 px phone: ${all.length} responses, ${(total / 1024).toFixed(1)} KB transferred (target < 400 KB)`);
  } finally {
    await browser.close();
  }
} finally {
  await close();
}

// bench/reduction-cli: 50,000 synthetic projects of every measure type through `ecer reduction account` (issue #7).
// Prints projects/s for the whole command (start-up, JSON parse and validation, accounting with the cross-project
// checks, output) through the real process as an analyst runs it, its peak memory, and the same in-process.
// Run: npx tsx bench/reduction-cli.ts   (PROJECTS=n, SEED=n)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runReductionAccount } from '../src/cli/reduction-account';
import { MEASURE_TYPES, type MeasureType } from '../src/domain/reduction/model';

const N = Number(process.env.PROJECTS ?? 50_000);
let seed = Number(process.env.SEED ?? 7) >>> 0;
/** mulberry32: a small seeded PRNG, so every run accounts the same projects. */
function rand(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (a: number, b: number) => a + (b - a) * rand();
const int = (a: number, b: number) => Math.floor(between(a, b + 1));
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const REGIONS = ['360702', '360703', '360704', '360722', '360723', '360724', '360725', '360726', '360781', '360783'];
const TYPES = Object.keys(MEASURE_TYPES) as MeasureType[];
const date = (y: number) => `${y}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
let vin = 0;

function paramsFor(method: string, pollutants: readonly string[], days: number): Record<string, unknown> {
  const per = (a: number, b: number) => Object.fromEntries(pollutants.map((p) => [p, r3(between(a, b))]));
  switch (method) {
    case 'W1': {
      const q = int(5_000, 80_000);
      return { q_p_m3: q * days, cin_p_mg_l: per(150, 250), cout_p_mg_l: per(1, 30), q0_m3_d: pick([0, q * 0.8]), cin0_mg_l: per(100, 150), cout0_mg_l: per(30, 60) };
    }
    case 'G1': return { a2020: int(1_000, 100_000), a_p: int(1_000, 120_000), e2020_t: per(5, 500), e_p_t: per(1, 200) };
    case 'A1': return { v_p_nm3: int(1e8, 2e9), c0_mg_nm3: per(150, 400), c_p_mg_nm3: per(20, 150), missing_hours_share: r3(between(0, 0.3)) };
    case 'A2': return { a_p: int(500, 20_000), g_kg_per_unit: per(2, 8), eta0: r3(between(0, 0.3)), eta_p: r3(between(0.5, 0.95)), factor_source: '产排污系数手册 (2021) 示例' };
    case 'A3': return { e2020_t: per(1, 100), e_sub_p_t: rand() < 0.5 ? {} : per(0, 5) };
    case 'A4': {
      const n = int(1, 30);
      return { n_vehicles: n, l_km_per_year: int(20_000, 60_000), ef_old_g_km: per(6, 10), ef_rep_g_km: per(0.5, 2), vins: Array.from({ length: n }, () => `LBENCH${String(rand() < 0.005 ? int(0, vin) : vin++).padStart(11, '0')}`) };
    }
    case 'W4': return { n_head: int(500, 50_000), g_g_per_head_day: per(10, 250), eta0: r3(between(0, 0.6)), eta_p: r3(between(0.6, 1)) };
    case 'W5': return { p_persons: int(200, 10_000), g_g_per_person_day: per(4, 60), eta0: 0, eta_p: r3(between(0.4, 0.9)) };
    case 'V1': return { m0_t: int(10, 500), w0: r3(between(0.3, 0.7)), capture0: r3(between(0, 0.6)), removal0: r3(between(0, 0.6)), p0: int(10_000, 200_000), m_p_t: int(10, 500), w_p: r3(between(0.02, 0.2)), capture_p: r3(between(0.3, 0.9)), removal_p: r3(between(0.3, 0.9)), p_p: int(10_000, 220_000) };
    case 'V2': return { g_p_t: int(5, 500), capture0: r3(between(0, 0.5)), removal0: r3(between(0, 0.5)), capture_p: r3(between(0.5, 1.05)), removal_p: r3(between(0.5, 0.95)) };
    default: return { receiving_plant: `污水处理厂${int(1, 40)}`, km_built: int(1, 30) };
  }
}

const projects = Array.from({ length: N }, (_, i) => {
  const measureType = TYPES[i % TYPES.length]!;
  const { method, pollutants } = MEASURE_TYPES[measureType];
  const year = int(2021, 2025);
  const eventDate = date(Math.max(2021, year - int(0, 2)));
  const params = paramsFor(method, pollutants, 300);
  // Every 50th facility reuses an earlier one (duplicates, shared streams, cross-region), a few are on trial, some claim.
  const facility = i % 50 === 49 ? int(0, i) : i;
  return {
    id: `BENCH-${i}`,
    year,
    measureType,
    regionCode: REGIONS[facility % REGIONS.length]!,
    uscc: method === 'A4' ? '' : `9136${String(facility).padStart(14, '0')}`,
    outlet: `D${method.startsWith('W') ? 'W' : 'A'}${String(1 + (facility % 3)).padStart(3, '0')}`,
    pollutants,
    status: rand() < 0.03 ? 'trial' : 'operating',
    eventDate,
    params,
    claimed_t: rand() < 0.2 ? { [pollutants[0]!]: int(1, 300) } : {},
  };
});
const input = JSON.stringify(projects);
console.log(`input: ${N} projects (${TYPES.length} measure types, every method), ${(input.length / 2 ** 20).toFixed(1)} MiB of JSON`);

const root = path.resolve(import.meta.dirname, '..');
const time = fs.existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'PEAK_RSS_KB=%M'] : [];
const argv = [...time, process.execPath, 'bin/ecer.mjs', 'reduction', 'account'];
const t0 = performance.now();
const run = spawnSync(argv[0]!, argv.slice(1), { cwd: root, input, maxBuffer: 1 << 30 });
const wall = performance.now() - t0;
if (run.status !== 0) throw new Error(`exit ${run.status}: ${String(run.stderr).slice(0, 500)}`);
const out = JSON.parse(String(run.stdout)) as Array<{ rejection: { code: string } | null; pollutants: Array<{ rejection: { code: string } | null }> }>;
const codes = new Map<string, number>();
for (const r of out) for (const p of r.pollutants) if (p.rejection) codes.set(p.rejection.code, (codes.get(p.rejection.code) ?? 0) + 1);
const peak = /PEAK_RSS_KB=(\d+)/.exec(String(run.stderr));
console.log(`command: ${out.length} projects in ${(wall / 1000).toFixed(2)} s → ${Math.round(N / (wall / 1000)).toLocaleString('en')} projects/s (start-up included); peak memory ${peak ? `${Math.round(Number(peak[1]) / 1024)} MiB` : 'n/a (no /usr/bin/time)'}`);
console.log(`rejected pollutant claims: ${[...codes].sort((a, b) => b[1] - a[1]).map(([c, k]) => `${c} ${k}`).join(', ')}`);

const sink = new PassThrough();
sink.resume();
const t1 = performance.now();
await runReductionAccount(input, path.join(root, 'data/reference'), sink);
const inProc = performance.now() - t1;
console.log(`in-process (parse + account + write): ${(inProc / 1000).toFixed(2)} s → ${Math.round(N / (inProc / 1000)).toLocaleString('en')} projects/s`);

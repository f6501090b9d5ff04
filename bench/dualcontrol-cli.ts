// bench/dualcontrol-cli: 100,000 synthetic region-years through `ecer dualcontrol evaluate` (issue #5).
// Prints region-years/s for the whole command (start-up, JSON parse, evaluation, output) and for the
// evaluation alone, measured in-process on the same input.
// Run: npx tsx bench/dualcontrol-cli.ts   (REGION_YEARS=n)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runDualControlEvaluate } from '../src/cli/dualcontrol';

const TARGET = Number(process.env.REGION_YEARS ?? 100_000);
const YEARS = 6; // 2020 (base) … 2025
const regions = Array.from({ length: Math.ceil(TARGET / YEARS) }, (_, i) => {
  let energy = 200 + (i % 500);
  const accounts = [{ year: 2020, energy, gdpCurrent: 800 + (i % 900), nonFossil: energy * 0.2, renewableElectricity: 10 + (i % 7) }];
  for (let y = 2021; y <= 2025; y++) {
    const gdpGrowth = 0.03 + ((i * 7 + y) % 60) / 1000;
    energy *= 1 + gdpGrowth - 0.03 + ((i + y) % 20) / 1000;
    accounts.push({ year: y, energy, gdpGrowth, nonFossil: energy * 0.22, renewableElectricity: 10 + ((i + y) % 9), feedstock: (i % 3) * 2 } as never);
  }
  const plannedGrowth = Object.fromEntries([2021, 2022, 2023, 2024, 2025].map((y) => [String(y), 0.06]));
  return { region: `R${i}`, basic: 0.125, incentive: 0.13, plannedGrowth, accounts };
});
const input = JSON.stringify({ regions });
const regionYears = regions.length * YEARS;
console.log(`input: ${regions.length} regions × ${YEARS} years = ${regionYears} region-years, ${(input.length / 2 ** 20).toFixed(1)} MiB of JSON`);

const root = path.resolve(import.meta.dirname, '..');
const t0 = performance.now();
const run = spawnSync(process.execPath, ['bin/ecer.mjs', 'dualcontrol', 'evaluate'], { cwd: root, input, maxBuffer: 1 << 30 });
const wall = performance.now() - t0;
if (run.status !== 0) throw new Error(`exit ${run.status}: ${String(run.stderr).slice(0, 500)}`);
const rows = JSON.parse(String(run.stdout)).rows.length;
console.log(`command: ${rows} rows in ${(wall / 1000).toFixed(2)} s → ${Math.round(regionYears / (wall / 1000)).toLocaleString('en')} region-years/s (start-up included)`);

const sink = new PassThrough();
sink.resume();
const t1 = performance.now();
await runDualControlEvaluate(input, path.join(root, 'data/reference'), sink);
const inProc = performance.now() - t1;
console.log(`in-process (parse + evaluate + write): ${(inProc / 1000).toFixed(2)} s → ${Math.round(regionYears / (inProc / 1000)).toLocaleString('en')} region-years/s`);

// bench/startup: time from `npm start` (web already built, data folder already seeded) to the first
// 200 on /api/health, and the peak memory (VmHWM) of the server process. Target: < 3 s warm.
// Run: npx tsx bench/startup.ts
import fs from 'node:fs';
import { benchServerEnv, startAndWait, stop } from './server-process';

const RUNS = Number(process.env.RUNS ?? 5);
const { env, base, cleanup } = benchServerEnv('startup');

/** Peak resident memory (kB) of the largest process in the group led by pid. */
function peakKb(leader: number): number {
  let largest = 0;
  for (const p of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgid !== leader) continue;
      const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      // npm itself is a small wrapper; report the largest process (the server).
      largest = Math.max(largest, Number(hwm?.[1] ?? 0));
    } catch {
      // the process ended meanwhile
    }
  }
  return largest;
}

const times: number[] = [];
let peak = 0;
for (let i = 0; i <= RUNS; i++) {
  const s = await startAndWait('npm', ['start', '--silent'], env, base);
  const mem = peakKb(s.child.pid!);
  await stop(s.child);
  if (i === 0) console.log(`first start (creates the database, migrates, loads the plan): ${s.ms.toFixed(0)} ms`);
  else {
    times.push(s.ms);
    peak = Math.max(peak, mem);
  }
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
console.log(`warm start, npm start → first 200 on /api/health: median ${median.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms (${RUNS} runs)`);
console.log(`peak memory (VmHWM of the server process): ${(peak / 1024).toFixed(0)} MiB`);
cleanup();

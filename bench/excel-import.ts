// bench/excel-import: import a 20,000-row report workbook (generated here) through the API, validated and
// stored all or nothing. Prints rows/s and the server's memory: its peak over its whole life (VmHWM, which
// includes start-up), and its resident size just before the upload and at most during it (sampled every 5 ms).
// Target: ≥ 5,000 rows/s.
// Run: npx tsx bench/excel-import.ts   (ROWS=n)
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { TASK_COLUMNS, TASK_SHEET } from '../src/modules/reporting/excel';
import { benchServerEnv, startAndWait, stop } from './server-process';

const ROWS = Number(process.env.ROWS ?? 20_000);
const { env, base, cleanup } = benchServerEnv('excel');
const serve = () => startAndWait(process.execPath, ['bin/ecer.mjs', 'serve'], env, base);
const login = async (password: string | undefined) => {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  return res.headers.get('set-cookie')!.split(';')[0]!;
};
let server = await serve();
try {
  const password = /密码:\s+(\S+)/.exec(server.stdout)?.[1];
  const first = await login(password);
  await fetch(`${base}/api/auth/password`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: first }, body: JSON.stringify({ currentPassword: password, newPassword: 'Bench-password-2025' }) });
  // The first start creates, migrates and seeds the database and leaves the process near 900 MiB resident,
  // which would hide the import's own memory: measure on a restart over the same data, as a server runs.
  await stop(server.child);
  server = await serve();
  const cookie = await login('Bench-password-2025');
  const tree = await (await fetch(`${base}/api/plan/plans/ganzhou-14fyp-ecer/tree`, { headers: { cookie } })).json();
  const regions = (await (await fetch(`${base}/api/org/regions`, { headers: { cookie } })).json()).filter((r: { kind: string }) => r.kind !== 'city');
  const tasks = tree.chapters.flatMap((c: { sections: Array<{ tasks: Array<{ code: string }> }> }) => c.sections.flatMap((s) => s.tasks));

  // The administrator may report for any county: tasks × counties × quarters, newest years first.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(TASK_SHEET);
  ws.columns = TASK_COLUMNS.map((c) => ({ header: c.header, key: c.key }));
  let n = 0;
  outer: for (const year of [2025, 2024, 2023, 2022, 2021]) {
    for (const r of regions) {
      for (const t of tasks) {
        for (const q of [1, 2, 3, 4]) {
          ws.addRow({ code: t.code, regionCode: r.code, periodKey: `${year}-Q${q}`, taskStatus: '正常推进', percentComplete: 25 * q, narrative: `第 ${q} 季度进展` });
          if (++n >= ROWS) break outer;
        }
      }
    }
  }
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  console.log(`workbook: ${n} rows, ${(file.length / 1024).toFixed(0)} KiB`);

  const memory = (key: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1]) / 1024;
  const rssBefore = memory('VmRSS');
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, memory('VmRSS'))), 5);
  const t0 = performance.now();
  const res = await fetch(`${base}/api/reporting/import?plan=ganzhou-14fyp-ecer`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: file,
  });
  const ms = performance.now() - t0;
  clearInterval(sampler);
  const body = await res.json();
  if (res.status !== 201) throw new Error(`import answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
  console.log(`imported ${body.imported} rows in ${(ms / 1000).toFixed(2)} s: ${Math.round(body.imported / (ms / 1000))} rows/s (read, validated, stored, audited)`);
  console.log(`server peak memory (VmHWM): ${memory('VmHWM').toFixed(0)} MiB`);
  console.log(`server resident memory: ${rssBefore.toFixed(0)} MiB before the upload, at most ${rssPeak.toFixed(0)} MiB during it (+${(rssPeak - rssBefore).toFixed(0)} MiB)`);
} finally {
  await stop(server.child);
  cleanup();
}

// bench/excel-import: import a 20,000-row report workbook (generated here) through the API, validated and
// stored all or nothing. Prints rows/s and the server's peak memory. Target: ≥ 5,000 rows/s.
// Run: npx tsx bench/excel-import.ts   (ROWS=n)
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { TASK_COLUMNS, TASK_SHEET } from '../src/modules/reporting/excel';
import { benchServerEnv, startAndWait, stop } from './server-process';

const ROWS = Number(process.env.ROWS ?? 20_000);
const { env, base, cleanup } = benchServerEnv('excel');
const server = await startAndWait(process.execPath, ['bin/ecer.mjs', 'serve'], env, base);
try {
  const password = /密码:\s+(\S+)/.exec(server.stdout)?.[1];
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  await fetch(`${base}/api/auth/password`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ currentPassword: password, newPassword: 'Bench-password-2025' }) });
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

  const t0 = performance.now();
  const res = await fetch(`${base}/api/reporting/import?plan=ganzhou-14fyp-ecer`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: file,
  });
  const ms = performance.now() - t0;
  const body = await res.json();
  if (res.status !== 201) throw new Error(`import answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
  const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1];
  console.log(`imported ${body.imported} rows in ${(ms / 1000).toFixed(2)} s: ${Math.round(body.imported / (ms / 1000))} rows/s (read, validated, stored, audited)`);
  console.log(`server peak memory (VmHWM): ${(Number(hwm) / 1024).toFixed(0)} MiB`);
} finally {
  await stop(server.child);
  cleanup();
}

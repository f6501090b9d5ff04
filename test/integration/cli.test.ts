import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/ecer.mjs');

describe('the ecer command on the embedded database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecer-cli-'));
  const env = { ...process.env, ECER_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '', LOG_LEVEL: 'warn' };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const ecer = (...args: string[]) => run(process.execPath, [bin, ...args], { env, cwd: dir });

  beforeAll(async () => {
    await ecer('migrate');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exports the plan as JSON, one object per indicator', async () => {
    const { stdout } = await ecer('plan', 'export', '--format', 'json');
    const out = JSON.parse(stdout);
    expect(out.indicators).toHaveLength(33);
    for (const x of out.indicators) {
      expect(Object.keys(x)).toEqual(expect.arrayContaining(['name', 'target', 'stretch', 'unit', 'comparison', 'targetYear', 'departments']));
    }
    expect(out.indicators.find((x: { name: string }) => x.name === '氨氮重点工程减排量')).toMatchObject({ target: 873, unit: '吨' });
  });

  it('exports the plan as Excel', async () => {
    const file = path.join(dir, 'plan.xlsx');
    await ecer('plan', 'export', '--format', 'xlsx', '--out', file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('指标')!.getRow(2).getCell(2).value).toBe('单位生产总值能源消耗降低率');
  });

  it('verifies the audit chain', async () => {
    const { stdout } = await ecer('audit', 'verify');
    expect(stdout).toMatch(/审计哈希链完整：\d+ 条记录/);
  });

  it('says plainly when a running server holds the embedded database', async () => {
    const server: ChildProcess = spawn(process.execPath, [bin, 'serve'], { env: { ...env, PORT: '0', HOST: '127.0.0.1', HJ212_PORT: 'off' }, cwd: dir });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        server.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('已启动')) resolve();
        });
        server.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
      });
      const err = await ecer('plan', 'export').then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(err?.code).toBe(1);
      expect(err?.stderr).toMatch(/正被运行中的进程 \(pid \d+\) 使用：请先停止该服务器，或设置 DATABASE_URL/);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  });
});

import fs from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { type Db, DataDirBusyError, openDatabase } from '../db/client';
import { verifyAuditChain } from '../modules/audit/service';
import { smtpMailer } from '../modules/notifications/mailer';
import { runDailyDigest } from '../modules/notifications/service';
import { resetPasswordByUsername } from '../modules/org/users.service';
import { planToJson, planToXlsx } from '../modules/plan/export';
import { loadPlan, readPlanFile } from '../modules/plan/load.service';
import { getPlanTree, listPlanCodes } from '../modules/plan/service';
import { type Config, loadConfig } from '../server/config';
import { loadReferenceData, systemCtx } from '../server/boot';
import { ensureWebBuilt } from './build-web';
import { runDualControlEvaluate } from './dualcontrol';
import { runHj212Decode, runHj212Encode } from './hj212';
import { InputError, readStdin } from './input';
import { runEnergyTce } from './energy-tce';
import { runReductionAccount } from './reduction-account';
import { serve } from './serve';
import { demoAccounts, demoLoad, demoStart, accountLines, type DemoOptions } from './demo';
import { DemoRefusedError } from '../demo/marker';
import { DEMO_PASSWORD } from '../demo/ids';
import { simulateMeters } from './simulate-meters';
import { simulateStations } from './simulate-stations';
import { startJetStreamWriter } from '../gateway/hj212-queue';
import pino from 'pino';

/** Opens the database for a one-off command, runs it, and closes it again. */
async function withDatabase<T>(config: Config, run: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

/** The plan to use when none is named: the only one loaded, else the user must choose. */
async function onlyPlanCode(db: Db): Promise<string> {
  const codes = await listPlanCodes(db);
  if (codes.length === 1) return codes[0]!;
  throw new Error(`已载入 ${codes.length} 个方案，请用 --plan 指定其一：${codes.join(', ')}`);
}

const program = new Command('ecer').description('ECER 节能减排综合管理平台').showHelpAfterError();

program
  .command('start')
  .description('build the web app if needed, then serve (npm start)')
  .action(async () => {
    const config = loadConfig();
    ensureWebBuilt(config.webDir);
    await serve(config);
  });

program
  .command('serve')
  .description('serve web + API (the web app must be built)')
  .action(async () => {
    await serve(loadConfig());
  });

program
  .command('migrate')
  .description('apply database migrations and load reference data')
  .action(async () => {
    const config = loadConfig();
    const r = await withDatabase(config, (d) => loadReferenceData(d, config.referenceDir));
    console.log(JSON.stringify(r, null, 2));
  });

const plan = program.command('plan').description('plans: load, export');
plan
  .command('load <file>')
  .description('load a plan data file (YAML) into the database')
  .action(async (file: string) => {
    const config = loadConfig();
    const parsed = await readPlanFile(file);
    const r = await withDatabase(config, (d) => loadPlan(d.db, systemCtx('cli'), parsed));
    console.log(JSON.stringify(r));
  });
plan
  .command('export')
  .description('write a plan out as JSON or Excel')
  .option('--format <format>', 'json | xlsx', 'json')
  .option('--plan <code>', 'plan code (default: the only plan loaded)')
  .option('--out <file>', 'output file (default: standard output for json, <plan>.xlsx for xlsx)')
  .option('--locale <locale>', 'zh-CN | en (Excel headers)', 'zh-CN')
  .action(async (o: { format: string; plan?: string; out?: string; locale: string }) => {
    if (o.format !== 'json' && o.format !== 'xlsx') throw new Error(`--format 只能是 json 或 xlsx，收到 ${o.format}`);
    const config = loadConfig();
    const { tree } = await withDatabase(config, async (d) => getPlanTree(d.db, o.plan ?? (await onlyPlanCode(d.db))));
    if (o.format === 'json') {
      const text = `${JSON.stringify(planToJson(tree), null, 2)}\n`;
      if (o.out) await fs.writeFile(o.out, text);
      else process.stdout.write(text);
    } else {
      const out = o.out ?? `${tree.code}.xlsx`;
      await fs.writeFile(out, await planToXlsx(tree, o.locale === 'en' ? 'en' : 'zh-CN'));
      console.error(`已写出 ${out}`);
    }
  });

program
  .command('digest')
  .description('send today\'s reporting digest now (once a day; e-mail when SMTP_URL is set)')
  .action(async () => {
    const config = loadConfig();
    const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.smtpFrom) : null;
    const r = await withDatabase(config, (d) => runDailyDigest(d.db, new Date(), mailer));
    console.log(r.ran ? `已发送报送提醒：${r.notices} 条站内通知，${r.emailed} 封邮件` : '今天的报送提醒已发送过');
  });

program
  .command('audit')
  .description('audit log')
  .command('verify')
  .description('verify the audit hash chain; exit 1 at the first broken link')
  .action(async () => {
    const r = await withDatabase(loadConfig(), (d) => verifyAuditChain(d.db));
    if (r.ok) console.log(`审计哈希链完整：${r.count} 条记录 (audit chain intact: ${r.count} events)`);
    else {
      console.log(`审计哈希链在第 ${r.brokenAt} 条记录处断裂 (${r.reason})；此前 ${r.count} 条完好。`);
      process.exitCode = 1;
    }
  });

program
  .command('dualcontrol')
  .description('能耗双控 (dual control of energy use)')
  .command('evaluate')
  .description('read region accounts and targets as JSON on stdin; print each region-year\'s intensity, reductions, progress, deductions and barometer level as JSON (format: README)')
  .action(async () => {
    const config = loadConfig();
    try {
      process.exitCode = await runDualControlEvaluate(await readStdin(), path.join(config.referenceDir, 'reference'), process.stdout);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      console.error(err.message);
      process.exitCode = 2;
    }
  });

program
  .command('energy')
  .description('energy accounting')
  .command('tce')
  .description('read an energy report as JSON on stdin; print its comprehensive energy consumption in tce (GB/T 2589) per carrier and in total, by both electricity methods (format: README)')
  .action(async () => {
    const config = loadConfig();
    try {
      process.stdout.write(await runEnergyTce(await readStdin(), path.join(config.referenceDir, 'reference')));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      console.error(err.message);
      process.exitCode = 2;
    }
  });

const hj212 = program.command('hj212').description('HJ 212 packets (2005, 2017 and 2025 editions): decode and encode, no database');
hj212
  .command('decode')
  .description('read a raw HJ 212 byte stream on stdin; print one JSON line per packet or rejection, in stream order (format: README)')
  .option('--key <key>', 'SM4 key of the station, 16 ASCII characters or 32 hex digits (repeat for a previous key)', (v: string, all: string[]) => [...all, v], [] as string[])
  .option('--lenient', 'accept a bare LF as the packet tail (reported in warnings)', false)
  .option('--edition <edition>', 'auto | 2005 | 2017 | 2025 (2005 maps old factor codes; others warn on a Flag mismatch)', 'auto')
  .option('--length-mode <mode>', 'what LLLL of an SM4 packet counts: plaintext | transmitted | either', 'plaintext')
  .option('--max-length <bytes>', 'largest data segment accepted', (v) => Number.parseInt(v, 10), 1024)
  .action(async (o: { key: string[]; lenient: boolean; edition: string; lengthMode: string; maxLength: number }) => {
    try {
      process.exitCode = await runHj212Decode(process.stdin, o, process.stdout);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      console.error(err.message);
      process.exitCode = 2;
    }
  });
hj212
  .command('encode')
  .description('read packets as JSON on stdin (an object, an array, or one per line); print them as HJ 212 bytes with length and CRC computed (format: README)')
  .option('--encrypt-key <key>', 'SM4-encrypt the CP area with this key (HJ 212-2025), 16 ASCII characters or 32 hex digits')
  .option('--length-mode <mode>', 'what LLLL of an encrypted packet counts: plaintext | transmitted', 'plaintext')
  .action(async (o: { encryptKey?: string; lengthMode: string }) => {
    try {
      process.stdout.write(runHj212Encode(await readStdin(), o));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      console.error(err.message);
      process.exitCode = 2;
    }
  });

program
  .command('reduction')
  .description('重点工程减排量核算 (key-project emission reductions)')
  .command('account')
  .description('read projects as JSON on stdin; print each project\'s accounted reduction in tonnes per pollutant, or its rejection with the reason, as JSON (format: README)')
  .option('--year <year>', 'account every project for this year (default: each project\'s own "year")', (v) => Number(v))
  .action(async (o: { year?: number }) => {
    const config = loadConfig();
    try {
      process.exitCode = await runReductionAccount(await readStdin(), path.join(config.referenceDir, 'reference'), process.stdout, o.year === undefined ? {} : { year: o.year });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      console.error(err.message);
      process.exitCode = 2;
    }
  });

const demo = program.command('demo').description('演示数据 (demo city): generated, clearly labelled data for every module, in a database of its own');
const demoOptions = (c: Command) =>
  c
    .option('--size <size>', 'small | standard | large', 'standard')
    .option('--seed <n>', 'random seed (same seed, same data)', (v) => Number.parseInt(v, 10), 2026)
    .option('--as-of <date>', "the demo's today, YYYY-MM-DD (default: today)")
    .option('--data-dir <dir>', 'demo data folder (default ECER_DEMO_DIR or .ecer/demo)')
    .option('--database-url <url>', 'load into this PostgreSQL database instead (it must hold no real data)')
    .option('--reset', 'empty the demo database first (refused on a database with real data)', false);
/** A refusal is a clear message and exit code 2, not a stack trace. */
const refusing = (run: (o: DemoOptions) => Promise<unknown>) => async (o: DemoOptions) => {
  try {
    await run(o);
  } catch (err) {
    if (!(err instanceof DemoRefusedError)) throw err;
    console.error(err.message);
    process.exitCode = 2;
  }
};
demoOptions(demo.command('load').description('generate the demo city into its own database, print the demo accounts')).action(
  refusing(async (o) => {
    const r = await demoLoad(loadConfig(), o);
    console.log(accountLines(r.users).join('\n'));
  }),
);
demoOptions(demo.command('start', { isDefault: true }).description('load the demo city if its folder is empty, then serve it with live meters and stations (npm run demo)')).action(
  refusing(async (o) => {
    await demoStart(loadConfig(), o);
  }),
);
demo
  .command('accounts')
  .description('list every demo account (all share one password)')
  .option('--data-dir <dir>', 'demo data folder (default ECER_DEMO_DIR or .ecer/demo)')
  .action(async (o: { dataDir?: string }) => {
    const config = loadConfig();
    const users = await withDatabase({ ...config, dataDir: path.resolve(o.dataDir ?? config.demoDir), databaseUrl: null }, demoAccounts);
    console.log(`密码都是 ${DEMO_PASSWORD}`);
    for (const u of users) console.log(`${u.username}\t${u.role}\t${u.displayName}`);
  });

const simulate = program.command('simulate').description('simulators for demos and load tests');
simulate
  .command('meters')
  .description('publish realistic cumulative meter readings (daily shape) over MQTT for N demo enterprises (演示企业N, created when missing; README)')
  .requiredOption('--enterprises <n>', 'how many demo enterprises', (v) => Number.parseInt(v, 10))
  .option('--interval <seconds>', 'seconds between readings of each meter', (v) => Number.parseInt(v, 10), 10)
  .option('--duration <seconds>', 'stop after this many seconds (default: until Ctrl-C)', (v) => Number.parseInt(v, 10))
  .action(async (o: { enterprises: number; interval: number; duration?: number }) => {
    if (!(o.enterprises >= 1 && o.enterprises <= 100_000)) throw new Error('--enterprises 须为 1–100000 的整数');
    if (!(o.interval >= 1)) throw new Error('--interval 须为正整数（秒）');
    const config = loadConfig();
    await simulateMeters(config, { enterprises: o.enterprises, interval: o.interval, duration: o.duration ?? null, mqttUrl: config.mqttUrl ?? 'mqtt://127.0.0.1:1883' });
  });

const int = (v: string) => Number.parseInt(v, 10);
simulate
  .command('stations')
  .description('connect N simulated HJ 212 stations (DAS) over TCP: real-time data every interval, minute and hour data, a fraction of exceedances and faults (README)')
  .requiredOption('--count <n>', 'how many stations', int)
  .option('--interval <seconds>', 'seconds between real-time (2011) packets of each station', Number, 30)
  .option('--host <host>', 'gateway host', '127.0.0.1')
  .option('--port <port>', 'gateway port (default HJ212_PORT or 9212)', int)
  .option('--mn-prefix <prefix>', 'MN = prefix + zero-padded index (14 characters)', 'SIM')
  .option('--first <n>', 'first index', int, 1)
  .option('--pw <pw>', 'the stations\' PW', '123456')
  .option('--edition <edition>', '2017 | 2025', '2017')
  .option('--encrypt <key>', 'SM4-encrypt CP areas with this 16-character key (2025 stations)')
  .option('--exceed <fraction>', 'fraction of values over the limit', Number, 0.05)
  .option('--fault <fraction>', 'fraction of values flagged D/C/M', Number, 0.02)
  .option('--duration <seconds>', 'stop after this many seconds (default: until Ctrl-C)', int)
  .option('--speedup <factor>', 'the stations\' clock runs this many times faster (load tests)', Number, 1)
  .option('--register', 'create the stations in the registry first (with PW and key)', false)
  .action(async (o: { count: number; interval: number; host: string; port?: number; mnPrefix: string; first: number; pw: string; edition: string; encrypt?: string; exceed: number; fault: number; duration?: number; speedup: number; register: boolean }) => {
    if (!(o.count >= 1 && o.count <= 100_000)) throw new Error('--count 须为 1–100000 的整数');
    if (!(o.interval > 0)) throw new Error('--interval 须为正数（秒）');
    if (o.edition !== '2017' && o.edition !== '2025') throw new Error('--edition 须为 2017 或 2025');
    if (o.encrypt !== undefined && !/^[\x21-\x7e]{16}$/.test(o.encrypt)) throw new Error('--encrypt 须为 16 个可见 ASCII 字符的 SM4 密钥');
    if (!(o.exceed >= 0 && o.exceed <= 1) || !(o.fault >= 0 && o.fault <= 1)) throw new Error('--exceed 和 --fault 须为 0–1 之间的比例');
    if (!(o.speedup >= 1)) throw new Error('--speedup 须 ≥ 1');
    const config = loadConfig();
    const port = o.port ?? config.hj212Port ?? 9212;
    await simulateStations(config, {
      count: o.count,
      interval: o.interval,
      host: o.host,
      port,
      mnPrefix: o.mnPrefix,
      first: o.first,
      pw: o.pw,
      edition: o.edition,
      encryptKey: o.encrypt ?? null,
      exceed: o.exceed,
      fault: o.fault,
      duration: o.duration ?? null,
      speedup: o.speedup,
      register: o.register,
    });
  });

hj212
  .command('writer')
  .description('store HJ 212 records from the NATS JetStream stream ECER_HJ212 (durable consumer ecer-writer; run several to share the load); needs NATS_URL')
  .action(async () => {
    const config = loadConfig();
    if (!config.natsUrl) throw new Error('须设置 NATS_URL（例如 nats://127.0.0.1:4222）');
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    const log = pino({ level: config.logLevel });
    const writer = startJetStreamWriter({ url: config.natsUrl, db: database.db, log });
    await writer.ready;
    console.error(`HJ 212 写入进程已启动：${config.natsUrl} → ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await writer.stop();
    await database.close();
  });

program
  .command('admin')
  .description('administration')
  .command('reset-password <username>')
  .description('give a user a new one-time password')
  .action(async (username: string) => {
    const pw = await withDatabase(loadConfig(), (d) => resetPasswordByUsername(d.db, systemCtx('cli'), username));
    console.log(`用户 ${username} 的新密码（只显示这一次，登录后须修改）: ${pw}`);
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof DataDirBusyError || err instanceof Error) {
    console.error(err instanceof DataDirBusyError ? err.message : `错误: ${err.message}`);
    process.exit(1);
  }
  throw err;
}

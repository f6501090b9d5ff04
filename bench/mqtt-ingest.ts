/**
 * Online metering ingestion (issue #6): 2,000 meters over the local Mosquitto into a fresh PostgreSQL database.
 * Phase 1, the burst: every meter sends a 10-minute backlog (60 readings at 10 s) in one message, as a meter does
 * after an outage: 120,000 readings at once. Phase 2, steady: one reading per meter every 10 s (200 messages/s).
 * Reports readings/s stored in the burst, publish→stored lag in the steady phase, the subscriber's peak memory, and
 * checks that every reading was stored once.
 *   npx tsx bench/mqtt-ingest.ts            (BENCH_PG_URL, BENCH_MQTT_URL, STEADY_S=30 to change)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import mqtt from 'mqtt';
import pg from 'pg';
import pino from 'pino';
import { openDatabase } from '../src/db/client';
import { enterprise, meterReading } from '../src/db/schema/index';
import { usccCheckChar } from '../src/domain/org/uscc';
import { counterAt } from '../src/cli/simulate-meters';
import { startMeterSubscriber } from '../src/gateway/mqtt';
import { loadReferenceData } from '../src/server/boot';

const MQTT_URL = process.env.BENCH_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const ENTERPRISES = 200;
const METERS_PER = 10; // 2,000 meters
const BACKLOG = 60;
const INTERVAL_S = 10;
const STEADY_S = Number(process.env.STEADY_S ?? 30);
const root = path.resolve(import.meta.dirname, '..');
const uscc = (i: number) => {
  const body = `91360700BM${String(i).padStart(7, '0')}`;
  return body + usccCheckChar(body);
};
const topics = () => Array.from({ length: ENTERPRISES * METERS_PER }, (_, k) => `ecer/${uscc(Math.floor(k / METERS_PER) + 1)}/M-${k % METERS_PER}`);
const meterShape = (k: number) => ({ perHour: 200 + (k % 97) * 10, phase: 8 + (k % 5) });
const iso = (ms: number) => new Date(ms).toISOString();

/** The publisher runs in its own process, so it does not share the subscriber's event loop. */
async function publisher() {
  const [phase, startMs] = [process.argv[3]!, Number(process.argv[4])];
  const list = topics();
  const client = await mqtt.connectAsync(MQTT_URL, { clientId: `ecer-bench-pub-${process.pid}`, clean: true });
  if (phase === 'burst') {
    const t0 = performance.now();
    for (let i = 0; i < list.length; i += 200) {
      await Promise.all(
        list.slice(i, i + 200).map((topic, j) => {
          const k = i + j;
          const readings = Array.from({ length: BACKLOG }, (_, r) => {
            const ms = startMs + r * INTERVAL_S * 1000;
            return { ts: iso(ms), value: counterAt(meterShape(k), ms), unit: 'kWh', carrier: 'electricity' };
          });
          return client.publishAsync(topic, JSON.stringify(readings), { qos: 1 });
        }),
      );
    }
    process.stdout.write(`${JSON.stringify({ published: list.length * BACKLOG, ms: performance.now() - t0 })}\n`);
  } else {
    // Each meter once per 10 s, spread evenly: 20 messages every 100 ms.
    const end = Date.now() + STEADY_S * 1000;
    let k = 0;
    let published = 0;
    while (Date.now() < end) {
      const tick = Date.now();
      const batch = [];
      for (let j = 0; j < list.length / (INTERVAL_S * 10); j++, k = (k + 1) % list.length) {
        const ms = Date.now();
        batch.push(client.publishAsync(list[k]!, JSON.stringify({ ts: iso(ms), value: counterAt(meterShape(k), ms), unit: 'kWh' }), { qos: 1 }));
      }
      await Promise.all(batch);
      published += batch.length;
      await new Promise((r) => setTimeout(r, Math.max(0, 100 - (Date.now() - tick))));
    }
    process.stdout.write(`${JSON.stringify({ published })}\n`);
  }
  await client.endAsync();
}

function runPublisher(phase: 'burst' | 'steady', startMs: number): Promise<{ published: number; ms?: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/mqtt-ingest.ts'), '--publisher', phase, String(startMs)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`publisher exited ${code}`))));
  });
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

async function main() {
  const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `ecer_bench_mqtt_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // The name is made here from a fixed prefix and the pid.
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  const clientId = `ecer-bench-sub-${process.pid}`;
  let sub: ReturnType<typeof startMeterSubscriber> | null = null;
  try {
    await loadReferenceData(database, path.join(root, 'data'));
    const now = new Date();
    await database.db.insert(enterprise).values(Array.from({ length: ENTERPRISES }, (_, i) => ({ uscc: uscc(i + 1), name: `压测企业${i + 1}`, regionCode: '360702', createdAt: now, updatedAt: now })));

    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    let storedTotal = 0;
    let firstAt = 0;
    let lastAt = 0;
    const lags: number[] = [];
    let phase: 'burst' | 'steady' = 'burst';
    sub = startMeterSubscriber({
      url: MQTT_URL,
      db: database.db,
      log: pino({ level: 'warn' }),
      clientId,
      onBatch: (b) => {
        storedTotal += b.stored;
        const at = b.at.getTime();
        if (!firstAt) firstAt = Math.min(...b.messages.map((m) => m.receivedAt.getTime()));
        lastAt = at;
        if (phase === 'steady') for (const m of b.messages) lags.push(at - Date.parse((JSON.parse(m.payload.toString()) as { ts: string }).ts));
      },
    });
    await sub.ready;

    // Phase 1: the burst (backlogs ending an hour ago, so the steady readings that follow are newer).
    const burstStart = Date.now() - 3_600_000 - BACKLOG * INTERVAL_S * 1000;
    const pub1 = await runPublisher('burst', burstStart);
    const expected1 = pub1.published;
    const waitFor = async (n: number) => {
      const t0 = Date.now();
      while (storedTotal < n && Date.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 20));
    };
    await waitFor(expected1);
    const burstRate = (storedTotal / (lastAt - firstAt)) * 1000;
    const burst = { readings: storedTotal, seconds: (lastAt - firstAt) / 1000, readingsPerSecond: Math.round(burstRate), publishSeconds: (pub1.ms ?? 0) / 1000 };

    // Phase 2: steady.
    phase = 'steady';
    const before = storedTotal;
    const s0 = Date.now();
    const pub2 = await runPublisher('steady', 0);
    await waitFor(before + pub2.published);
    const steady = { readings: storedTotal - before, seconds: (Date.now() - s0) / 1000, lagP50Ms: percentile(lags, 50), lagP95Ms: percentile(lags, 95), lagMaxMs: Math.max(...lags) };
    clearInterval(sampler);
    await sub.stop();
    const { rejected, duplicates, failures } = sub.stats;
    sub = null;

    const [rows] = await database.db.select({ n: count() }).from(meterReading);
    const hwm = fs.readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+)/)?.[1];
    const result = {
      meters: ENTERPRISES * METERS_PER,
      burst,
      steady,
      published: expected1 + pub2.published,
      storedRows: rows!.n,
      lostOrDoubled: rows!.n - (expected1 + pub2.published),
      peakRssMiB: Math.round(peakRss / 2 ** 20),
      vmHwmMiB: hwm ? Math.round(Number(hwm) / 1024) : null,
      subscriber: { rejected, duplicates, failures },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await sub?.stop();
    const purge = await mqtt.connectAsync(MQTT_URL, { clientId, clean: true });
    await purge.endAsync();
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}"`);
    await admin.end();
  }
}

if (process.argv[2] === '--publisher') await publisher();
else await main();

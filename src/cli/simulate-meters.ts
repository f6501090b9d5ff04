import mqtt from 'mqtt';
import pino from 'pino';
import { type Database, DataDirBusyError, openDatabase } from '../db/client';
import { demoUscc } from '../demo/ids';
import { createEnterprise, listRegions } from '../modules/org/service';
import * as orgRepo from '../modules/org/repo';
import { EnterpriseBody } from '../modules/org/schemas';
import { loadReferenceData, systemCtx } from '../server/boot';
import type { Config } from '../server/config';
import { counterAt } from '../demo/meter-counter';

export { counterAt };

export type SimulateOptions = { enterprises: number; interval: number; duration: number | null; mqttUrl: string };


type DemoMeter = { topic: string; unit: 'kWh' | 'm3'; carrier: string; perHour: number; phase: number };

/** Finds or creates the demo enterprises (演示企业N) spread over the counties; the database must not be held by a running server on PGlite. */
async function ensureDemoEnterprises(config: Config, n: number): Promise<string[]> {
  const usccs = Array.from({ length: n }, (_, i) => demoUscc(i + 1));
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (err) {
    if (!(err instanceof DataDirBusyError)) throw err;
    console.error('嵌入式数据库正被运行中的服务器使用：不新建演示企业，按固定的统一社会信用代码发布（未登记的企业会被平台拒收）。');
    return usccs;
  }
  try {
    // A fresh database needs the organisation (counties) first; loading is idempotent.
    await loadReferenceData(database, config.referenceDir);
    const ctx = { ...systemCtx('simulate'), db: database.db, log: pino({ level: 'silent' }), locale: 'zh-CN' as const };
    const counties = (await listRegions(ctx)).filter((r) => r.kind !== 'city');
    let created = 0;
    for (const [i, uscc] of usccs.entries()) {
      if (await orgRepo.findEnterprise(database.db, { uscc })) continue;
      await createEnterprise(ctx, EnterpriseBody.parse({ uscc, name: `演示企业${i + 1}（在线监测）`, regionCode: counties[i % counties.length]!.code, industry: '演示' }));
      created++;
    }
    console.error(`演示企业：新建 ${created} 家，已有 ${n - created} 家`);
  } finally {
    await database.close();
  }
  return usccs;
}

/** `ecer simulate meters`: publishes realistic counter readings for N demo enterprises every interval seconds. */
export async function simulateMeters(config: Config, o: SimulateOptions) {
  const usccs = await ensureDemoEnterprises(config, o.enterprises);
  const meters: DemoMeter[] = usccs.flatMap((uscc, i) => {
    const list: DemoMeter[] = [{ topic: `ecer/${uscc}/E-01`, unit: 'kWh', carrier: 'electricity', perHour: 500 + ((i * 7919) % 4500), phase: 8 + (i % 6) }];
    if (i % 3 === 0) list.push({ topic: `ecer/${uscc}/G-01`, unit: 'm3', carrier: 'natural-gas', perHour: 40 + ((i * 104_729) % 300), phase: 6 + (i % 4) });
    return list;
  });
  const client = await mqtt.connectAsync(o.mqttUrl, { clientId: `ecer-simulator-${process.pid}`, clean: true });
  console.error(`向 ${o.mqttUrl} 发布 ${meters.length} 块表的读数，每 ${o.interval} 秒一次${o.duration ? `，共 ${o.duration} 秒` : '（Ctrl-C 停止）'}`);
  let sent = 0;
  const tick = async () => {
    const now = Math.floor(Date.now() / 1000 / o.interval) * o.interval * 1000;
    const ts = new Date(now + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    await Promise.all(meters.map((m) => client.publishAsync(m.topic, JSON.stringify({ ts, value: counterAt(m, now), unit: m.unit, carrier: m.carrier }), { qos: 1 })));
    sent += meters.length;
  };
  const stopAt = o.duration ? Date.now() + o.duration * 1000 : Number.POSITIVE_INFINITY;
  let stopping = false;
  process.once('SIGINT', () => (stopping = true));
  while (!stopping && Date.now() < stopAt) {
    await tick();
    const wait = Math.min(o.interval * 1000 - (Date.now() % (o.interval * 1000)), stopAt - Date.now());
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await client.endAsync();
  console.error(`已发布 ${sent} 条读数`);
}

import { DEMO_MQTT_PREFIX } from './ids';
import { and, eq, inArray } from 'drizzle-orm';
import mqtt from 'mqtt';
import type { Db } from '../db/client';
import { enterprise, meter, meterReading } from '../db/schema/index';
import type { DemoMarker } from './marker';
import { counterAt, demoMeterPhase } from './meter-counter';
import { DEMO_SIZES, type DemoSizeName } from './sizes';

export type DemoStream = { describe: string; stop: () => Promise<void> };

const INTERVAL_S = 10;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

type LiveMeter = { topic: string; unit: string; carrier: string | null; perHour: number; phase: number; baseValue: number; baseMs: number };

/**
 * The demo meters as the generator left them: each one's mean use per hour is read back from its history (the
 * readings at the history's first instant and at the demo's today span whole days, over which the daily shape
 * integrates to exactly perHour × hours), so the live counters continue the generated ones without a jump.
 */
async function demoMeters(db: Db, marker: DemoMarker): Promise<LiveMeter[]> {
  const asOf = Date.parse(`${marker.asOf}T00:00:00+08:00`);
  const days = DEMO_SIZES[marker.size as DemoSizeName]?.historyDays ?? 2;
  const from = asOf - days * DAY_MS;
  const meters = await db.select({ id: meter.id, code: meter.code, unit: meter.unit, carrier: meter.carrier, enterpriseId: meter.enterpriseId, uscc: enterprise.uscc }).from(meter).innerJoin(enterprise, eq(enterprise.id, meter.enterpriseId));
  if (!meters.length) return [];
  const ends = await db
    .select({ meterId: meterReading.meterId, ts: meterReading.ts, value: meterReading.value })
    .from(meterReading)
    .where(and(inArray(meterReading.meterId, meters.map((m) => m.id)), inArray(meterReading.ts, [new Date(from), new Date(asOf)])));
  const at = (id: number, ms: number) => ends.find((r) => r.meterId === id && r.ts.getTime() === ms)?.value;
  return meters.flatMap((m) => {
    const first = at(m.id, from);
    const last = at(m.id, asOf);
    if (first === undefined || last === undefined) return [];
    return [{ topic: `${DEMO_MQTT_PREFIX}/${m.uscc}/${m.code}`, unit: m.unit, carrier: m.carrier, perHour: (last - first) / (days * 24), phase: demoMeterPhase(m.enterpriseId), baseValue: last, baseMs: asOf }];
  });
}

/** The counter of a live meter at an instant: its value at the demo's today plus the use since. */
export const liveValue = (m: LiveMeter, ms: number) => Math.round((m.baseValue + counterAt(m, ms) - counterAt(m, m.baseMs)) * 1000) / 1000;

/**
 * Live meter readings of the demo's key energy units over MQTT (issue #12): every 10 s each meter publishes its
 * counter on `ecer-demo/<USCC>/<meter>` (the demo's own topic root) as the platform's subscriber expects, continuing the generated history. Without
 * a reachable broker it says so in one line and the demo runs without live meters.
 */
export async function startMeterStream(o: { db: Db; marker: DemoMarker; mqttUrl: string; log: (line: string) => void }): Promise<DemoStream | null> {
  const meters = await demoMeters(o.db, o.marker);
  if (!meters.length) return null;
  let client: mqtt.MqttClient;
  try {
    client = await mqtt.connectAsync(o.mqttUrl, { clientId: `ecer-demo-meters-${process.pid}`, clean: true, connectTimeout: 3000, reconnectPeriod: 0 });
  } catch (err) {
    o.log(`演示电表实时数据未启动：连不上 MQTT 服务器 ${o.mqttUrl}（${err instanceof Error ? err.message : String(err)}），演示照常运行，只是没有实时电表读数。`);
    return null;
  }
  client.options.reconnectPeriod = 2000; // once connected, ride out a broker restart
  client.on('error', () => {}); // reconnects on its own; the platform's subscriber logs the broker's state
  const tick = () => {
    const now = Math.floor(Date.now() / (INTERVAL_S * 1000)) * INTERVAL_S * 1000;
    const ts = new Date(now + 8 * HOUR_MS).toISOString().replace(/\.\d{3}Z$/, '+08:00');
    for (const m of meters) {
      const body = { ts, value: liveValue(m, now), unit: m.unit, ...(m.carrier ? { carrier: m.carrier } : {}) };
      client.publish(m.topic, JSON.stringify(body), { qos: 1 });
    }
  };
  tick();
  const timer = setInterval(tick, INTERVAL_S * 1000);
  return {
    describe: `${meters.length} 块计量表经 MQTT ${o.mqttUrl} 每 ${INTERVAL_S} 秒上报`,
    stop: async () => {
      clearInterval(timer);
      await client.endAsync();
    },
  };
}

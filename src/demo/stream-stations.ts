import { asc } from 'drizzle-orm';
import { type SimulatorRun, runSimulatedStations } from '../cli/simulate-stations';
import type { Db } from '../db/client';
import { station } from '../db/schema/index';
import type { DemoMarker } from './marker';
import { DEMO_SILENT_STATION, demoMnPrefix, demoStationIndex, demoStationSecrets } from './steps/monitoring';
import type { DemoStream } from './stream-meters';

/** Seconds between real-time (2011) packets; minute (2051) and hour (2061) data follow the clock. */
const RTD_INTERVAL_S = 30;

/**
 * Live HJ 212 data of the demo's monitoring stations, to the platform's own gateway (issue #12): each demo station
 * connects as its own DAS with its edition, PW and (for the encrypted ones) SM4 key, derived from the seed as the
 * monitoring step registered them, and sends real-time, minute and hour data with a small share of exceedances and
 * fault flags (the `ecer simulate stations` client). The station the step left silent stays silent.
 */
export async function startStationStream(o: { db: Db; marker: DemoMarker; host: string; port: number; log: (line: string) => void }): Promise<DemoStream | null> {
  const rows = await o.db
    .select({ mn: station.mn, medium: station.medium, edition: station.edition, encryption: station.encryption, sm4KeyCount: station.sm4KeyCount, active: station.active })
    .from(station)
    .orderBy(asc(station.id));
  const runs: SimulatorRun[] = [];
  let encrypted = 0;
  const editions = new Set<string>();
  for (const row of rows) {
    const index = demoStationIndex(o.marker.seed, row.mn);
    if (index === null || index === DEMO_SILENT_STATION || !row.active) continue;
    const secrets = demoStationSecrets(o.marker.seed, index);
    const edition = row.edition === '2025' ? '2025' : '2017';
    const encrypt = edition === '2025' && row.encryption !== 'off' && row.sm4KeyCount > 0;
    editions.add(edition);
    if (encrypt) encrypted++;
    runs.push(
      runSimulatedStations({
        count: 1,
        first: index,
        mnPrefix: demoMnPrefix(o.marker.seed),
        water: row.medium === 'water',
        interval: RTD_INTERVAL_S,
        host: o.host,
        port: o.port,
        edition,
        encryptKey: encrypt ? secrets.sm4Key : null,
        pw: secrets.pw,
        exceed: 0.0001,
        fault: 0.0001,
        duration: null,
        speedup: 1,
      }),
    );
  }
  if (!runs.length) return null;
  // A refusal means the registry and the stream disagree (a changed PW or key): say so once a minute.
  let refused = 0;
  const watch = setInterval(() => {
    const now = runs.reduce((n, r) => n + r.stats.refused, 0);
    if (now > refused) o.log(`演示监测站点：网关拒收 ${now - refused} 包（站点密码或密钥与登记不符？）`);
    refused = now;
  }, 60_000);
  watch.unref();
  return {
    describe: `${runs.length} 个监测站点经 HJ 212（${[...editions].sort().join('/')}，其中 ${encrypted} 个 SM4 加密）接入 ${o.host}:${o.port}`,
    stop: async () => {
      clearInterval(watch);
      for (const r of runs) r.stop();
      await Promise.all(runs.map((r) => r.done));
    },
  };
}

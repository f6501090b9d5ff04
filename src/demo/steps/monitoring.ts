import { dataTime, type FactorSpec, factorSpecs, stationMn } from '../../cli/simulate-stations';
import type { FactorValues } from '../../domain/hj212/index';
import type { AlarmAction, IngestRecord } from '../../domain/monitoring/model';
import { actOnAlarm, sweepSilentStations } from '../../modules/monitoring/alarms.service';
import { createRecordStore } from '../../modules/monitoring/ingest.service';
import { ensureReadingPartitions } from '../../modules/monitoring/readings.service';
import * as repo from '../../modules/monitoring/repo';
import { StationBody } from '../../modules/monitoring/schemas';
import { createStation, setStationSecrets } from '../../modules/monitoring/stations.service';
import type { DemoCtx, DemoEnterprise } from '../context';
import { DEMO_LABEL } from '../ids';
import { Rng } from '../random';
import { industryOf } from './org';

/**
 * 在线监测 demo: an outlet station for the key pollutant units (a sewage outlet for water industries, a stack for air
 * ones), HJ 212-2017 mostly, some 2025 and some of those SM4-encrypted; days of hour data before the demo's today
 * and the last hours' minute data, with a few exceedances and fault flags that open alarms (some followed up by the
 * enterprise and the county), and one station silent since the day before.
 */

/** The demo stations' MNs: "DM" + the seed's last 4 digits + the index, 14 characters (a DM… MN no DAS is issued). */
export const demoMnPrefix = (seed: number) => `DM${String(seed % 10_000).padStart(4, '0')}`;

/**
 * MN, PW and SM4 key of the demo's i-th station (1-based), from the seed alone, so that the live stream of a
 * restarted demo still connects. Demo secrets, printed nowhere and worth nothing: the demo is for looking.
 */
export function demoStationSecrets(seed: number, i: number): { mn: string; pw: string; sm4Key: string } {
  const rng = Rng.forLabel(seed, `monitoring-secret-${i}`);
  const hex = () => rng.int(0, 15).toString(16);
  return { mn: stationMn(demoMnPrefix(seed), i), pw: String(rng.int(100_000, 999_999)), sm4Key: Array.from({ length: 32 }, hex).join('') };
}

/** The demo's station index from its MN, or null for a station that is not the demo's. */
export function demoStationIndex(seed: number, mn: string): number | null {
  const prefix = demoMnPrefix(seed);
  return mn.startsWith(prefix) && /^\d+$/.test(mn.slice(prefix.length)) ? Number(mn.slice(prefix.length)) : null;
}

/** Edition mix by index: most 2017; every fifth from the third 2025 in clear, every fifth from the fifth 2025 with SM4. */
export const demoStationEdition = (i: number): { edition: '2017' | '2025'; encrypted: boolean } =>
  i % 5 === 0 ? { edition: '2025', encrypted: true } : i % 5 === 3 ? { edition: '2025', encrypted: false } : { edition: '2017', encrypted: false };

/** The demo station that went silent (the third): the live stream leaves it so, and the list shows it offline. */
export const DEMO_SILENT_STATION = 3;

const HOUR = 3_600_000;
/** Beijing time as HJ 212 DataTime (YYYYMMDDhhmmss). */

/** One interval's values of a station (hour or minute data), plausible around each factor's typical level. */
function intervalValues(rng: Rng, specs: readonly FactorSpec[], spanS: number, o: { exceed: boolean; fault: 'D' | 'C' | 'M' | null; daily: number }): FactorValues[] {
  return specs.map((spec, k) => {
    // The day's rhythm moves the load (pollutants and flow), not pH, O2 or the flue gas's state.
    const level = spec.lower === undefined && (spec.limit !== null || spec.cou) ? o.daily : 1;
    let v = Math.max(0, spec.typical * level + (rng.next() * 2 - 1) * spec.spread);
    // An exceedance shows on the first (main) pollutant: COD for a sewage outlet, SO2 for a stack.
    if (o.exceed && k === 0 && spec.limit !== null) v = spec.limit * rng.float(1.15, 1.6);
    const f: FactorValues = { code: spec.code, min: (v * 0.9).toFixed(2), avg: v.toFixed(2), max: (v * 1.1).toFixed(2), flag: o.fault && k === 0 ? o.fault : 'N', other: {} };
    if (spec.cou) f.cou = ((v * spanS) / (spec.code === 'w00000' ? 1000 : 1)).toFixed(2);
    return f;
  });
}

type DemoStation = { id: number; index: number; mn: string; enterprise: DemoEnterprise; water: boolean; name: string };

export async function generateMonitoring(ctx: DemoCtx): Promise<void> {
  const rng = ctx.rng('monitoring');
  const asOf = ctx.asOf.getTime();

  // 1. Stations: about stationsPerRegion per region, on its key pollutant units (a second outlet when there are few).
  const stations: DemoStation[] = [];
  for (const region of ctx.city.regions) {
    const units = ctx.city.enterprises.filter((e) => e.regionCode === region.code && e.isKeyPollutantUnit);
    const county = ctx.city.user('county', region.code);
    for (let k = 0; k < ctx.size.stationsPerRegion && units.length; k++) {
      const enterprise = units[k % units.length]!;
      const outletNo = Math.floor(k / units.length) + 1;
      const index = stations.length + 1;
      const water = industryOf(enterprise).outlet === 'water';
      const { edition, encrypted } = demoStationEdition(index);
      const secrets = demoStationSecrets(ctx.seed, index);
      const outlet = `${water ? 'DW' : 'DA'}${String(outletNo).padStart(3, '0')}`;
      const at = `2021-0${rng.int(3, 9)}-${String(rng.int(1, 28)).padStart(2, '0')}T10:00:00`;
      const body = StationBody.parse({
        mn: secrets.mn,
        name: `${enterprise.name.replace(DEMO_LABEL, '')}${outlet}${water ? '废水总排口' : '废气排放口'}${DEMO_LABEL}`,
        enterpriseId: enterprise.id,
        regionCode: region.code,
        medium: water ? 'water' : 'air',
        st: water ? '32' : '31',
        outlet,
        // Somewhere around Ganzhou (114.4–116.4 E, 24.5–26.8 N); not the enterprise's real place, there is none.
        longitude: rng.float(114.5, 116.2, 5),
        latitude: rng.float(24.7, 26.6, 5),
        factors: factorSpecs(water).map((f) => ({ code: f.code, upper: f.limit, ...(f.lower === undefined ? {} : { lower: f.lower }), source: water ? 'GB 18918-2002 一级A（演示）' : 'GB 13223-2011 表1（演示）' })),
        o2Reference: water ? null : 6,
        rtdIntervalS: 30,
        minIntervalMin: 10,
        edition,
        encryption: encrypted ? 'require' : edition === '2025' ? 'accept' : 'off',
      });
      const s = await createStation(ctx.as(county, at), body);
      await setStationSecrets(ctx.as(county, at.replace('T10', 'T11')), s.id, { pw: secrets.pw, ...(encrypted ? { sm4Keys: [secrets.sm4Key] } : {}) });
      stations.push({ id: s.id, index, mn: secrets.mn, enterprise, water, name: body.name });
    }
  }

  // 2. History: hour data for historyDays before today, minute data (every 10 min) for the last 6 hours. Stored in
  // bulk through the monitoring store, as the gateway stores uploads (a service call per packet would take minutes):
  // the same readings, duplicates and alarms as if the stations had sent them.
  const from = asOf - ctx.size.historyDays * 24 * HOUR;
  await ensureReadingPartitions(ctx.db, new Date(from), Math.ceil(ctx.size.historyDays / 28) + 1);
  const store = createRecordStore(ctx.db);
  const troubled = new Set(rng.sample(stations, Math.max(2, Math.round(stations.length / 4))).map((s) => s.id)); // the stations with exceedances
  const silentSince = asOf - 30 * HOUR;
  let records = 0;
  try {
    for (let day = from; day < asOf; day += 24 * HOUR) {
      const batch: IngestRecord[] = [];
      for (const s of stations) {
        const specs = factorSpecs(s.water);
        for (let t = day; t < day + 24 * HOUR; t += HOUR) {
          if (s.index === DEMO_SILENT_STATION && t >= silentSince) continue;
          if (rng.chance(0.015)) continue; // a lost hour now and then: 传输率 below 100 %
          const hourOfDay = new Date(t + 8 * HOUR).getUTCHours();
          const daily = 0.85 + 0.3 * Math.sin(((hourOfDay - 6) / 24) * 2 * Math.PI) * (s.water ? 0.5 : 1);
          const exceed = troubled.has(s.id) && rng.chance(0.02);
          const fault = rng.chance(0.01) ? rng.pick(['D', 'C', 'M'] as const) : null;
          batch.push(record(s, '2061', t, intervalValues(rng, specs, 3600, { exceed, fault, daily })));
          if (t >= asOf - 6 * HOUR && !(s.index === DEMO_SILENT_STATION))
            for (let m = t; m < t + HOUR; m += 10 * 60_000) batch.push(record(s, '2051', m, intervalValues(rng, specs, 600, { exceed: troubled.has(s.id) && rng.chance(0.03), fault: null, daily })));
        }
      }
      await store.store(batch, new Date(Math.min(day + 24 * HOUR, asOf)));
      records += batch.length;
    }
  } finally {
    await store.close();
  }
  await sweepSilentStations(ctx.db, ctx.asOf);

  // 3. Alarms followed up: the enterprise acknowledges and handles, the county closes; some are still new.
  const alarms = (await repo.listAlarms(ctx.db, { all: true }, { limit: 10_000 })).toSorted((a, b) => a.alarm.id - b.alarm.id);
  const steps: Record<string, AlarmAction[]> = { new: [], ack: ['acknowledge'], handled: ['acknowledge', 'handle'], closed: ['acknowledge', 'handle', 'close'] };
  const byStation = new Map(stations.map((s) => [s.id, s]));
  const outcome: Record<string, number> = {};
  for (const { alarm } of alarms) {
    const s = byStation.get(alarm.stationId);
    if (!s) continue;
    const fate = alarm.kind === 'silence' ? 'new' : rng.pick(['new', 'ack', 'handled', 'closed', 'closed'] as const);
    outcome[fate] = (outcome[fate] ?? 0) + 1;
    let at = alarm.firstAt.getTime();
    for (const action of steps[fate]!) {
      at = Math.min(at + rng.int(20, 240) * 60_000, asOf - 60_000);
      const who = action === 'close' ? ctx.city.user('county', s.enterprise.regionCode) : ctx.city.user('enterprise', s.enterprise.id);
      const note = action === 'acknowledge' ? null : action === 'handle' ? rng.pick(HANDLING[alarm.kind === 'flag' ? 'flag' : 'exceedance']) : '已核实整改情况，同意关闭';
      await actOnAlarm(ctx.as(who, new Date(at)), alarm.id, { action, note });
    }
  }
  const editions = stations.map((s) => demoStationEdition(s.index));
  ctx.log(
    `在线监测：${stations.length} 个站点（2017 版 ${editions.filter((e) => e.edition === '2017').length}，2025 版 ${editions.filter((e) => e.edition === '2025').length}，其中 SM4 加密 ${editions.filter((e) => e.encrypted).length}），` +
      `${records} 包历史数据，${alarms.length} 条报警（${Object.entries(outcome)
        .map(([k, n]) => `${k} ${n}`)
        .join('，')}）`,
  );
}

const HANDLING = {
  exceedance: ['进水负荷突增，已调整曝气与加药量，出水恢复达标', '脱硫系统浆液循环泵故障，已抢修恢复', '已排查工况并整改，后续数据正常'],
  flag: ['分析仪校准期间数据标记，已恢复正常监测', '运维单位已更换采样探头，数据恢复', '停运检修，已按规定报备'],
} as const;

function record(s: DemoStation, cn: '2051' | '2061', at: number, factors: FactorValues[]): IngestRecord {
  // Received a minute after the interval ends, as a DAS uploads.
  const span = cn === '2061' ? HOUR : 10 * 60_000;
  return { stationId: s.id, mn: s.mn, cn, qn: null, dataTime: dataTime(at), backfill: false, factors, receivedAt: new Date(at + span + 60_000).toISOString() };
}

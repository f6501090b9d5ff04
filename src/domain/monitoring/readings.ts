import type { FactorValues } from '../hj212/model';
import { type FactorLimit, type IngestRecord, READING_KINDS, type ReadingKind } from './model';

/** 氧气含量 (Appendix B Table B.2): the measured O2 that formula 28 converts with. */
export const O2_FACTOR = 'a19001';
const BEIJING_OFFSET_MS = 8 * 3600_000;

/** One factor's values from one upload, as stored (the `reading` table). */
export type ReadingRow = {
  stationId: number;
  kind: ReadingKind;
  factor: string;
  at: Date;
  value: number | null;
  min: number | null;
  max: number | null;
  cou: number | null;
  zs: number | null;
  flag: string | null;
  backfill: boolean;
  receivedAt: Date;
};

/** What a station's registry entry says about converting its values. */
export type ConversionRules = { limits: readonly FactorLimit[]; o2Reference: number | null };

export type ReadingsResult = { rows: ReadingRow[]; problems: string[] };

/** The reading kind of a data upload's CN, or null for any other command (hj212.md §3). */
export function readingKindOf(cn: string): ReadingKind | null {
  return Object.hasOwn(READING_KINDS, cn) ? READING_KINDS[cn as keyof typeof READING_KINDS] : null;
}

/**
 * DataTime YYYYMMDDhhmmss[zzz] (Beijing time, UTC+8; hj212.md §3) → the instant, or null when it is not a real
 * calendar time (20250230…, hour 24).
 */
export function dataTimeToInstant(dataTime: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})?$/.exec(dataTime);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Number(m[7] ?? 0);
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h || back.getUTCMinutes() !== mi || back.getUTCSeconds() !== s) return null;
  return new Date(utc - BEIJING_OFFSET_MS);
}

/** The Beijing calendar date (YYYY-MM-DD) of an instant. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** A station's decimal (hj212.md §4: optional sign, digits, optional fraction) as a finite number; '' or absent → null. */
function decimal(raw: string | undefined, field: string, problems: string[]): number | null {
  if (raw === undefined || raw === '') return null;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(raw)) {
    problems.push(`${field} 的值 "${raw.slice(0, 30)}" 不是数值`);
    return null;
  }
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/**
 * 折算浓度 by HJ 212 Appendix D formula 28: C折 = C · (21 − O2基准) / (21 − O2实测). Null when the measured O2 is
 * missing or at or above 21 % (the formula has no meaning there).
 */
export function convertToReferenceO2(c: number, o2Measured: number | null, o2Reference: number): number | null {
  if (o2Measured === null || o2Measured >= 21 || o2Measured < 0) return null;
  return (c * (21 - o2Reference)) / (21 - o2Measured);
}

/**
 * An ingest record → one row per factor. Real-time uploads (2011) carry -Rtd/-ZsRtd; minute, hour and day uploads
 * -Avg/-Min/-Max/-Cou/-ZsAvg. A factor whose limit is on the 折算 basis and that came without a Zs value gets one
 * computed from the record's own O2 (a19001) and the station's reference O2. Values that are not decimals are
 * dropped with a problem; a factor with neither a value nor a flag is not stored.
 */
export function toReadings(record: IngestRecord, rules: ConversionRules): ReadingsResult {
  const problems: string[] = [];
  const kind = readingKindOf(record.cn);
  if (!kind) return { rows: [], problems: [`CN=${record.cn} 不是数据上传命令`] };
  const at = dataTimeToInstant(record.dataTime);
  if (!at) return { rows: [], problems: [`DataTime "${record.dataTime.slice(0, 20)}" 不是有效时间`] };
  const receivedAt = new Date(record.receivedAt);
  const rtd = kind === 'rtd';
  const rows: ReadingRow[] = [];
  let o2: number | null = null;
  for (const f of record.factors) {
    const row = rowOf(f);
    if (f.code === O2_FACTOR) o2 = row?.value ?? null;
    if (row) rows.push(row);
  }
  if (rules.o2Reference !== null) {
    const converted = new Set(rules.limits.filter((l) => l.basis === 'converted').map((l) => l.code));
    for (const row of rows) {
      if (row.zs === null && row.value !== null && converted.has(row.factor)) row.zs = convertToReferenceO2(row.value, o2, rules.o2Reference);
    }
  }
  return { rows, problems };

  function rowOf(f: FactorValues): ReadingRow | null {
    const name = (suffix: string) => `${f.code}-${suffix}`;
    const value = rtd ? decimal(f.rtd, name('Rtd'), problems) : decimal(f.avg, name('Avg'), problems);
    const row: ReadingRow = {
      stationId: record.stationId,
      kind: kind!,
      factor: f.code,
      at: at!,
      value,
      min: rtd ? null : decimal(f.min, name('Min'), problems),
      max: rtd ? null : decimal(f.max, name('Max'), problems),
      cou: rtd ? null : decimal(f.cou, name('Cou'), problems),
      zs: rtd ? decimal(f.zsRtd, name('ZsRtd'), problems) : decimal(f.zsAvg, name('ZsAvg'), problems),
      flag: f.flag ? f.flag.slice(0, 4) : null,
      backfill: record.backfill,
      receivedAt,
    };
    const empty = row.value === null && row.min === null && row.max === null && row.cou === null && row.zs === null && row.flag === null;
    return empty ? null : row;
  }
}

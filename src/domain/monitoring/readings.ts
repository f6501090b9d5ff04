import type { FactorValues } from '../hj212/model';
import { isCalendarDigits, isSignedDecimal, isUnsignedInteger } from '../hj212/values';
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
  // character arithmetic rather than a regex and slices: this runs for every stored upload
  if ((dataTime.length !== 14 && dataTime.length !== 17) || !isUnsignedInteger(dataTime) || !isCalendarDigits(dataTime)) return null;
  const d = dataTime;
  const utc = Date.UTC(digitsAt(d, 0, 4), digitsAt(d, 4, 6) - 1, digitsAt(d, 6, 8), digitsAt(d, 8, 10), digitsAt(d, 10, 12), digitsAt(d, 12, 14), d.length === 17 ? digitsAt(d, 14, 17) : 0);
  return new Date(utc - BEIJING_OFFSET_MS);
}

/** The number written by the digits s[from, to). */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 0x30;
  return n;
}

/** The Beijing calendar date (YYYY-MM-DD) of an instant. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** A station's decimal (hj212.md §4: optional sign, digits, optional fraction) as a finite number; '' or absent → null. */
function decimal(raw: string | undefined, code: string, suffix: string, problems: string[]): number | null {
  if (raw === undefined || raw === '') return null;
  if (!isSignedDecimal(raw)) {
    problems.push(`${code}-${suffix} 的值 "${raw.slice(0, 30)}" 不是数值`);
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
  const rows: ReadingRow[] = [];
  let o2: number | null = null;
  for (const f of record.factors) {
    const row = rowOf(record, kind, at, receivedAt, f, problems);
    if (f.code === O2_FACTOR) o2 = row?.value ?? null;
    if (row) rows.push(row);
  }
  if (rules.o2Reference !== null) {
    for (const row of rows) {
      if (row.zs === null && row.value !== null && rules.limits.some((l) => l.code === row.factor && l.basis === 'converted')) {
        row.zs = convertToReferenceO2(row.value, o2, rules.o2Reference);
      }
    }
  }
  return { rows, problems };
}

/** One factor's row, or null when it has neither a value nor a flag. A function of its own, not a closure: it runs per value. */
function rowOf(record: IngestRecord, kind: ReadingKind, at: Date, receivedAt: Date, f: FactorValues, problems: string[]): ReadingRow | null {
  const rtd = kind === 'rtd';
  const row: ReadingRow = {
    stationId: record.stationId,
    kind,
    factor: f.code,
    at,
    value: rtd ? decimal(f.rtd, f.code, 'Rtd', problems) : decimal(f.avg, f.code, 'Avg', problems),
    min: rtd ? null : decimal(f.min, f.code, 'Min', problems),
    max: rtd ? null : decimal(f.max, f.code, 'Max', problems),
    cou: rtd ? null : decimal(f.cou, f.code, 'Cou', problems),
    zs: rtd ? decimal(f.zsRtd, f.code, 'ZsRtd', problems) : decimal(f.zsAvg, f.code, 'ZsAvg', problems),
    flag: f.flag ? f.flag.slice(0, 4) : null,
    backfill: record.backfill,
    receivedAt,
  };
  const empty = row.value === null && row.min === null && row.max === null && row.cou === null && row.zs === null && row.flag === null;
  return empty ? null : row;
}

import { z } from 'zod';
import type { FactorValues, StationProfile } from '../hj212/model';

/**
 * 污染源在线监测 (hj212.md, hj212-2025.md): the vocabulary shared by the gateway, the monitoring service, the
 * API and the web app. Stations are keyed by MN; readings are HJ 212 data uploads split per factor.
 */

/** Which upload a reading came from (hj212.md §3 CN table): 2011 real-time, 2051 minute, 2061 hour, 2031 day. */
export const READING_KINDS = { '2011': 'rtd', '2051': 'min', '2061': 'hour', '2031': 'day' } as const;
export type ReadingKind = (typeof READING_KINDS)[keyof typeof READING_KINDS];
export const ReadingKind = z.enum(['rtd', 'min', 'hour', 'day']);

export const MEDIA = ['water', 'air'] as const;
export type Medium = (typeof MEDIA)[number];

/**
 * 排放限值 of one factor at one station: the limit, and whether it applies to the measured value or the 折算
 * (reference-O2) value (-ZsRtd/-ZsAvg; HJ 212 Appendix D formula 28), with the standard it comes from.
 * A range factor (pH 6–9) has a lower limit too.
 */
export const FactorLimit = z.object({
  code: z.string().min(1).max(20),
  /** Unit of -Rtd/-Avg as the station sends it (codes.ts has the standard's unit per code). */
  unit: z.string().max(20).default(''),
  upper: z.number().finite().nullable().default(null),
  lower: z.number().finite().nullable().default(null),
  basis: z.enum(['measured', 'converted']).default('measured'),
  /** The emission standard and clause, e.g. "GB 13223-2011 表1". */
  source: z.string().max(200).default(''),
});
export type FactorLimit = z.infer<typeof FactorLimit>;

/**
 * What the gateway needs to know of a registered station to authenticate and decode its packets: the PW is
 * compared by its SHA-256 (the station sends it in clear in every packet; we do not keep it in clear).
 */
export type StationAuth = {
  stationId: number;
  mn: string;
  pwSha256: string;
  profile: StationProfile;
  /** Simultaneous TCP connections allowed for this MN (a DAS normally holds one). */
  maxConnections: number;
};

/**
 * One decoded data upload, as the gateway hands it on (through the in-process queue or NATS JetStream) to be
 * stored. `dataTime` is the packet's DataTime as sent (YYYYMMDDhhmmss, Beijing time, the interval's start for
 * 2051/2061/2031); values stay decimal strings until stored.
 */
export type IngestRecord = {
  stationId: number;
  mn: string;
  cn: string;
  qn: string | null;
  dataTime: string;
  /** 2025 resend marker (RF=1): a backfill, stored idempotently like any other. */
  backfill: boolean;
  factors: FactorValues[];
  /** When the gateway received the packet (ISO instant). */
  receivedAt: string;
};

/** 报警 kinds (issue #8 item 4). */
export const ALARM_KINDS = ['exceedance', 'hour-average', 'flag', 'silence'] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];
/** The alarm workflow: new → acknowledged → handled → closed, each step with a note. */
export const ALARM_STATUSES = ['new', 'acknowledged', 'handled', 'closed'] as const;
export type AlarmStatus = (typeof ALARM_STATUSES)[number];
export const ALARM_ACTIONS = ['acknowledge', 'handle', 'close'] as const;
export type AlarmAction = (typeof ALARM_ACTIONS)[number];

/** A condition found in the data; the service opens an alarm for it unless one of the same key is still open. */
export type AlarmCandidate = {
  kind: AlarmKind;
  stationId: number;
  /** The factor at fault (null for silence). */
  factor: string | null;
  /** The instant the condition was observed (reading time, or the check time for silence). */
  at: string;
  /** The value and limit compared (null where not numeric), and the basis. */
  value: number | null;
  limit: number | null;
  basis: 'measured' | 'converted' | null;
  /** The data flag for 'flag' alarms (D, C, M, F, T, B, S, Td …). */
  flag: string | null;
  /** In Chinese: what, where, the numbers. */
  message: string;
};

/**
 * 在线监测规则 as reference data (key `monitoring-rules`): silence threshold, which flags raise alarms, and the
 * 有效传输率 definition's inputs. Values in data/reference/monitoring.yaml with their sources.
 */
export const MonitoringRulesValue = z.object({
  /** A station is silent when nothing arrived for its upload interval × this factor. */
  silenceFactor: z.number().gt(1).max(100),
  /** Expected upload intervals when a station does not declare them: real-time (s) and minute data (min). */
  defaultRtdIntervalS: z.number().int().min(30).max(3600),
  defaultMinIntervalMin: z.number().int().min(1).max(60),
  /** Data flags that raise a 'flag' alarm (hj212.md §4 Table 8; 2025 Td). N is normal. */
  alarmFlags: z.array(z.string().min(1).max(4)).min(1),
  /** Flags whose values still count as valid for 有效率 (N only, by default). */
  validFlags: z.array(z.string().min(1).max(4)).min(1),
  /** Hours a day of hour data the 传输率 expects (24). */
  expectedHoursPerDay: z.number().int().min(1).max(24),
});
export type MonitoringRules = z.infer<typeof MonitoringRulesValue>;

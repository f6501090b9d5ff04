import { z } from 'zod';
import { ALARM_ACTIONS, ALARM_KINDS, ALARM_STATUSES, FactorLimit, MEDIA, ReadingKind } from '../../domain/monitoring/model';

/**
 * 污染源在线监测 API (issue #8): the station registry, readings and their aggregates, live data, alarms and
 * their workflow, and data completeness (有效传输率). Shared with the web app.
 */

const Id = z.coerce.number().int().positive().max(2_147_483_647);
const Instant = z.iso.datetime({ offset: true });

/** A station as the city or its county registers it. The PW and SM4 keys are write-only. */
export const StationBody = z.object({
  mn: z.string().trim().min(1).max(24),
  name: z.string().trim().min(1).max(200),
  enterpriseId: z.number().int().positive().nullable().default(null),
  regionCode: z.string().min(1).max(16),
  medium: z.enum(MEDIA),
  /** HJ 212 system code the station uploads with (31 flue gas, 32 waste water, 27 VOCs …). */
  st: z.string().regex(/^[0-9A-Z]{2}$/),
  /** 排放口编号 (DA001 / DW001) and name. */
  outlet: z.string().trim().max(50).default(''),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  factors: z.array(FactorLimit).max(60).default([]),
  /** Reference O2 (%) for 折算 where the station does not send -Zs values itself (HJ 212 Appendix D formula 28). */
  o2Reference: z.number().min(0).lt(21).nullable().default(null),
  rtdIntervalS: z.number().int().min(30).max(3600).nullable().default(null),
  minIntervalMin: z.number().int().min(1).max(60).nullable().default(null),
  /** The edition and its switches (hj212-2025.md §6.1, §10): one per station. */
  edition: z.enum(['auto', '2005', '2017', '2025']).default('auto'),
  encryption: z.enum(['off', 'accept', 'require']).default('accept'),
  lengthMode: z.enum(['plaintext', 'transmitted', 'either']).default('plaintext'),
  bareLf: z.boolean().default(false),
  maxConnections: z.number().int().min(1).max(8).default(1),
  active: z.boolean().default(true),
});
export type StationBody = z.infer<typeof StationBody>;
/** Secrets are set apart from the rest: PW (HJ 212 access password) and SM4 keys (16 ASCII chars or 32 hex digits). */
export const StationSecretsBody = z.object({
  pw: z.string().min(1).max(32).optional(),
  sm4Keys: z.array(z.string().regex(/^([\x21-\x7e]{16}|[0-9a-fA-F]{32})$/, 'SM4 密钥应为 16 个可见 ASCII 字符或 32 位十六进制')).max(2).optional(),
});

export const StationOut = StationBody.extend({
  id: z.number().int(),
  enterpriseName: z.string().nullable(),
  hasPw: z.boolean(),
  sm4KeyCount: z.number().int(),
  /** Last valid packet, and whether the station is silent now (monitoring-rules silenceFactor). */
  lastSeenAt: z.date().nullable(),
  silent: z.boolean(),
  openAlarms: z.number().int(),
  /** Latest value per factor (real-time or minute), for the list and the map. */
  latest: z.array(z.object({ code: z.string(), value: z.number().nullable(), flag: z.string().nullable(), at: z.date() })),
  updatedAt: z.date(),
});
export type StationOut = z.infer<typeof StationOut>;

export const StationQuery = z.object({
  regionCode: z.string().max(16).optional(),
  enterpriseId: Id.optional(),
  medium: z.enum(MEDIA).optional(),
  q: z.string().trim().max(100).optional(),
});

/** A factor's series: raw readings of a kind, or hour/day aggregates computed from them (zoom by from/to). */
export const SeriesQuery = z.object({
  factor: z.string().min(1).max(20),
  kind: ReadingKind.default('min'),
  granularity: z.enum(['raw', 'hour', 'day']).default('raw'),
  from: Instant,
  to: Instant,
});
export const SeriesOut = z.object({
  stationId: z.number().int(),
  factor: z.string(),
  unit: z.string(),
  limit: z.number().nullable(),
  basis: z.enum(['measured', 'converted']).nullable(),
  points: z.array(
    z.object({
      at: z.date(),
      avg: z.number().nullable(),
      min: z.number().nullable(),
      max: z.number().nullable(),
      cou: z.number().nullable(),
      zs: z.number().nullable(),
      flag: z.string().nullable(),
      /** For aggregates: how many readings made the point. */
      n: z.number().int(),
    }),
  ),
});

export const AlarmOut = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  stationName: z.string(),
  mn: z.string(),
  regionCode: z.string(),
  enterpriseId: z.number().int().nullable(),
  enterpriseName: z.string().nullable(),
  kind: z.enum(ALARM_KINDS),
  status: z.enum(ALARM_STATUSES),
  factor: z.string().nullable(),
  value: z.number().nullable(),
  limit: z.number().nullable(),
  basis: z.enum(['measured', 'converted']).nullable(),
  flag: z.string().nullable(),
  message: z.string(),
  firstAt: z.date(),
  lastAt: z.date(),
  /** How many times the condition was seen while the alarm was open. */
  occurrences: z.number().int(),
  history: z.array(z.object({ action: z.string(), note: z.string().nullable(), actorName: z.string(), at: z.date() })),
});
export type AlarmOut = z.infer<typeof AlarmOut>;
export const AlarmQuery = z.object({
  status: z.enum(ALARM_STATUSES).optional(),
  kind: z.enum(ALARM_KINDS).optional(),
  regionCode: z.string().max(16).optional(),
  enterpriseId: Id.optional(),
  stationId: Id.optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const AlarmActionBody = z.object({ action: z.enum(ALARM_ACTIONS), note: z.string().trim().max(2000).nullable().default(null) });

/** 有效传输率 per station per day: hour records received / expected (传输率), valid / received (有效率), their product. */
export const CompletenessQuery = z.object({ from: z.iso.date(), to: z.iso.date(), regionCode: z.string().max(16).optional(), stationId: Id.optional() });
export const CompletenessOut = z.array(
  z.object({
    stationId: z.number().int(),
    stationName: z.string(),
    regionCode: z.string(),
    days: z.array(z.object({ date: z.string(), expected: z.number().int(), received: z.number().int(), valid: z.number().int(), transmissionRate: z.number(), validRate: z.number(), effectiveRate: z.number() })),
  }),
);

/**
 * GET /stations/:id/live (text/event-stream): each `readings` event's data is an array of these, the newest
 * real-time and minute readings since the last event; its `id` is the newest time in ms (Last-Event-ID resumes).
 */
export const LiveReading = z.object({
  kind: z.enum(['rtd', 'min']),
  factor: z.string(),
  at: Instant,
  value: z.number().nullable(),
  /** -Min/-Max of minute data (null for real-time data). */
  min: z.number().nullable(),
  max: z.number().nullable(),
  zs: z.number().nullable(),
  flag: z.string().nullable(),
});
export type LiveReading = z.infer<typeof LiveReading>;

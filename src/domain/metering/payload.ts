import { z } from 'zod';
import { REPORT_UNITS, type ReportUnit } from '../energy/conversion';

/**
 * 能耗在线监测 MQTT messages. Topic `ecer/<USCC>/<meterId>`; payload one reading or an array of readings
 * (a meter that buffered while offline sends its backlog in one message):
 * `{ "ts": "2026-11-24T08:00:00+08:00", "value": 123456.7, "unit": "kWh", "carrier"?: "electricity" }`.
 * `value` is the cumulative counter (表底数), never the interval's use.
 */
export const TOPIC_PREFIX = 'ecer';
/** What a subscriber for a topic root subscribes to (a demo platform uses a root of its own: its meters never reach a real one). */
export const topicFilter = (prefix = TOPIC_PREFIX) => `${prefix}/+/+`;

const METER_ID = /^[A-Za-z0-9._-]{1,64}$/;
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export const MeterReadingPayload = z.object({
  ts: z.iso.datetime({ offset: true }),
  value: z.number().finite().min(0),
  unit: z.enum(Object.keys(REPORT_UNITS) as [ReportUnit, ...ReportUnit[]]),
  carrier: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .optional(),
});
export type MeterReadingPayload = z.infer<typeof MeterReadingPayload>;
export const MeterPayload = z.union([MeterReadingPayload, z.array(MeterReadingPayload).min(1).max(10_000)]);

/** A reading as the platform keeps it: the time in ms since the epoch. */
export type MeterReading = { tsMs: number; value: number; unit: ReportUnit; carrier: string | null };

export type TopicParse = { ok: true; uscc: string; meterCode: string } | { ok: false; reason: 'bad-topic'; detail: string };

/** Splits `ecer/<USCC>/<meterId>` (or another topic root); the USCC's check character is verified against the registry, not here. */
export function parseMeterTopic(topic: string, prefix = TOPIC_PREFIX): TopicParse {
  const parts = topic.split('/');
  if (parts.length !== 3 || parts[0] !== prefix) return { ok: false, reason: 'bad-topic', detail: `主题应为 ${prefix}/<统一社会信用代码>/<表计编号>` };
  const [, uscc, meterCode] = parts as [string, string, string];
  if (!USCC_SHAPE.test(uscc)) return { ok: false, reason: 'bad-topic', detail: `统一社会信用代码格式有误：${uscc.slice(0, 32)}` };
  if (!METER_ID.test(meterCode)) return { ok: false, reason: 'bad-topic', detail: '表计编号只能含字母、数字、点、下划线和连字符（≤ 64 位）' };
  return { ok: true, uscc, meterCode };
}

export type PayloadParse = { ok: true; readings: MeterReading[] } | { ok: false; reason: 'bad-payload'; detail: string };

/** Parses a message body (UTF-8 JSON); never throws. */
export function parseMeterPayload(body: Uint8Array | string): PayloadParse {
  let raw: unknown;
  try {
    raw = JSON.parse(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
  } catch {
    return { ok: false, reason: 'bad-payload', detail: '报文不是合法的 JSON' };
  }
  const r = MeterPayload.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    return { ok: false, reason: 'bad-payload', detail: `报文字段有误 ${issue.path.join('.') || '(根)'}：${issue.message}` };
  }
  const list = Array.isArray(r.data) ? r.data : [r.data];
  return { ok: true, readings: list.map((p) => ({ tsMs: Date.parse(p.ts), value: p.value, unit: p.unit, carrier: p.carrier ?? null })) };
}

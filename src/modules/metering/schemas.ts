import { z } from 'zod';

export const MeterOut = z.object({
  id: z.number().int(),
  code: z.string(),
  unit: z.string(),
  carrier: z.string().nullable(),
  createdAt: z.date(),
  latest: z.object({ ts: z.date(), value: z.number() }).nullable(),
});
export type MeterOut = z.infer<typeof MeterOut>;
export const MetersOut = z.object({ enterpriseId: z.number().int(), uscc: z.string(), name: z.string(), meters: z.array(MeterOut) });

export const SeriesQuery = z.object({
  granularity: z.enum(['hour', 'day', 'month']).default('hour'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type SeriesQuery = z.infer<typeof SeriesQuery>;
export const SeriesOut = z.object({
  meterId: z.number().int(),
  unit: z.string(),
  granularity: z.enum(['hour', 'day', 'month']),
  from: z.date(),
  to: z.date(),
  /** quantity: use in the meter's unit; hours: clock hours with any use or reading; readings: readings stored. */
  points: z.array(z.object({ period: z.date(), quantity: z.number(), hours: z.number().int(), readings: z.number().int() })),
});

export const RejectionsQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100), reason: z.string().max(40).optional() });
export const RejectionOut = z.object({
  id: z.number().int(),
  topic: z.string(),
  uscc: z.string().nullable(),
  meterCode: z.string().nullable(),
  ts: z.date().nullable(),
  value: z.number().nullable(),
  reason: z.string(),
  detail: z.string(),
  payload: z.string(),
  receivedAt: z.date(),
});

export const ComparisonQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const ComparisonOut = z.object({
  enterpriseId: z.number().int(),
  year: z.number().int(),
  report: z.object({ id: z.number().int(), revision: z.number().int(), status: z.string() }).nullable(),
  /** Hours of the year up to now (or the whole year once it is over): the completeness denominator. */
  expectedHours: z.number().int(),
  rules: z.object({ deviationMax: z.number(), completenessMin: z.number(), referenceVersionId: z.number().int() }),
  carriers: z.array(
    z.object({
      carrier: z.string(),
      baseUnit: z.string(),
      metered: z.number().nullable(),
      reported: z.number().nullable(),
      deviation: z.number().nullable(),
      completeness: z.number().nullable(),
      flags: z.array(z.enum(['deviation', 'incomplete', 'not-metered', 'not-reported'])),
    }),
  ),
  /** Meters without a carrier cannot be compared; they are listed so the enterprise can name one. */
  unassignedMeters: z.array(z.number().int()),
});

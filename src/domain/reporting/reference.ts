import { z } from 'zod';

const Frequency = z.enum(['monthly', 'quarterly', 'half-yearly', 'annual']);
const Cadence = z.object({ frequency: Frequency, dueDays: z.number().int().min(0).max(120) });

/** data/reference/reporting.yaml: reporting defaults and the status rule, each with its source. */
export const ReportingReference = z.object({
  reporting: z.object({ source: z.string(), validFrom: z.coerce.date(), indicator: Cadence, task: Cadence, dueSoonDays: z.number().int().min(0) }),
  progressStatus: z.object({ source: z.string(), validFrom: z.coerce.date(), atRiskRatio: z.number().gt(0).lt(1) }),
});
export type ReportingReference = z.infer<typeof ReportingReference>;

import { z } from 'zod';

const Frequency = z.enum(['monthly', 'quarterly', 'half-yearly', 'annual']);
const Cadence = z.object({ frequency: Frequency, dueDays: z.number().int().min(0).max(120) });

/** 报送默认值: the cadence of items without their own rule, and how early "due soon" starts. */
export const ReportingDefaults = z.object({ indicator: Cadence, task: Cadence, dueSoonDays: z.number().int().min(0).max(60) });
export type ReportingDefaults = z.infer<typeof ReportingDefaults>;

/** 进展状态规则: at risk from atRiskRatio × the expected completion (see domain/progress/status.ts). */
export const ProgressStatusRule = z.object({ atRiskRatio: z.number().gt(0).lt(1) });
export type ProgressStatusRule = z.infer<typeof ProgressStatusRule>;

/** The reporting reference in force on a day, each part with its source and the date it applies from. */
export type ReportingReference = {
  reporting: ReportingDefaults & { source: string; validFrom: string };
  progressStatus: ProgressStatusRule & { source: string; validFrom: string };
};

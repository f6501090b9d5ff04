import { z } from 'zod';
import { REPORT_UNITS, type ReportUnit } from '../../domain/energy/conversion';
import { HistoryStep } from '../reporting/schemas';

const Quantity = z.number().finite().min(0);
export const ReportBody = z.object({
  year: z.number().int().min(2000).max(2100),
  lines: z
    .array(
      z.object({
        carrier: z.string().min(1).max(40),
        quantity: Quantity,
        unit: z.enum(Object.keys(REPORT_UNITS) as [ReportUnit, ...ReportUnit[]]),
        measuredLhvKj: z.number().positive().nullable().default(null),
      }),
    )
    .min(1, '至少填写一种能源')
    .max(60),
  products: z
    .array(z.object({ product: z.string().trim().min(1).max(100), output: Quantity, unit: z.string().trim().min(1).max(20), energyTce: Quantity.nullable().default(null) }))
    .max(50)
    .default([]),
  savingProjects: z
    .array(z.object({ name: z.string().trim().min(1).max(200), investment: Quantity, savingTce: Quantity, status: z.enum(['planned', 'in-progress', 'completed']) }))
    .max(100)
    .default([]),
  changeReason: z.string().trim().max(2000).nullable().default(null),
  correctionReason: z.string().max(1000).nullable().default(null),
});
export type ReportBody = z.infer<typeof ReportBody>;

export const ReportOut = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  year: z.number().int(),
  revision: z.number().int(),
  status: z.enum(['submitted', 'county-approved', 'approved', 'returned', 'superseded']),
  lines: z.array(
    z.object({
      carrier: z.string(),
      name: z.string(),
      quantity: z.number(),
      unit: z.string(),
      kgcePerBase: z.number(),
      coefficientFrom: z.enum(['default', 'measured']),
      tceEquivalent: z.number(),
      tceEquivalentInput: z.number(),
    }),
  ),
  products: z.array(z.object({ product: z.string(), output: z.number(), unit: z.string(), energyTce: z.number().nullable(), unitConsumption: z.number().nullable() })),
  savingProjects: ReportBody.shape.savingProjects.unwrap(),
  tceEquivalent: z.number(),
  tceEquivalentInput: z.number(),
  changeReason: z.string().nullable(),
  correctionReason: z.string().nullable(),
  submittedBy: z.number().int(),
  submittedAt: z.date(),
});
export type ReportOut = z.infer<typeof ReportOut>;

export const ReportThreadOut = z.object({
  report: ReportOut,
  revisions: z.array(ReportOut),
  history: z.array(HistoryStep.extend({ reportId: z.number().int() })),
});

export const ProductEfficiencyOut = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  year: z.number().int(),
  productCode: z.string(),
  productName: z.string(),
  capacity: z.number(),
  capacityUnit: z.string(),
  unitConsumption: z.number(),
  class: z.enum(['benchmark', 'between', 'below-baseline']),
  updatedAt: z.date(),
});

export const BenchmarkShareOut = z.object({
  year: z.number().int(),
  goalShare: z.number(),
  source: z.string(),
  industries: z.array(z.object({ industry: z.string(), units: z.number().int(), share: z.number().nullable(), meetsGoal: z.boolean() })),
  belowBaseline: z.array(
    z.object({ enterpriseId: z.number().int(), enterpriseName: z.string(), regionCode: z.string(), product: z.string(), capacity: z.number(), capacityUnit: z.string(), unitConsumption: z.number(), baseline: z.number(), unit: z.string() }),
  ),
});

const Approval = z.enum(['approved', 'pending', 'none']);
/** 两高一低项目: as the city or the county enters it. */
export const ProjectBody = z.object({
  name: z.string().trim().min(1).max(200),
  enterpriseId: z.number().int().positive().nullable().default(null),
  regionCode: z.string().min(1).max(16),
  industry: z.string().trim().min(1).max(50),
  stage: z.enum(['planned', 'under-construction', 'built']),
  annualEnergyTce: z.number().finite().min(0).nullable().default(null),
  annualEmissions: z.string().trim().max(500).default(''),
  energyReviewStatus: Approval,
  energyReviewNo: z.string().trim().max(100).nullable().default(null),
  eiaStatus: Approval,
  eiaNo: z.string().trim().max(100).nullable().default(null),
  finding: z.string().trim().max(2000).default(''),
  disposal: z.enum(['keep', 'rectify', 'stop-construction', 'phase-out', 'pending']),
  followUp: z.string().trim().max(2000).default(''),
});
export type ProjectBody = z.infer<typeof ProjectBody>;
export const ProjectOut = ProjectBody.extend({
  id: z.number().int(),
  stage: z.string(),
  energyReviewStatus: z.string(),
  eiaStatus: z.string(),
  disposal: z.string(),
  updatedAt: z.date(),
  updatedBy: z.number().int(),
  warnings: z.array(z.enum(['energy-review-missing', 'eia-missing', 'disposal-pending'])),
});

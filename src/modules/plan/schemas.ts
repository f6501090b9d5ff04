import { z } from 'zod';
import { Comparison } from '../../domain/plan/plan-file';

export const PlanCodeParams = z.object({ code: z.string().regex(/^[a-z0-9-]{1,64}$/, '方案编号为小写字母、数字和连字符') });

const DeptRef = z.object({ id: z.number().int(), name: z.string() });

export const TaskOut = z.object({
  id: z.number().int(),
  code: z.string(),
  text: z.string(),
  lead: z.array(DeptRef),
  cooperating: z.array(DeptRef),
  namedRegions: z.array(z.string()),
});

export const IndicatorOut = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  quote: z.string(),
  unit: z.string().nullable(),
  comparison: Comparison,
  baselineYear: z.number().int().nullable(),
  baselineValue: z.number().nullable(),
  target: z.number().nullable(),
  stretch: z.number().nullable(),
  targetText: z.string().nullable(),
  targetYear: z.number().int(),
  isBinding: z.boolean(),
  departments: z.array(DeptRef),
});

export const PlanSummaryOut = z.object({
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  baselineYear: z.number().int(),
  parentName: z.string().nullable(),
  parentDocNumber: z.string().nullable(),
  preamble: z.string(),
  allRegionsImplement: z.boolean(),
  allRegionsQuote: z.string().nullable(),
});

export const PlanTreeOut = PlanSummaryOut.extend({
  chapters: z.array(
    z.object({
      id: z.number().int(),
      no: z.number().int(),
      title: z.string(),
      sections: z.array(
        z.object({
          id: z.number().int(),
          no: z.number().int(),
          title: z.string(),
          quote: z.string(),
          isKeyProject: z.boolean(),
          responsibilityQuote: z.string().nullable(),
          tasks: z.array(TaskOut),
          indicators: z.array(IndicatorOut),
        }),
      ),
    }),
  ),
});

const Placement = z.object({
  chapterNo: z.number().int(),
  chapterTitle: z.string(),
  sectionNo: z.number().int(),
  sectionTitle: z.string(),
  isKeyProject: z.boolean(),
});

export const SearchQuery = z.object({
  department: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  region: z.string().max(16).optional(),
  onlyNamed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().max(100).optional(),
});

export const SearchOut = z.object({
  tasks: z.array(TaskOut.extend(Placement.shape).extend({ role: z.enum(['lead', 'cooperating']).nullable() })),
  indicators: z.array(IndicatorOut.extend(Placement.shape)),
});

export const MineQuery = z.object({ department: z.coerce.number().int().positive().max(2_147_483_647).optional() });

export const ExportQuery = z.object({ format: z.enum(['json', 'xlsx']).default('json') });

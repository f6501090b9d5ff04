import { z } from 'zod';
import type { BarometerRules } from './barometer';
import type { DeductionRegime } from './deductions';

const Fraction = z.number().min(0).max(1);
const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/** 晴雨表规则 as reference data (energy.md §3.2): the rule set per dimension, thresholds and colours. */
export const BarometerRulesValue = z.object({
  /** The name shown on every map and bulletin, e.g. "强度按 629号，总量按 901号（增长口径）". */
  name: z.string().min(1),
  intensity: z.object({ ruleSet: z.enum(['A', 'B']), gapThreshold: Fraction }),
  total: z.object({ basis: z.enum(['growth', 'level']), gapThreshold: Fraction }),
  colours: z.object({ level1: Colour, level2: Colour, level3: Colour, unrated: Colour }),
}) satisfies z.ZodType<BarometerRules & object>;
export type BarometerRulesValue = z.infer<typeof BarometerRulesValue>;

/** 扣减口径 as reference data (energy.md §3.3–§3.5): which deduction regime applies to a data year. */
export const DeductionRegimeValue = z.object({
  kind: z.enum(['renewable-increment', 'non-fossil']),
  k: z.number().positive().max(1),
  incrementRule: z.enum(['level-vs-base', 'sum-positive-increments']),
  deductBaseYearNonFossil: z.boolean(),
}) satisfies z.ZodType<DeductionRegime>;


import { AppError } from '../errors';
import { Dec } from '../reduction/decimal';
import { BAROMETER_LABELS, BAROMETER_LEVELS, type BarometerColour, type ComputedItem, METRIC_FORMAT, type MetricKey, type ScoringRule } from './model';

/** A rule's raw points (≥ 0; for a deduction item, the points taken away) and the words for the step used. */
export type RuleOutcome = { raw: Dec; step: string };

/** 0.95 → "95%", 0.875 → "87.5%": thresholds and shares as the scheme writes them, trailing zeros dropped. */
export const percent = (x: Dec): string => `${trimZeros(x.times(100).toFixed(4))}%`;
/** Points as published: exact to 0.01, trailing zeros dropped (36, 35.5, 12.25). */
export const pointsText = (x: Dec | number): string => trimZeros((typeof x === 'number' ? Dec.of(x) : x).toFixed(2));
const trimZeros = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);

/** A metric value as read in a sentence: a share in %, a count in 起, a barometer level by its colour. */
export function metricText(metric: MetricKey, value: Dec): string {
  const format = METRIC_FORMAT[metric];
  if (format === 'percent') return percent(value);
  if (format === 'count') return `${pointsText(value)} 起`;
  const colour = colourOf(value);
  return colour ? BAROMETER_LABELS[colour] : `等级 ${pointsText(value)}`;
}

const colourOf = (value: Dec): BarometerColour | null =>
  (Object.keys(BAROMETER_LEVELS) as BarometerColour[]).find((c) => value.cmp(BAROMETER_LEVELS[c]) === 0) ?? null;

/** Applies one scoring rule to a known value; the words say "得" or "扣" as the item's group reads. */
export function applyRule(item: ComputedItem, value: Dec): RuleOutcome {
  const verb = item.group === 'deduction' ? '扣' : '得';
  const rule: ScoringRule = item.rule;
  switch (rule.kind) {
    case 'steps':
      return applySteps(item.metric, rule, value, verb);
    case 'linear': {
      const share = Dec.min(Dec.max(value, Dec.ZERO), Dec.ONE);
      const raw = share.times(item.maxPoints);
      return { raw, step: `按比例计分 ${pointsText(item.maxPoints)} × ${percent(share)}，${verb} ${pointsText(raw)} 分` };
    }
    case 'per-count': {
      const count = Dec.max(value, Dec.ZERO);
      const full = count.times(rule.points);
      const raw = Dec.min(full, Dec.of(item.maxPoints));
      const capped = raw.lt(full) ? `（上限 ${pointsText(item.maxPoints)} 分）` : '';
      return { raw, step: `每起${verb} ${pointsText(rule.points)} 分，${verb} ${pointsText(raw)} 分${capped}` };
    }
    case 'level': {
      const colour = colourOf(value);
      if (!colour) throw new AppError('validation', `${item.title}：晴雨表等级须为 1、2 或 3，收到 ${value.toNumber()}`, { pointer: `#/metrics/${item.metric}/value`, field: item.metric });
      const raw = Dec.of(rule.points[colour]);
      return { raw, step: `${BAROMETER_LABELS[colour]}，${verb} ${pointsText(raw)} 分` };
    }
  }
}

type Steps = Extract<ScoringRule, { kind: 'steps' }>;

/** The template's step table: floor to the highest step reached, plus `points` per whole `perStep` over 100 %, at most `cap`. */
function applySteps(metric: MetricKey, rule: Steps, value: Dec, verb: string): RuleOutcome {
  const step = rule.steps.find((s) => value.gte(s.min));
  const lowest = rule.steps[rule.steps.length - 1]!;
  const base = Dec.of(step ? step.points : rule.below);
  const words = step
    ? `达到 ≥ ${metricText(metric, Dec.of(step.min))} 档，${verb} ${pointsText(base)} 分`
    : `低于最低档 ${metricText(metric, Dec.of(lowest.min))}，${verb} ${pointsText(base)} 分`;
  if (!rule.bonus || !value.gt(Dec.ONE)) return { raw: base, step: words };
  const over = value.minus(Dec.ONE);
  const ratio = over.div(Dec.of(rule.bonus.perStep));
  const wholeSteps = ratio.num / ratio.den; // both positive: bigint division floors
  const full = Dec.of(wholeSteps).times(rule.bonus.points);
  const bonus = Dec.min(full, Dec.of(rule.bonus.cap));
  const capped = bonus.gte(Dec.of(rule.bonus.cap)) ? `，已达上限 ${pointsText(rule.bonus.cap)} 分` : `（上限 ${pointsText(rule.bonus.cap)} 分）`;
  return {
    raw: base.plus(bonus),
    step: `${words}；超额 ${percent(over)}，每超 ${percent(Dec.of(rule.bonus.perStep))} 加 ${pointsText(rule.bonus.points)} 分，加 ${pointsText(bonus)} 分${capped}`,
  };
}

import type { Locale } from '../../../../src/i18n/index';
import type { Translate } from '../../app/i18n-context';
import type { Indicator } from './queries';

type Comparison = Indicator['comparison'];
type Target = Pick<Indicator, 'comparison' | 'target' | 'stretch' | 'unit' | 'targetText'>;

const SYMBOL: Record<Exclude<Comparison, 'reduce_by_pct' | 'qualitative'>, string> = { gte: '≥', gt: '>', lte: '≤', eq: '=', approx: '≈' };

/** A plan number as the plan writes it: no thousands separator, up to 4 decimals, in the UI language. */
export function formatPlanNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 4, useGrouping: false }).format(value);
}

/** A count, with the UI language's grouping. */
export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A value with its unit as the plan writes it: “12.5%”, “0.71 万吨/日”, “13451 吨”. */
export function formatQuantity(value: number, unit: string | null, locale: Locale): string {
  const n = formatPlanNumber(value, locale);
  if (!unit) return n;
  return unit === '%' || unit === '‰' ? `${n}${unit}` : `${n} ${unit}`;
}

/** The comparison's name from the catalog (plan.comparison.*). */
export function comparisonLabel(comparison: Comparison, t: Translate): string {
  return t(`plan.comparison.${comparison}`);
}

function expression(ind: Target, value: number, t: Translate, locale: Locale): string {
  const quantity = formatQuantity(value, ind.unit, locale);
  if (ind.comparison === 'reduce_by_pct') return t('plan.fmt.reduce', { value: quantity });
  if (ind.comparison === 'qualitative') return quantity;
  return `${SYMBOL[ind.comparison]} ${quantity}`;
}

/**
 * An indicator's target in one line: “下降 12.5%（力争 13%）”, “≥ 95%”, “≤ 9%”, “≈ 0.71 万吨/日”,
 * “力争 ≥ 12 个” where the plan sets only a stretch value, and the plan's words for qualitative targets.
 */
export function formatTarget(ind: Target, t: Translate, locale: Locale): string {
  if (ind.comparison === 'qualitative' || (ind.target === null && ind.stretch === null)) return ind.targetText ?? '—';
  if (ind.target === null) return t('plan.fmt.stretchOnly', { value: expression(ind, ind.stretch ?? 0, t, locale) });
  const main = expression(ind, ind.target, t, locale);
  if (ind.stretch === null) return main;
  return main + t('plan.fmt.stretch', { value: formatQuantity(ind.stretch, ind.unit, locale) });
}

/** The stretch (力争) value alone, with its unit, or “—”. */
export function formatStretch(ind: Pick<Indicator, 'stretch' | 'unit'>, locale: Locale): string {
  return ind.stretch === null ? '—' : formatQuantity(ind.stretch, ind.unit, locale);
}

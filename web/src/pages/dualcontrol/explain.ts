import type { Translate } from '../../app/i18n-context';
import { formatAmount, formatRate, levelLabelKey } from './levels';
import type { BarometerRegion, Evaluation } from './queries';

/**
 * 强度: the year's intensity change against what the year requires, with its level, e.g.
 * 强度：下降 1.98%，应降 2.64%（二级预警）. `required` is null when the region's targets are not at hand.
 */
export function explainIntensity(e: Evaluation, required: number | null, t: Translate): string {
  const level = t(levelLabelKey(e.level.intensity));
  if (e.annualReduction === null) return t('energy.why.intensityNone', { level });
  const change = e.annualReduction >= 0 ? t('energy.why.fell', { rate: formatRate(e.annualReduction) }) : t('energy.why.rose', { rate: formatRate(-e.annualReduction) });
  return required === null ? t('energy.why.intensity', { change, level }) : t('energy.why.intensityVs', { change, required: formatRate(required), level });
}

/** 总量: the assessed total against its (adjusted) target, or 免于总量考核 when the incentive target is met. */
export function explainTotal(e: Evaluation, t: Translate): string {
  if (e.exemptFromTotal) return t('energy.why.exempt');
  const level = t(levelLabelKey(e.level.total));
  if (!e.totalTarget) return t('energy.why.totalNoTarget', { total: formatAmount(e.assessedTotal), level });
  return t('energy.why.total', { total: formatAmount(e.assessedTotal), target: formatAmount(e.totalTarget.adjusted), level });
}

/** Why a region has no colour: no target set, or no approved figures for the year (or the server's own problem). */
export function explainNotRated(r: Pick<BarometerRegion, 'notRated' | 'problem'>, t: Translate): string {
  const why = r.notRated === 'no-target' ? t('energy.notRated.no-target') : r.notRated === 'no-data' ? t('energy.notRated.no-data') : t('energy.level.unrated');
  return r.problem ? `${why}（${r.problem}）` : why;
}

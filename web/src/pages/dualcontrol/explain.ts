import type { Translate } from '../../app/i18n-context';
import { formatRate, levelLabelKey } from './levels';
import type { DimensionRating, RatedRegion } from './rating';

/** ，差距 25.00% where rule set A measured one and the region falls short; nothing otherwise. */
const gapText = (gap: number | null, t: Translate) => (gap !== null && gap > 0 ? t('energy2.why.gap', { gap: formatRate(gap) }) : '');

/**
 * 强度: the intensity reduction achieved against the one required, both as the server rated them, e.g.
 * 强度：下降 1.98%，应降 2.64%（二级预警）.
 */
export function explainIntensity(i: DimensionRating, t: Translate): string {
  const level = t(levelLabelKey(i.level));
  if (i.actual === null) return t('energy.why.intensityNone', { level });
  const change = i.actual >= 0 ? t('energy.why.fell', { rate: formatRate(i.actual) }) : t('energy.why.rose', { rate: formatRate(-i.actual) });
  if (i.required === null) return t('energy.why.intensity', { change, level });
  return t('energy2.why.intensityVs', { change, required: formatRate(i.required), gap: gapText(i.gap, t), level });
}

/**
 * 总量: the growth of the assessed total against the growth its target allows, e.g.
 * 总量：同比增长 0.96%，目标允许增长 1.83%（三级预警）; or 免于总量考核 when the incentive target is met.
 */
export function explainTotal(total: DimensionRating, exempt: boolean, t: Translate): string {
  if (exempt) return t('energy.why.exempt');
  const level = t(levelLabelKey(total.level));
  if (total.actual === null) return total.level === null ? t('energy2.why.totalUnrated') : t('energy2.why.totalNone', { level });
  const growth = total.actual >= 0 ? t('energy2.why.grew', { rate: formatRate(total.actual) }) : t('energy2.why.shrank', { rate: formatRate(-total.actual) });
  const allowed =
    total.required === null ? '' : total.required >= 0 ? t('energy2.why.allowed', { rate: formatRate(total.required) }) : t('energy2.why.mustFall', { rate: formatRate(-total.required) });
  return t('energy2.why.total', { growth, allowed, gap: gapText(total.gap, t), level });
}

/** Why a region has no colour: no target set, or no approved figures for the period (or the server's own problem). */
export function explainNotRated(r: Pick<RatedRegion, 'notRated' | 'problem'>, t: Translate): string {
  const why = r.notRated === 'no-target' ? t('energy.notRated.no-target') : r.notRated === 'no-data' ? t('energy.notRated.no-data') : t('energy.level.unrated');
  return r.problem ? `${why}（${r.problem}）` : why;
}

/** The lines of a region's tooltip and warning: its overall level, then both dimensions, or why it is not rated. */
export function explainRegion(r: RatedRegion, t: Translate): string[] {
  if (!r.intensity || !r.total) return [explainNotRated(r, t)];
  return [t(levelLabelKey(r.overall)), explainIntensity(r.intensity, t), explainTotal(r.total, r.exemptFromTotal, t)];
}

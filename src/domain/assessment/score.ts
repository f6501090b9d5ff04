import { AppError } from '../errors';
import { Dec } from '../reduction/decimal';
import {
  AssessmentInputs,
  type AssessmentInputsIn,
  type AssessmentResult,
  type AssessmentScheme,
  type ComputedItem,
  type GradeBand,
  type ItemResult,
  METRIC_KEYS,
  METRIC_LABELS,
  type MetricKey,
  type ReviewedItem,
  type ReviewedScore,
  type VetoRule,
} from './model';
import { applyRule, metricText, pointsText } from './rules';

/**
 * Scores one subject (a county government or a department) on one scheme: points per item exact to 0.01,
 * the target, measure and deduction subtotals, the vetoes in force and the grade (energy.md §7). Pure: the
 * same scheme and inputs always give a deep-equal result, so an assessment re-run for the same cut-off agrees.
 * Throws AppError('validation') on reviewed scores that do not fit the scheme and on exemptions it does not allow.
 */
export function scoreAssessment(scheme: AssessmentScheme, input: AssessmentInputsIn): AssessmentResult {
  const inputs = AssessmentInputs.parse(input);
  const reviewed = reviewedByItem(scheme, inputs.reviewed);
  checkExemptions(scheme, inputs.exemptions);
  const items = scheme.items.map((item) => (item.kind === 'computed' ? scoreComputed(item, inputs) : scoreReviewed(item, reviewed.get(item.key) ?? null)));
  const sum = (group: ItemResult['group']) => Dec.sum(items.filter((i) => i.group === group).map((i) => Dec.of(i.points)));
  const target = sum('target');
  const measures = sum('measures');
  const deductions = sum('deduction');
  const total = target.plus(measures).plus(deductions);
  const { inForce, exempted } = judgeVetoes(scheme.vetoes, inputs);
  const band = inForce.length > 0 ? bandOf(scheme.grades, 'incomplete') : gradeFor(scheme.grades, total);
  return {
    items,
    targetPoints: target.round(2),
    measurePoints: measures.round(2),
    deductions: deductions.round(2),
    total: total.round(2),
    vetoes: inForce,
    exempted,
    missingMetrics: missingMetrics(scheme, inputs),
    grade: band.grade,
    gradeLabel: band.label,
  };
}

/** A computed item: its metric through its rule; a missing value scores 0 and says so. */
function scoreComputed(item: ComputedItem, inputs: AssessmentInputs): ItemResult {
  const metric = inputs.metrics[item.metric];
  const figures = metric?.figures ?? [];
  const base = { key: item.key, title: item.title, group: item.group, kind: 'computed' as const, maxPoints: item.maxPoints, figures };
  if (metric === undefined || metric.value === null) {
    return { ...base, points: 0, basis: `缺少数据（${METRIC_LABELS[item.metric]}），本项记 0 分` };
  }
  const value = Dec.of(metric.value);
  const { raw, step } = applyRule(item, value);
  const points = item.group === 'deduction' ? raw.neg() : raw;
  const from = figures.length ? `（${figures.map((f) => `${f.label} ${f.value}`).join('，')}）` : '';
  return { ...base, points: points.round(2), basis: `${METRIC_LABELS[item.metric]} ${metricText(item.metric, value)}${from}：${step}` };
}

/** A reviewed item: the reviewers' points (already checked against the checklist), or 0 while nobody has scored it. */
function scoreReviewed(item: ReviewedItem, score: ReviewedScore | null): ItemResult {
  const base = { key: item.key, title: item.title, group: item.group, kind: 'reviewed' as const, maxPoints: item.maxPoints, figures: [] };
  if (score === null) return { ...base, points: 0, basis: '尚未评分，本项记 0 分' };
  const verb = item.group === 'deduction' ? '扣' : '得';
  const met = item.checklist.filter((c) => score.checked.includes(c.key));
  const list = met.length ? `符合 ${met.length} 项：${met.map((c) => `${c.text}（${pointsText(c.points)} 分）`).join('；')}` : '未符合任何评分要点';
  const note = score.note.trim() ? `。评审意见：${score.note.trim()}` : '';
  const points = Dec.of(score.points);
  return {
    ...base,
    points: (item.group === 'deduction' ? points.neg() : points).round(2),
    figures: met.map((c) => ({ label: c.text, value: pointsText(c.points) })),
    basis: `评审${list}，${verb} ${pointsText(points)} 分${note}`,
  };
}

/** Checks each reviewed score against its item and indexes them; the pointer names the offending entry. */
function reviewedByItem(scheme: AssessmentScheme, scores: ReviewedScore[]): Map<string, ReviewedScore> {
  const out = new Map<string, ReviewedScore>();
  scores.forEach((score, i) => {
    const at = (field: string) => ({ pointer: `#/reviewed/${i}/${field}`, field });
    const item = scheme.items.find((x) => x.key === score.itemKey);
    if (!item) throw new AppError('validation', `方案 ${scheme.code} 没有考核项 ${score.itemKey}`, at('itemKey'));
    if (item.kind !== 'reviewed') throw new AppError('validation', `${item.title} 由平台数据计算，不能评审打分`, at('itemKey'));
    if (out.has(item.key)) throw new AppError('validation', `${item.title} 的评分重复`, at('itemKey'));
    if (new Set(score.checked).size !== score.checked.length) throw new AppError('validation', `${item.title}：勾选的评分要点重复`, at('checked'));
    const unknown = score.checked.find((k) => !item.checklist.some((c) => c.key === k));
    if (unknown !== undefined) throw new AppError('validation', `${item.title} 没有评分要点 ${unknown}`, at('checked'));
    const points = Dec.of(score.points);
    if (points.gt(Dec.of(item.maxPoints))) throw new AppError('validation', `${item.title} 满分 ${pointsText(item.maxPoints)} 分，评分 ${pointsText(points)} 分超出`, at('points'));
    const expected = Dec.sum(item.checklist.filter((c) => score.checked.includes(c.key)).map((c) => Dec.of(c.points)));
    if (points.cmp(expected) !== 0) throw new AppError('validation', `${item.title}：评分 ${pointsText(points)} 分与勾选要点合计 ${pointsText(expected)} 分不符`, at('points'));
    out.set(item.key, score);
  });
  return out;
}

/** An exemption must name a veto of the scheme that allows one. */
function checkExemptions(scheme: AssessmentScheme, exemptions: string[]) {
  exemptions.forEach((key, i) => {
    const veto = scheme.vetoes.find((v) => v.key === key);
    const where = { pointer: `#/exemptions/${i}`, field: 'exemptions' };
    if (!veto) throw new AppError('validation', `方案 ${scheme.code} 没有否决项 ${key}`, where);
    if (!veto.exemptible) throw new AppError('validation', `否决项 ${key} 不可豁免`, where);
  });
}

/** Vetoes whose metric meets the condition, split into those in force and those lifted. A missing value meets nothing. */
function judgeVetoes(vetoes: VetoRule[], inputs: AssessmentInputs) {
  const inForce: AssessmentResult['vetoes'] = [];
  const exempted: string[] = [];
  for (const veto of vetoes) {
    const value = inputs.metrics[veto.metric]?.value;
    if (value === undefined || value === null) continue;
    const v = Dec.of(value);
    const met = 'below' in veto.condition ? v.lt(Dec.of(veto.condition.below)) : v.gt(Dec.of(veto.condition.above));
    if (!met) continue;
    if (veto.exemptible && inputs.exemptions.includes(veto.key)) exempted.push(veto.key);
    else inForce.push({ key: veto.key, message: veto.message });
  }
  return { inForce, exempted };
}

function missingMetrics(scheme: AssessmentScheme, inputs: AssessmentInputs): MetricKey[] {
  const used = new Set<MetricKey>([...scheme.items.flatMap((i) => (i.kind === 'computed' ? [i.metric] : [])), ...scheme.vetoes.map((v) => v.metric)]);
  return METRIC_KEYS.filter((k) => used.has(k) && (inputs.metrics[k]?.value ?? null) === null);
}

/** The best band whose inclusive lower bound the total reaches; below every bound, the lowest band. */
function gradeFor(grades: GradeBand[], total: Dec): GradeBand {
  return grades.find((g) => total.gte(Dec.of(g.min))) ?? grades[grades.length - 1]!;
}

function bandOf(grades: GradeBand[], grade: GradeBand['grade']): GradeBand {
  return grades.find((g) => g.grade === grade)!; // the scheme's refinement lists every grade
}

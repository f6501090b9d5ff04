import { z } from 'zod';

/**
 * 节能减排目标责任评价考核 (energy.md §7; the plan, 五（二）): the contract shared by the scoring engine, the
 * assessment service, the API and the web app. A scheme is rubric data (items, points, rules, vetoes, grades),
 * shipped as reference data (`assessment-schemes`) and edited by the steering office, never code.
 */

/**
 * The figures the platform computes per subject and year. Each is a number the rules can threshold:
 * - `intensity-completion`: q = actual ÷ target reduction rate of 单位GDP能耗, a plain ratio of rates (§7), not
 *   the logarithmic 完成进度 of §2.
 * - `total-consumption`: 1 when within the total target or exempt (§3.1), else target ÷ actual (< 1).
 * - `barometer-level`: the 晴雨表 level of energy/barometer.ts, 1 red (一级预警), 2 yellow, 3 green.
 * - `reduction-verified`: verified key-project reductions ÷ the region's allocation (a fraction; per pollutant
 *   or combined, the figures say which).
 * - `indicators-on-track`, `reports-on-time`, `tasks-on-time`: shares in [0, 1]; tasks-on-time is for departments.
 * - `two-high-cases`: a count of 两高一低 / 能评未批先建 cases found.
 * - `monitoring-completeness`: mean 有效传输率 of the region's stations.
 */
export const METRIC_KEYS = [
  'intensity-completion',
  'total-consumption',
  'barometer-level',
  'reduction-verified',
  'indicators-on-track',
  'reports-on-time',
  'two-high-cases',
  'monitoring-completeness',
  'tasks-on-time',
] as const;
export const MetricKey = z.enum(METRIC_KEYS);
export type MetricKey = z.infer<typeof MetricKey>;

/** How a metric's value is written in a basis sentence. */
export const METRIC_FORMAT: Record<MetricKey, 'percent' | 'count' | 'level'> = {
  'intensity-completion': 'percent',
  'total-consumption': 'percent',
  'barometer-level': 'level',
  'reduction-verified': 'percent',
  'indicators-on-track': 'percent',
  'reports-on-time': 'percent',
  'two-high-cases': 'count',
  'monitoring-completeness': 'percent',
  'tasks-on-time': 'percent',
};

/** What each metric is called in a basis sentence. */
export const METRIC_LABELS: Record<MetricKey, string> = {
  'intensity-completion': '能耗强度降低目标完成率',
  'total-consumption': '能源消费总量控制情况',
  'barometer-level': '能耗双控晴雨表',
  'reduction-verified': '重点工程减排量核定完成率',
  'indicators-on-track': '指标按进度完成比例',
  'reports-on-time': '报告按时报送率',
  'two-high-cases': '两高一低及能评未批先建案件',
  'monitoring-completeness': '在线监测平均有效传输率',
  'tasks-on-time': '任务按时完成率',
};

/** Barometer levels by name; the numbers are energy/barometer.ts's (1 一级预警 … 3 三级预警). */
export const BAROMETER_LEVELS = { red: 1, yellow: 2, green: 3 } as const;
export type BarometerColour = keyof typeof BAROMETER_LEVELS;
export const BAROMETER_LABELS: Record<BarometerColour, string> = { red: '红灯（一级预警）', yellow: '黄灯（二级预警）', green: '绿灯（三级预警）' };

const Points = z.number().finite().min(0).max(1000);
const Key = z.string().trim().min(1).max(60);

/** Step scoring, the template's table: the highest step whose `min` ≤ value gives its points (floored to the step, §7 [U] default). */
export const StepsRule = z.object({
  kind: z.literal('steps'),
  /** Highest `min` first; mins strictly decreasing. */
  steps: z.array(z.object({ min: z.number().finite(), points: Points })).min(1),
  /** Points below the lowest step (the template: 0). */
  below: Points.default(0),
  /** Over-fulfilment: `points` per whole `perStep` above 1 (100 %), at most `cap` (the template: 3 per 10 %, cap 9). */
  bonus: z.object({ perStep: z.number().positive(), points: Points, cap: Points }).optional(),
});
/** Proportional: maxPoints × clamp(value, 0, 1). */
export const LinearRule = z.object({ kind: z.literal('linear') });
/** Deduction per case: `points` per count, at most the item's maxPoints. */
export const PerCountRule = z.object({ kind: z.literal('per-count'), points: Points });
/** Points per barometer level. */
export const LevelRule = z.object({ kind: z.literal('level'), points: z.object({ green: Points, yellow: Points, red: Points }) });
export const ScoringRule = z.discriminatedUnion('kind', [StepsRule, LinearRule, PerCountRule, LevelRule]);
export type ScoringRule = z.infer<typeof ScoringRule>;

export const ITEM_GROUPS = ['target', 'measures', 'deduction'] as const;
export type ItemGroup = (typeof ITEM_GROUPS)[number];

const ItemBase = {
  key: Key,
  title: z.string().trim().min(1).max(200),
  /** target 目标完成 and measures 措施落实 add up to the scheme total; deduction items take points away (shown ≤ 0). */
  group: z.enum(ITEM_GROUPS),
  maxPoints: Points,
};
export const ComputedItem = z.object({ ...ItemBase, kind: z.literal('computed'), metric: MetricKey, rule: ScoringRule });
export const ChecklistEntry = z.object({ key: Key, text: z.string().trim().min(1).max(300), points: Points });
/** Scored by reviewers against a checklist with evidence; the checklist's points add up to the item's maxPoints. */
export const ReviewedItem = z.object({
  ...ItemBase,
  kind: z.literal('reviewed'),
  checklist: z.array(ChecklistEntry).min(1),
  /** Department codes (data/org) whose reviewers score this item. */
  reviewerDepartments: z.array(Key).min(1),
});
export const SchemeItem = z.discriminatedUnion('kind', [ComputedItem, ReviewedItem]);
export type SchemeItem = z.infer<typeof SchemeItem>;
export type ComputedItem = z.infer<typeof ComputedItem>;
export type ReviewedItem = z.infer<typeof ReviewedItem>;

/** 否决性指标: when the metric meets the condition the grade is 未完成 whatever the score, unless an exemption lifts an exemptible veto. */
export const VetoRule = z.object({
  key: Key,
  metric: MetricKey,
  condition: z.union([z.object({ below: z.number().finite() }).strict(), z.object({ above: z.number().finite() }).strict()]),
  exemptible: z.boolean(),
  message: z.string().trim().min(1).max(300),
});
export type VetoRule = z.infer<typeof VetoRule>;

/** Grades best first; the template's bands are inclusive lower bounds 95 / 80 / 60 / 0 ("95分以上…不含95分"). */
export const GRADES = ['exceeded', 'completed', 'basic', 'incomplete'] as const;
export const Grade = z.enum(GRADES);
export type Grade = z.infer<typeof Grade>;
export const GradeBand = z.object({ grade: Grade, label: z.string().trim().min(1).max(20), min: z.number().finite() });
export type GradeBand = z.infer<typeof GradeBand>;

const issue = (ctx: z.core.$RefinementCtx, path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });

/** The checks a scheme's shape alone cannot express; messages in Chinese, paths to the field at fault. */
function checkScheme(s: { totalPoints: number; items: SchemeItem[]; vetoes: VetoRule[]; grades: GradeBand[] }, ctx: z.core.$RefinementCtx) {
  const sum = s.items.filter((i) => i.group !== 'deduction').reduce((a, i) => a + Math.round(i.maxPoints * 100), 0);
  if (sum !== Math.round(s.totalPoints * 100)) issue(ctx, ['items'], `目标与措施项满分合计 ${sum / 100}，应为 ${s.totalPoints}`);
  const seen = new Set<string>();
  s.items.forEach((item, i) => {
    if (seen.has(item.key)) issue(ctx, ['items', i, 'key'], `考核项 ${item.key} 重复`);
    seen.add(item.key);
    if (item.kind === 'reviewed') {
      const keys = new Set(item.checklist.map((c) => c.key));
      if (keys.size !== item.checklist.length) issue(ctx, ['items', i, 'checklist'], `${item.title}：评分要点的 key 重复`);
      const pts = item.checklist.reduce((a, c) => a + Math.round(c.points * 100), 0);
      if (pts !== Math.round(item.maxPoints * 100)) issue(ctx, ['items', i, 'checklist'], `${item.title}：评分要点合计 ${pts / 100} 分，应为满分 ${item.maxPoints}`);
      return;
    }
    const r = item.rule;
    if (r.kind === 'per-count' && item.group !== 'deduction') issue(ctx, ['items', i, 'rule'], `${item.title}：按次扣分只用于扣分项`);
    if (r.kind === 'steps') {
      r.steps.forEach((st, j) => {
        if (j > 0 && !(st.min < r.steps[j - 1]!.min)) issue(ctx, ['items', i, 'rule', 'steps', j, 'min'], `${item.title}：档位须从高到低`);
      });
      if ([...r.steps.map((st) => st.points), r.below].some((p) => p > item.maxPoints)) issue(ctx, ['items', i, 'rule'], `${item.title}：档位分值超过满分`);
      if (r.bonus && item.group !== 'target') issue(ctx, ['items', i, 'rule', 'bonus'], `${item.title}：超额加分只用于目标项`);
    }
    if (r.kind === 'level' && Object.values(r.points).some((p) => p > item.maxPoints)) issue(ctx, ['items', i, 'rule'], `${item.title}：等级分值超过满分`);
  });
  const vetoKeys = new Set<string>();
  s.vetoes.forEach((v, i) => {
    if (vetoKeys.has(v.key)) issue(ctx, ['vetoes', i, 'key'], `否决项 ${v.key} 重复`);
    vetoKeys.add(v.key);
  });
  s.grades.forEach((g, i) => {
    if (g.grade !== GRADES[i]) issue(ctx, ['grades', i, 'grade'], `等级须依次为 ${GRADES.join(' / ')}`);
    if (i > 0 && !(g.min < s.grades[i - 1]!.min)) issue(ctx, ['grades', i, 'min'], '等级下限须从高到低');
  });
}

/** One scheme: whom it rates (a county government or a department), its items, vetoes and grade bands. */
export const AssessmentScheme = z
  .object({
    code: Key,
    name: z.string().trim().min(1).max(200),
    subject: z.enum(['region', 'department']),
    /** The declared full score of target + measures items (the template: 100). */
    totalPoints: Points,
    items: z.array(SchemeItem).min(1),
    vetoes: z.array(VetoRule).default([]),
    grades: z.array(GradeBand).length(GRADES.length),
  })
  .superRefine(checkScheme);
export type AssessmentScheme = z.infer<typeof AssessmentScheme>;

/** Reference value `assessment-schemes`: the default scheme for counties and for departments. */
export const AssessmentSchemesValue = z
  .object({ region: AssessmentScheme, department: AssessmentScheme })
  .refine((v) => v.region.subject === 'region' && v.department.subject === 'department', { message: '方案的考核对象与 region / department 不符' });
export type AssessmentSchemesValue = z.infer<typeof AssessmentSchemesValue>;

/** A computed figure with the numbers it came from (shown in the result, so a score can be checked by hand). */
export const MetricValue = z.object({
  value: z.number().finite().nullable(),
  figures: z.array(z.object({ label: z.string().min(1).max(100), value: z.string().max(100) })).default([]),
});
export type MetricValue = z.infer<typeof MetricValue>;

/** A reviewer's score of one reviewed item: the checklist entries met, and points that must equal their sum. */
export const ReviewedScore = z.object({
  itemKey: Key,
  points: Points,
  checked: z.array(Key),
  note: z.string().max(2000).default(''),
});
export type ReviewedScore = z.infer<typeof ReviewedScore>;

/** Everything one assessment of one subject needs besides its scheme; the same inputs always give the same result. */
export const AssessmentInputs = z.object({
  metrics: z.partialRecord(MetricKey, MetricValue).default({}),
  reviewed: z.array(ReviewedScore).default([]),
  /** Veto keys lifted by an approved exemption (e.g. 能耗强度 met at the incentive level, 1310号). */
  exemptions: z.array(Key).default([]),
});
export type AssessmentInputs = z.infer<typeof AssessmentInputs>;
/** The inputs as a caller writes them: every list may be left out. */
export type AssessmentInputsIn = z.input<typeof AssessmentInputs>;

export type ItemResult = {
  key: string;
  title: string;
  group: ItemGroup;
  kind: 'computed' | 'reviewed';
  /** Exact to 0.01; ≤ 0 for deduction items; a target item may exceed maxPoints by its bonus. */
  points: number;
  maxPoints: number;
  /** One Chinese sentence: the figures and the rule step used. */
  basis: string;
  figures: MetricValue['figures'];
};

export type AssessmentResult = {
  items: ItemResult[];
  targetPoints: number;
  measurePoints: number;
  /** The sum of the deduction items, ≤ 0. total = targetPoints + measurePoints + deductions. */
  deductions: number;
  total: number;
  /** Vetoes in force (met and not lifted). */
  vetoes: Array<{ key: string; message: string }>;
  /** Vetoes met but lifted by an exemption. */
  exempted: string[];
  /** Metrics the scheme uses that had no value: their items scored 0, their vetoes could not be judged. */
  missingMetrics: MetricKey[];
  grade: Grade;
  gradeLabel: string;
};

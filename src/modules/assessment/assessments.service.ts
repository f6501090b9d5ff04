import { publish } from '../public/publications.service';
import type { UserActor } from '../../domain/access';
import { type AssessmentResult, type ReviewedScore, compareYears, rankResults, scoreAssessment } from '../../domain/assessment/index';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as orgRepo from '../org/repo';
import { computeMetrics } from './metrics.service';
import * as repo from './repo';
import type { AssessmentActionBody, AssessmentCreateBody, AssessmentOut, AssessmentStatus, ComparisonOut, SubjectSummary } from './schemas';
import { schemeById } from './schemes.service';

/** An assessment with everything its results depend on. */
export type Loaded = {
  a: repo.AssessmentRow;
  scheme: repo.SchemeRow;
  subjects: repo.SubjectRow[];
  scores: Awaited<ReturnType<typeof repo.listScores>>;
};
export type RankedSubject = { subject: repo.SubjectRow; result: AssessmentResult; rank: number; isVetoed: boolean };

const CITY = ['admin', 'steering'] as const;
const isCity = (a: UserActor) => (CITY as readonly string[]).includes(a.role);

export function userOf(ctx: Ctx): UserActor {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  return ctx.actor;
}

/** The user with its department's code (a department scheme's subject key), looked up once per request. */
export type Viewer = UserActor & { departmentCode: string | null };

export async function viewerOf(ctx: Ctx): Promise<Viewer> {
  const a = userOf(ctx);
  if (a.role !== 'department' || a.departmentId === null) return { ...a, departmentCode: null };
  return { ...a, departmentCode: (await orgRepo.findDepartment(ctx.db, { id: a.departmentId }))?.code ?? null };
}

export type SchemeSubject = 'region' | 'department';

/** Who self-assesses in an assessment of this kind: the counties in a region scheme, the departments in a department scheme. */
export const isSelfAssessor = (v: Viewer, scheme: SchemeSubject) => (scheme === 'region' ? v.role === 'county' : v.role === 'department');

/** The viewer's own subject: its region in a region scheme, its department in a department scheme. */
export const isOwnSubject = (v: Viewer, scheme: SchemeSubject, key: string) =>
  scheme === 'region' ? v.role === 'county' && v.regionCode === key : v.role === 'department' && v.departmentCode === key;

export async function loadAssessment(db: Db, id: number): Promise<Loaded> {
  const a = await repo.findAssessment(db, id);
  if (!a) throw new AppError('not-found', `考核 ${id} 不存在`);
  const [scheme, subjects, scores] = await Promise.all([schemeById(db, a.schemeId), repo.listSubjects(db, [id]), repo.listScores(db, id)]);
  return { a, scheme, subjects, scores };
}

/** The current score of each item at a stage: the latest row (scores are append-only). */
export function currentScores(scores: Loaded['scores'], subjectKey: string, stage: 'self' | 'review'): ReviewedScore[] {
  const latest = new Map<string, ReviewedScore>();
  for (const { s } of scores) if (s.subjectKey === subjectKey && s.stage === stage) latest.set(s.itemKey, { itemKey: s.itemKey, points: s.points, checked: s.checked, note: s.note });
  return [...latest.values()];
}

/** The live result (review-stage scores; an item nobody reviewed counts 0) from the subject's snapshot. */
export const liveResult = (l: Loaded, subject: repo.SubjectRow): AssessmentResult =>
  scoreAssessment(l.scheme.body, { metrics: subject.metrics, reviewed: currentScores(l.scores, subject.subjectKey, 'review'), exemptions: subject.exemptions });

/** Frozen once consolidated, live before. */
export const resultOf = (l: Loaded, subject: repo.SubjectRow): AssessmentResult => subject.result ?? liveResult(l, subject);

/** Every subject with its result and rank (ranked across all subjects, whoever looks). */
export function rankSubjects(l: Loaded): RankedSubject[] {
  const ranked = rankResults(l.subjects.map((subject) => ({ subject, ...resultOf(l, subject) })));
  return ranked.map(({ subject, rank, isVetoed, ...result }) => ({ subject, result, rank, isVetoed }));
}

/**
 * Until the results are published a self-assessor (a county in a region assessment, a department in a department
 * assessment) sees only its own subject, and a county nothing of a department assessment; the city sees all, and so
 * do the departments in a region assessment (they review). Once published, everyone sees every subject.
 */
export function mayViewSubject(v: Viewer, status: string, scheme: SchemeSubject, key: string): boolean {
  if (status === 'published') return true;
  if (v.role === 'county' || isSelfAssessor(v, scheme)) return isOwnSubject(v, scheme, key);
  return true;
}

/** Whether the viewer may learn ranks now: a county, or a department in a department assessment, only once published. */
export const mayViewRank = (v: Viewer, status: string, scheme: SchemeSubject) => status === 'published' || !(v.role === 'county' || isSelfAssessor(v, scheme));

/** The subjects the viewer may see, best rank first (then by key). */
export function visibleRanked(v: Viewer, l: Loaded): RankedSubject[] {
  const scheme = l.scheme.subject as SchemeSubject;
  return rankSubjects(l)
    .filter((r) => mayViewSubject(v, l.a.status, scheme, r.subject.subjectKey))
    .sort((x, y) => x.rank - y.rank || x.subject.subjectKey.localeCompare(y.subject.subjectKey));
}

const summaryOf = (v: Viewer, l: Loaded, r: RankedSubject): SubjectSummary => ({
  key: r.subject.subjectKey,
  name: r.subject.name,
  selfSubmittedAt: r.subject.selfSubmittedAt,
  targetPoints: r.result.targetPoints,
  measurePoints: r.result.measurePoints,
  deductions: r.result.deductions,
  total: r.result.total,
  grade: r.result.grade,
  gradeLabel: r.result.gradeLabel,
  vetoed: r.isVetoed,
  vetoes: r.result.vetoes.map((x) => x.message),
  rank: mayViewRank(v, l.a.status, l.scheme.subject as SchemeSubject) ? r.rank : null,
});

async function assessmentOut(ctx: Ctx, l: Loaded, viewer?: Viewer): Promise<AssessmentOut> {
  const v = viewer ?? (await viewerOf(ctx));
  const events = await repo.listEvents(ctx.db, [l.a.id]);
  return {
    id: l.a.id,
    title: l.a.title,
    period: l.a.period,
    cutoff: l.a.cutoff,
    status: l.a.status as AssessmentStatus,
    scheme: { id: l.scheme.id, code: l.scheme.code, version: l.scheme.version, subject: l.scheme.subject as 'region' | 'department', name: l.scheme.name },
    createdAt: l.a.createdAt,
    history: events.map((e) => ({ action: e.e.action, comment: e.e.comment, actorName: e.actorName, at: e.e.at })),
    subjects: visibleRanked(v, l).map((r) => summaryOf(v, l, r)),
    ownSubjectKey: l.subjects.find((s) => isOwnSubject(v, l.scheme.subject as SchemeSubject, s.subjectKey))?.subjectKey ?? null,
  };
}

export async function listAssessments(ctx: Ctx): Promise<AssessmentOut[]> {
  const v = await viewerOf(ctx);
  const out: AssessmentOut[] = [];
  for (const a of await repo.listAssessments(ctx.db)) out.push(await assessmentOut(ctx, await loadAssessment(ctx.db, a.id), v));
  return out;
}

export async function getAssessment(ctx: Ctx, id: number): Promise<AssessmentOut> {
  return assessmentOut(ctx, await loadAssessment(ctx.db, id));
}

/** The metrics snapshot of every subject as of the cut-off (computeMetrics), ready to store. */
async function snapshot(db: Db, scheme: repo.SchemeRow, a: Pick<repo.AssessmentRow, 'id' | 'period' | 'cutoff'>, at: Date) {
  const subjects = await computeMetrics(db, scheme.subject as 'region' | 'department', a.period, a.cutoff);
  return subjects.map((s) => ({ assessmentId: a.id, subjectKey: s.key, name: s.name, metrics: s.metrics, metricsAt: at }));
}

/** 开展考核: the steering office opens an assessment of a scheme version; every subject's metrics are taken as of the cut-off. */
export async function createAssessment(ctx: Ctx, body: AssessmentCreateBody): Promise<AssessmentOut> {
  const actor = userOf(ctx);
  if (!isCity(actor)) throw new AppError('forbidden', '只有市节能减排办可以开展考核');
  const scheme = await schemeById(ctx.db, body.schemeId);
  const id = await ctx.db.transaction(async (tx) => {
    const a = await repo.insertAssessment(tx, {
      schemeId: scheme.id,
      title: body.title ?? `${body.period}年度${scheme.name}`,
      period: body.period,
      cutoff: body.cutoff,
      status: 'self',
      createdBy: actor.userId,
      createdAt: ctx.now,
    });
    const subjects = await snapshot(tx, scheme, a, ctx.now);
    if (!subjects.length) throw new AppError('conflict', '没有可考核的对象');
    await repo.insertSubjects(tx, subjects);
    await repo.insertEvent(tx, { assessmentId: a.id, action: 'open', comment: null, actorUserId: actor.userId, at: ctx.now });
    await recordAudit(tx, ctx, { action: 'openAssessment', entity: 'assessment', entityId: a.id, after: { ...a, subjects: subjects.map((s) => s.subjectKey) } });
    return a.id;
  });
  return getAssessment(ctx, id);
}

/** 重新取数: the metrics snapshot again (same cut-off, so the same data give the same values), before consolidation. */
export async function recomputeAssessment(ctx: Ctx, id: number): Promise<AssessmentOut> {
  const actor = userOf(ctx);
  if (!isCity(actor)) throw new AppError('forbidden', '只有市节能减排办可以重新取数');
  const l = await loadAssessment(ctx.db, id);
  if (l.a.status !== 'self' && l.a.status !== 'review') throw new AppError('conflict', '考核已汇总，结果已冻结，不能重新取数');
  await ctx.db.transaction(async (tx) => {
    const subjects = await snapshot(tx, l.scheme, l.a, ctx.now);
    for (const s of subjects) await repo.upsertSubjectMetrics(tx, s);
    await repo.insertEvent(tx, { assessmentId: id, action: 'recompute', comment: null, actorUserId: actor.userId, at: ctx.now });
    await recordAudit(tx, ctx, { action: 'recomputeAssessment', entity: 'assessment', entityId: id, before: l.subjects.map((s) => ({ key: s.subjectKey, metrics: s.metrics })), after: subjects.map((s) => ({ key: s.subjectKey, metrics: s.metrics })) });
  });
  return getAssessment(ctx, id);
}

type Step = { roles: readonly string[]; from: readonly AssessmentStatus[]; to: AssessmentStatus; who: string };
const STEPS: Record<Exclude<AssessmentActionBody['action'], 'submit-self'>, Step> = {
  'open-review': { roles: CITY, from: ['self'], to: 'review', who: '市节能减排办' },
  consolidate: { roles: CITY, from: ['review'], to: 'consolidation', who: '市节能减排办' },
  'submit-approval': { roles: CITY, from: ['consolidation'], to: 'approval', who: '市节能减排办' },
  approve: { roles: ['admin'], from: ['approval'], to: 'approved', who: '市政府' },
  return: { roles: ['admin'], from: ['approval'], to: 'consolidation', who: '市政府' },
  publish: { roles: CITY, from: ['approved'], to: 'published', who: '市节能减排办' },
};
const STATUS_LABEL: Record<AssessmentStatus, string> = { self: '自评', review: '部门评审', consolidation: '汇总审核', approval: '报批', approved: '已审定', published: '已公布' };

/** 自评提交: a self-assessor (a county in a region assessment, a department in a department one) submits its own subject while the status is self. */
async function submitSelf(ctx: Ctx, l: Loaded, body: AssessmentActionBody) {
  const actor = await viewerOf(ctx);
  const scheme = l.scheme.subject as SchemeSubject;
  if (!isSelfAssessor(actor, scheme)) throw new AppError('forbidden', scheme === 'region' ? '只有县（市、区）可以提交自评' : '只有被考核部门可以提交自评');
  const key = body.subjectKey ?? (scheme === 'region' ? actor.regionCode : actor.departmentCode) ?? '';
  const subject = l.subjects.find((s) => s.subjectKey === key);
  if (!subject || !isOwnSubject(actor, scheme, key)) throw new AppError('forbidden', scheme === 'region' ? '只能提交本地区的自评' : '只能提交本部门的自评');
  if (l.a.status !== 'self') throw new AppError('conflict', `考核处于${STATUS_LABEL[l.a.status as AssessmentStatus]}阶段，不能提交自评`);
  if (subject.selfSubmittedAt) throw new AppError('conflict', `${subject.name} 已提交自评`);
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateSubject(tx, l.a.id, key, { selfSubmittedAt: ctx.now, selfSubmittedBy: actor.userId });
    const comment = body.comment ? `${subject.name}：${body.comment}` : subject.name;
    await repo.insertEvent(tx, { assessmentId: l.a.id, action: 'submit-self', comment, actorUserId: actor.userId, at: ctx.now });
    await recordAudit(tx, ctx, { action: 'submitAssessmentSelf', entity: 'assessment_subject', entityId: `${l.a.id}:${key}`, before: subject, after });
  });
}

/** Freezes every subject's result (review-stage scores on the snapshot): consolidation, or a change made during it. */
export async function freezeResults(tx: Db, l: Loaded, keys?: readonly string[]) {
  for (const subject of l.subjects) if (!keys || keys.includes(subject.subjectKey)) await repo.updateSubject(tx, l.a.id, subject.subjectKey, { result: liveResult(l, subject) });
}

/** A step of the process, by whom the step belongs to, from the status it needs (409 otherwise), logged and audited. */
export async function actOnAssessment(ctx: Ctx, id: number, body: AssessmentActionBody): Promise<AssessmentOut> {
  const actor = userOf(ctx);
  const l = await loadAssessment(ctx.db, id);
  if (body.action === 'submit-self') {
    await submitSelf(ctx, l, body);
    return getAssessment(ctx, id);
  }
  const step = STEPS[body.action];
  if (!step.roles.includes(actor.role)) throw new AppError('forbidden', `该操作须由${step.who}执行`);
  if (!step.from.includes(l.a.status as AssessmentStatus)) throw new AppError('conflict', `考核处于${STATUS_LABEL[l.a.status as AssessmentStatus]}阶段，不能执行该操作`);
  if (body.action === 'return' && !body.comment) throw new AppError('validation', '退回须填写意见', { pointer: '#/comment', field: 'comment' });
  await ctx.db.transaction(async (tx) => {
    const moved = await repo.moveStatus(tx, id, step.from, step.to);
    if (!moved) throw new AppError('conflict', '考核状态已被他人更改，请刷新后重试');
    if (body.action === 'consolidate') await freezeResults(tx, l);
    await repo.insertEvent(tx, { assessmentId: id, action: body.action, comment: body.comment || null, actorUserId: actor.userId, at: ctx.now });
    await recordAudit(tx, ctx, { action: `${body.action}Assessment`, entity: 'assessment', entityId: id, before: l.a, after: { ...moved, comment: body.comment ?? null } });
  });
  // 结果公开: published results go to the public site at once (the steering office may withdraw them there).
  if (body.action === 'publish') await publish(ctx, { dataset: 'assessment', periodKey: String(id) });
  return getAssessment(ctx, id);
}

/** 同比: each visible subject against the same subject in the latest earlier published assessment of the same kind. */
export async function compareAssessment(ctx: Ctx, id: number): Promise<ComparisonOut> {
  const actor = await viewerOf(ctx);
  const l = await loadAssessment(ctx.db, id);
  const prevRow = await repo.previousPublished(ctx.db, l.a, l.scheme.subject);
  const prev = prevRow ? await loadAssessment(ctx.db, prevRow.id) : null;
  const before = new Map(prev ? prev.subjects.map((s) => [s.subjectKey, resultOf(prev, s)]) : []);
  const rows = visibleRanked(actor, l).map(({ subject, result }) => {
      const p = before.get(subject.subjectKey);
      const c = p ? compareYears(result, p) : null;
      return { key: subject.subjectKey, name: subject.name, total: result.total, previousTotal: p?.total ?? null, delta: c?.total.delta ?? null, grade: result.grade, previousGrade: p?.grade ?? null };
    });
  return { previous: prevRow ? { id: prevRow.id, period: prevRow.period, title: prevRow.title } : null, rows };
}

import { type ReviewedItem, scoreAssessment } from '../../domain/assessment/index';
import { AppError } from '../../domain/errors';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import { checkedEvidenceFile } from '../reporting/evidence.service';
import { databaseEvidenceStore as store } from '../reporting/evidence-store';
import {
  type Loaded,
  type SchemeSubject,
  type Viewer,
  freezeResults,
  isOwnSubject,
  isSelfAssessor,
  loadAssessment,
  mayViewRank,
  mayViewSubject,
  rankSubjects,
  resultOf,
  viewerOf,
} from './assessments.service';
import * as repo from './repo';
import type { AssessmentStatus, ExemptionBody, ScoreBody, SubjectDetailOut } from './schemas';

const reviewedItems = (l: Loaded) => l.scheme.body.items.filter((i): i is ReviewedItem => i.kind === 'reviewed');
const isCity = (a: Viewer) => a.role === 'admin' || a.role === 'steering';
const schemeOf = (l: Loaded) => l.scheme.subject as SchemeSubject;

/** The subject if the viewer may see it; 404 otherwise, so that a county learns nothing of another before publication. */
function viewableSubject(a: Viewer, l: Loaded, key: string) {
  const subject = l.subjects.find((s) => s.subjectKey === key);
  if (!subject || !mayViewSubject(a, l.a.status, schemeOf(l), key)) throw new AppError('not-found', `考核对象 ${key} 不存在`);
  return subject;
}

/**
 * Who scores what now: a self-assessor (a county in a region assessment, a department in a department one) its own
 * subject's items at stage self while the status is self (until it submits); in a region assessment a department
 * the items it reviews at stage review while the status is review; the city any reviewed item at stage review while
 * consolidating. Throws the reason (403 / 409) when `itemKey` is not scorable by the viewer.
 */
function scoringRight(a: Viewer, l: Loaded, subject: repo.SubjectRow, itemKey?: string): { stage: 'self' | 'review'; items: string[] } {
  const status = l.a.status as AssessmentStatus;
  const all = reviewedItems(l);
  const deny = (code: 'forbidden' | 'conflict', detail: string) => {
    if (itemKey !== undefined) throw new AppError(code, detail);
    return { stage: 'review' as const, items: [] };
  };
  const region = schemeOf(l) === 'region';
  if (a.role === 'county' || isSelfAssessor(a, schemeOf(l))) {
    if (!isOwnSubject(a, schemeOf(l), subject.subjectKey)) return deny('forbidden', region ? '只能为本地区自评' : '只能为本部门自评');
    if (status !== 'self') return deny('conflict', '自评阶段已结束');
    if (subject.selfSubmittedAt) return deny('conflict', region ? '本地区已提交自评，不能再修改' : '本部门已提交自评，不能再修改');
    return { stage: 'self', items: all.map((i) => i.key) };
  }
  if (a.role === 'department') {
    if (status !== 'review') return deny('conflict', '部门评审只能在评审阶段进行');
    const dept = a.departmentCode;
    const mine = all.filter((i) => dept !== null && i.reviewerDepartments.includes(dept)).map((i) => i.key);
    if (itemKey !== undefined && all.some((i) => i.key === itemKey) && !mine.includes(itemKey)) throw new AppError('forbidden', '本部门不负责评审该考核项');
    return { stage: 'review', items: mine };
  }
  if (isCity(a)) {
    if (status !== 'consolidation') return deny('conflict', '市节能减排办只能在汇总审核阶段调整评分');
    return { stage: 'review', items: all.map((i) => i.key) };
  }
  return deny('forbidden', '无权评分');
}

async function detailOf(ctx: Ctx, l: Loaded, key: string): Promise<SubjectDetailOut> {
  const a = await viewerOf(ctx);
  const subject = viewableSubject(a, l, key);
  const evidence = await repo.listEvidence(ctx.db, l.a.id, key);
  const ranked = rankSubjects(l).find((r) => r.subject.subjectKey === key)!;
  return {
    assessmentId: l.a.id,
    key,
    name: subject.name,
    status: l.a.status as AssessmentStatus,
    metrics: subject.metrics,
    metricsAt: subject.metricsAt,
    exemptions: subject.exemptions,
    selfSubmittedAt: subject.selfSubmittedAt,
    scores: l.scores
      .filter(({ s }) => s.subjectKey === key)
      .map(({ s, actorName }) => ({ id: s.id, itemKey: s.itemKey, stage: s.stage as 'self' | 'review', points: s.points, checked: s.checked, note: s.note, actorName, at: s.at })),
    evidence: evidence.map(({ e, mediaType, size }) => ({ id: e.id, itemKey: e.itemKey, sha256: e.sha256, fileName: e.fileName, mediaType, size, uploadedAt: e.uploadedAt })),
    result: resultOf(l, subject),
    frozen: subject.result !== null,
    rank: mayViewRank(a, l.a.status, schemeOf(l)) ? ranked.rank : null,
    isOwn: isOwnSubject(a, schemeOf(l), key),
    scorable: scoringRight(a, l, subject).items,
  };
}

/** A subject in full, for whoever may see it. */
export async function getSubject(ctx: Ctx, id: number, key: string): Promise<SubjectDetailOut> {
  return detailOf(ctx, await loadAssessment(ctx.db, id), key);
}

/** The domain's check of a score against its item's checklist, with the pointer into the request body. */
function checkScore(l: Loaded, body: ScoreBody) {
  try {
    scoreAssessment(l.scheme.body, { reviewed: [body] });
  } catch (e) {
    if (e instanceof AppError && e.where?.field) throw new AppError(e.code, e.detail, { pointer: `#/${e.where.field}`, field: e.where.field });
    throw e;
  }
}

/** 评分: appends a score at the stage the viewer's role and the status give; during consolidation the result is frozen again. */
export async function addScore(ctx: Ctx, id: number, key: string, body: ScoreBody): Promise<SubjectDetailOut> {
  const a = await viewerOf(ctx);
  const l = await loadAssessment(ctx.db, id);
  // The departments are no secret to one another: scoring another's subject is refused as such (403), whereas a
  // county learns nothing of another county's subject before publication (404 below).
  if (a.role === 'department' && schemeOf(l) === 'department' && l.subjects.some((s) => s.subjectKey === key) && !isOwnSubject(a, 'department', key)) {
    throw new AppError('forbidden', '只能为本部门自评');
  }
  const subject = viewableSubject(a, l, key);
  const item = l.scheme.body.items.find((i) => i.key === body.itemKey);
  if (!item || item.kind !== 'reviewed') checkScore(l, body); // the domain says why (unknown or computed item)
  const { stage } = scoringRight(a, l, subject, body.itemKey);
  if (isCity(a) && !body.note) throw new AppError('validation', '汇总审核阶段调整评分须填写说明', { pointer: '#/note', field: 'note' });
  checkScore(l, body);
  await ctx.db.transaction(async (tx) => {
    const row = await repo.insertScore(tx, { assessmentId: id, subjectKey: key, itemKey: body.itemKey, stage, points: body.points, checked: body.checked, note: body.note, actorUserId: a.userId, at: ctx.now });
    if (l.a.status === 'consolidation') await freezeResults(tx, { ...l, scores: [...l.scores, { s: row, actorName: a.displayName }] }, [key]);
    await recordAudit(tx, ctx, { action: 'scoreAssessmentItem', entity: 'assessment_score', entityId: row.id, after: row });
  });
  return getSubject(ctx, id, key);
}

/** 豁免: the steering office lifts (or restores) an exemptible veto for a subject before consolidation, with the reason. */
export async function setExemption(ctx: Ctx, id: number, key: string, body: ExemptionBody): Promise<SubjectDetailOut> {
  const a = await viewerOf(ctx);
  if (!isCity(a)) throw new AppError('forbidden', '只有市节能减排办可以豁免否决项');
  const l = await loadAssessment(ctx.db, id);
  const subject = viewableSubject(a, l, key);
  if (l.a.status !== 'self' && l.a.status !== 'review') throw new AppError('conflict', '考核已汇总，不能再调整豁免');
  const exemptions = body.exempt ? [...new Set([...subject.exemptions, body.vetoKey])] : subject.exemptions.filter((k) => k !== body.vetoKey);
  try {
    scoreAssessment(l.scheme.body, { exemptions: [body.vetoKey] });
  } catch (e) {
    if (e instanceof AppError) throw new AppError(e.code, e.detail, { pointer: '#/vetoKey', field: 'vetoKey' });
    throw e;
  }
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateSubject(tx, id, key, { exemptions });
    const comment = `${subject.name} ${body.vetoKey}：${body.reason}`;
    await repo.insertEvent(tx, { assessmentId: id, action: body.exempt ? 'exempt' : 'unexempt', comment, actorUserId: a.userId, at: ctx.now });
    await recordAudit(tx, ctx, { action: body.exempt ? 'exemptAssessmentVeto' : 'restoreAssessmentVeto', entity: 'assessment_subject', entityId: `${id}:${key}`, before: subject, after: { ...after, reason: body.reason } });
  });
  return getSubject(ctx, id, key);
}

/** 佐证材料: a self-assessor (county, or department in a department assessment) for its own subject during self-assessment, the city any time before consolidation. */
export async function attachEvidence(ctx: Ctx, id: number, key: string, itemKey: string, fileName: string, content: Buffer): Promise<SubjectDetailOut> {
  const a = await viewerOf(ctx);
  const l = await loadAssessment(ctx.db, id);
  const subject = viewableSubject(a, l, key);
  if (!reviewedItems(l).some((i) => i.key === itemKey)) throw new AppError('validation', `方案中没有需评审的考核项 ${itemKey}`, { field: 'itemKey' });
  if (a.role === 'county' || isSelfAssessor(a, schemeOf(l))) {
    if (!isOwnSubject(a, schemeOf(l), subject.subjectKey)) throw new AppError('forbidden', schemeOf(l) === 'region' ? '只能为本地区上传材料' : '只能为本部门上传材料');
    if (l.a.status !== 'self') throw new AppError('conflict', '自评阶段已结束，不能再上传材料');
  } else if (isCity(a)) {
    if (l.a.status !== 'self' && l.a.status !== 'review') throw new AppError('conflict', '考核已汇总，不能再上传材料');
  } else throw new AppError('forbidden', '无权上传考核材料');
  const { sha256, type, name } = checkedEvidenceFile(content, fileName);
  await ctx.db.transaction(async (tx) => {
    await store.put(tx, { sha256, mediaType: type.mediaType, content, at: ctx.now });
    const row = await repo.insertEvidence(tx, { assessmentId: id, subjectKey: key, itemKey, sha256, fileName: name, uploadedBy: a.userId, uploadedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'attachAssessmentEvidence', entity: 'assessment_evidence', entityId: row.id, after: { ...row, mediaType: type.mediaType, size: content.length } });
  });
  return getSubject(ctx, id, key);
}

/** An evidence file, for whoever may see its subject. */
export async function getEvidence(ctx: Ctx, id: number, key: string, evidenceId: number) {
  const l = await loadAssessment(ctx.db, id);
  viewableSubject(await viewerOf(ctx), l, key);
  const link = await repo.findEvidence(ctx.db, id, key, evidenceId);
  const blob = link && (await store.get(ctx.db, link.sha256));
  if (!link || !blob) throw new AppError('not-found', '考核材料不存在');
  return { fileName: link.fileName, ...blob };
}

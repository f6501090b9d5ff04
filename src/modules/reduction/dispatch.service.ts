import { type UserActor, canReadReductionProject, canVerifyReduction, canWriteReductionProject } from '../../domain/access';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { beijingDate } from '../../domain/reporting/calendar';
import { REVIEW_PROBLEMS, type Revision, type ReviewAction, SUBMISSION_PROBLEMS, decideReview, decideSubmission, lifecycleError } from '../../domain/reporting/lifecycle';
import { type MeasureType, type MethodId, type Pollutant, type ProjectResult, type ProjectStatus, dispatchDueDate, isDispatchOverdue } from '../../domain/reduction/index';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import { accountAgainstLedger, parseParams, projectInput } from './accounting';
import { readableProject } from './projects.service';
import { bureauDepartmentIds, reductionRules } from './reference';
import * as repo from './repo';
import type { DispatchBody, DispatchOut } from './schemas';
import { accountingOut, dispatchOut, projectOut } from './views';

const inputOf = (p: repo.ProjectRow, d: Pick<repo.DispatchRow, 'month' | 'projectStatus' | 'dates' | 'claimed' | 'offsets' | 'baselineExplanation' | 'params'>, evidence: readonly string[]) =>
  projectInput(
    p.code,
    // The row's type and pollutants were checked against MEASURE_TYPES when the project was saved.
    { measureType: p.measureType as MeasureType, regionCode: p.regionCode, uscc: p.uscc, outlet: p.outlet, pollutants: p.pollutants as Pollutant[], baseline_t: p.baseline },
    {
      month: d.month,
      status: d.projectStatus as ProjectStatus,
      dates: { actualStart: d.dates.actualStart ?? null, completion: d.dates.completion ?? null, acceptance: d.dates.acceptance ?? null, eventDate: d.dates.eventDate ?? null, endDate: d.dates.endDate ?? null },
      claimed_t: d.claimed,
      offsets: d.offsets,
      baselineExplanation: d.baselineExplanation,
      params: d.params,
    },
    evidence,
  );

/**
 * Keeps the project's summary columns true after a dispatch step: the latest dispatch, the status (the latest
 * standing dispatch's, or 'verified' when it operates and an operating month was approved) and the verified tonnes.
 */
async function refreshSummary(tx: Db, p: repo.ProjectRow, ctx: Ctx) {
  const s = await repo.dispatchSummary(tx, p.id);
  const standing = s.latestStanding?.projectStatus ?? 'planned';
  const ledger = await repo.latestLedgerYear(tx, p.id);
  return repo.updateProject(tx, p.id, {
    status: standing === 'operating' && s.hasApprovedOperating ? 'verified' : standing,
    lastDispatchMonth: s.latest?.month ?? null,
    lastDispatchStatus: s.latest?.status ?? null,
    verified: Object.fromEntries((ledger?.rows ?? []).map((r) => [r.pollutant, r.countableT])),
    verifiedYear: ledger?.year ?? null,
    updatedAt: ctx.now,
  });
}

/** 月调度: the county files a project's month (a new revision each time; a verified month is corrected with a reason). */
export async function submitDispatch(ctx: Ctx, projectId: number, body: DispatchBody): Promise<DispatchOut> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const p = await readableProject(ctx, projectId);
  if (!canWriteReductionProject(a, { regionCode: p.regionCode, registered: p.registeredAt !== null })) throw new AppError('forbidden', `无权填报减排工程 ${p.code} 的调度`);
  if (!p.registeredAt) throw new AppError('conflict', `工程 ${p.code} 尚未提交登记，不能调度`);
  // The month's parameters are the body's over the project's; the method was saved from MEASURE_TYPES.
  const params = parseParams(p.method as MethodId, { ...p.params, ...(body.params ?? {}) }, 'params');
  for (const key of ['claimed_t', 'offsets'] as const)
    for (const pollutant of Object.keys(body[key]))
      if (!(p.pollutants as string[]).includes(pollutant)) throw new AppError('validation', `${pollutant} 不在本工程的污染物中`, { pointer: `#/${key}/${pollutant}`, field: `${key}.${pollutant}` });
  const rules = await reductionRules(ctx.db, `${body.month}-01`);
  const evidence = (await repo.evidenceKinds(ctx.db, [p.id])).get(p.id) ?? [];
  return ctx.db.transaction(async (tx) => {
    const revisions = await repo.listRevisions(tx, p.id, body.month);
    const decision = decideSubmission(revisions as Revision[], body.correctionReason);
    if (!decision.ok) throw lifecycleError(SUBMISSION_PROBLEMS[decision.code]);
    const fields = { month: body.month, projectStatus: body.status, dates: body.dates, claimed: body.claimed_t, offsets: body.offsets, baselineExplanation: body.baselineExplanation, params };
    const accounting = accountingOut(await accountAgainstLedger(tx, p.id, inputOf(p, fields, evidence), rules));
    const row = await repo.insertDispatch(tx, {
      ...fields,
      projectId: p.id,
      revision: decision.revision,
      status: 'submitted',
      progressNote: body.progressNote,
      progressPct: body.progressPct,
      correctionReason: decision.isCorrection ? body.correctionReason : null,
      accounting,
      submittedBy: a.userId,
      submittedAt: ctx.now,
    });
    const action = decision.isCorrection ? 'correct' : 'submit';
    await repo.insertEvent(tx, { dispatchId: row.id, action, comment: body.correctionReason, actorUserId: a.userId, at: ctx.now });
    await recordAudit(tx, ctx, { action: `${action}ReductionDispatch`, entity: 'reduction_dispatch', entityId: row.id, after: row });
    await refreshSummary(tx, p, ctx);
    return dispatchOut(row, a.displayName);
  });
}

/** The approved figures of a month become the project's ledger for its year, unless a later month of the year already counts. */
async function postToLedger(tx: Db, ctx: Ctx, p: repo.ProjectRow, d: repo.DispatchRow, r: ProjectResult) {
  const current = await repo.findLedgerMonth(tx, p.id, r.year);
  if (current !== null && current > d.month) return;
  await repo.replaceLedgerYear(
    tx,
    p.id,
    r.year,
    r.pollutants.map((x) => ({
      projectId: p.id,
      year: r.year,
      pollutant: x.pollutant,
      regionCode: p.regionCode,
      measureType: p.measureType,
      uscc: p.uscc,
      outlet: p.outlet,
      reductionT: x.reduction_t,
      offsetT: x.offset_t,
      countableT: x.rejection ? 0 : x.countable_t,
      rejectionCode: x.rejection?.code ?? null,
      rejectionReason: x.rejection?.reason ?? null,
      dispatchId: d.id,
      month: d.month,
      updatedAt: ctx.now,
    })),
  );
}

/**
 * 核查: the city or the bureau approves or returns (with a comment) the latest submitted revision of a month.
 * An approval re-accounts the month against the claims accepted elsewhere by then (C1/C2 across counties),
 * stores that accounting and posts it to the ledger in the same transaction: only verified figures count.
 */
export async function reviewDispatch(ctx: Ctx, id: number, action: ReviewAction, comment: string | null): Promise<DispatchOut> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const found = await repo.findDispatch(ctx.db, id);
  if (!found) throw new AppError('not-found', `调度 ${id} 不存在`);
  const p = await repo.findProject(ctx.db, found.projectId);
  if (!p || !canReadReductionProject(a, { regionCode: p.regionCode, registered: p.registeredAt !== null })) throw new AppError('not-found', `调度 ${id} 不存在`);
  const rules = await reductionRules(ctx.db, `${found.month}-01`);
  if (!canVerifyReduction(a, await bureauDepartmentIds(ctx.db, rules), found.submittedBy))
    throw new AppError('forbidden', '无权核查（须为市节能减排办或市生态环境局，且不能核查本人填报的调度）');
  const evidence = (await repo.evidenceKinds(ctx.db, [p.id])).get(p.id) ?? [];
  return ctx.db.transaction(async (tx) => {
    const revisions = await repo.listRevisions(tx, p.id, found.month);
    const decision = decideReview(revisions as Revision[], id, action, comment);
    if (!decision.ok) throw lifecycleError(REVIEW_PROBLEMS[decision.code]);
    let d = (await repo.findDispatch(tx, id))!;
    if (decision.status === 'approved') {
      const result = await accountAgainstLedger(tx, p.id, inputOf(p, d, evidence), rules);
      d = { ...d, accounting: accountingOut(result) };
      await repo.setDispatchAccounting(tx, id, d.accounting);
      await postToLedger(tx, ctx, p, d, result);
    }
    await repo.setDispatchStatus(tx, decision.supersede, 'superseded');
    await repo.setDispatchStatus(tx, [id], decision.status);
    await repo.insertEvent(tx, { dispatchId: id, action, comment, actorUserId: a.userId, at: ctx.now });
    const after = { ...d, status: decision.status };
    await recordAudit(tx, ctx, { action: `${action}ReductionDispatch`, entity: 'reduction_dispatch', entityId: id, before: found, after: { ...after, comment } });
    await refreshSummary(tx, p, ctx);
    const [named] = await repo.listDispatches(tx, { ids: [id] });
    return dispatchOut(after, named?.submittedByName ?? '');
  });
}

/** 调度表: each registered project of the scope with its month's latest dispatch, and whether it is overdue. */
export async function dispatchTable(ctx: Ctx, month: string, regionCode: string | undefined) {
  const a = ctx.actor as UserActor;
  if (a.role === 'county' && regionCode && regionCode !== a.regionCode) throw new AppError('forbidden', '只能查看本地区的调度');
  const region = a.role === 'county' ? a.regionCode! : regionCode;
  const rules = await reductionRules(ctx.db, `${month}-01`);
  const projects = await repo.listProjects(ctx.db, { regionCode: region, withDrafts: false });
  const ids = projects.map((p) => p.id);
  const [dispatches, kinds] = await Promise.all([repo.listDispatches(ctx.db, { projectIds: ids, month }), repo.evidenceKinds(ctx.db, ids)]);
  const latest = new Map<number, (typeof dispatches)[number]>();
  for (const r of dispatches) if (!latest.has(r.d.projectId)) latest.set(r.d.projectId, r); // newest revision first
  const today = beijingDate(ctx.now);
  return {
    month,
    dueDate: dispatchDueDate(month, rules),
    rows: projects.map((p) => {
      const r = latest.get(p.id);
      const submitted = !!r && r.d.status !== 'returned';
      return {
        project: projectOut(p, kinds.get(p.id) ?? []),
        dispatch: r ? dispatchOut(r.d, r.submittedByName) : null,
        overdue: isDispatchOverdue({ month, today, submitted, projectStatus: p.lastDispatchMonth ? (p.status as ProjectStatus | 'verified') : null }, rules),
      };
    }),
  };
}

/** 待核查: submitted dispatches the actor may verify (a county sees its own region's, waiting for the bureau). */
export async function awaitingDispatches(ctx: Ctx) {
  const a = ctx.actor as UserActor;
  const rules = await reductionRules(ctx.db, beijingDate(ctx.now));
  if (a.role === 'department' && !(await bureauDepartmentIds(ctx.db, rules)).includes(a.departmentId ?? -1)) return [];
  const pending = await repo.listDispatches(ctx.db, { status: 'submitted' });
  const projects = new Map(
    (await repo.findProjects(ctx.db, [...new Set(pending.map((r) => r.d.projectId))]))
      .filter((p) => canReadReductionProject(a, { regionCode: p.regionCode, registered: p.registeredAt !== null }))
      .map((p) => [p.id, p]),
  );
  const kinds = await repo.evidenceKinds(ctx.db, [...projects.keys()]);
  return pending
    .filter((r) => projects.has(r.d.projectId) && (a.role === 'county' || r.d.submittedBy !== a.userId))
    .map((r) => ({ project: projectOut(projects.get(r.d.projectId)!, kinds.get(r.d.projectId) ?? []), dispatch: dispatchOut(r.d, r.submittedByName) }));
}

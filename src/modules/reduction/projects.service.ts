import { canReadReductionProject, canWriteReductionProject } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { checkUscc } from '../../domain/org/uscc';
import { beijingDate } from '../../domain/reporting/calendar';
import { type EvidenceKind, MEASURE_TYPES, POLLUTANTS, type Pollutant } from '../../domain/reduction/index';
import type { Db } from '../../db/client';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as orgRepo from '../org/repo';
import { accountAgainstLedger, checkPollutants, parseParams, projectInput } from './accounting';
import { reductionRules } from './reference';
import * as repo from './repo';
import type { DispatchBody, ProjectBody, ProjectOut } from './schemas';
import { accountingOut, dispatchOut, monitoringCheck, projectOut } from './views';

const scopeOf = (p: repo.ProjectRow) => ({ regionCode: p.regionCode, registered: p.registeredAt !== null });

/** The project, if the actor may see it; 404 otherwise, so that another county's projects do not leak. */
export async function readableProject(ctx: Ctx, id: number) {
  const p = await repo.findProject(ctx.db, id);
  if (!p || !canReadReductionProject(ctx.actor, scopeOf(p))) throw new AppError('not-found', `减排工程 ${id} 不存在`);
  return p;
}

/** The project, if the actor may change it (its county; the city once registered). */
export async function writableProject(ctx: Ctx, id: number) {
  const p = await readableProject(ctx, id);
  if (!canWriteReductionProject(ctx.actor, scopeOf(p))) throw new AppError('forbidden', `无权修改减排工程 ${p.code}`);
  return p;
}

/** Checks a project body beyond its schema: region, enterprise, USCC, pollutants of the type, the method's parameters. */
async function checkedProject(ctx: Ctx, body: ProjectBody, pointerBase = '') {
  const at = (field: string) => ({ pointer: `#/${pointerBase ? `${pointerBase}/` : ''}${field.replace(/\./g, '/')}`, field: pointerBase ? `${pointerBase}.${field}` : field });
  const region = await orgRepo.findRegion(ctx.db, body.regionCode);
  if (!region || region.kind === 'city') throw new AppError('validation', `${body.regionCode} 不是县（市、区）或功能区`, at('regionCode'));
  let uscc = body.uscc;
  if (body.enterpriseId !== null) {
    const e = await orgRepo.findEnterprise(ctx.db, { id: body.enterpriseId });
    if (!e || e.regionCode !== body.regionCode) throw new AppError('validation', `企业 ${body.enterpriseId} 不在 ${region.name}`, at('enterpriseId'));
    uscc ||= e.uscc;
  }
  if (uscc) {
    const c = checkUscc(uscc);
    if (!c.ok) throw new AppError('uscc-invalid', c.reason, at('uscc'));
    uscc = c.uscc;
  }
  checkPollutants(body.measureType, body.pollutants, pointerBase ? `${pointerBase}.pollutants` : 'pollutants');
  for (const key of ['baseline_t', 'planned_t'] as const) {
    for (const [p, v] of Object.entries(body[key])) {
      if (!body.pollutants.includes(p as Pollutant)) throw new AppError('validation', `${p} 不在本工程的污染物中`, at(`${key}.${p}`));
      if (v < 0) throw new AppError('validation', '吨数不能为负', at(`${key}.${p}`));
    }
  }
  const method = MEASURE_TYPES[body.measureType].method;
  const params = parseParams(method, body.params, pointerBase ? `${pointerBase}.params` : 'params');
  return { region, uscc, method, params };
}

const columnsOf = (body: ProjectBody, c: Awaited<ReturnType<typeof checkedProject>>) => ({
  regionCode: body.regionCode,
  name: body.name,
  measureType: body.measureType,
  method: c.method,
  pollutants: POLLUTANTS.filter((p) => body.pollutants.includes(p)),
  enterpriseId: body.enterpriseId,
  facilityName: body.facilityName,
  uscc: c.uscc,
  outlet: body.outlet,
  longitude: body.longitude,
  latitude: body.latitude,
  address: body.address,
  stationMn: body.stationMn,
  params: c.params,
  baseline: body.baseline_t,
  baselineSource: body.baselineSource,
  plannedStart: body.plannedStart,
  plannedCompletion: body.plannedCompletion,
  planned: body.planned_t,
  note: body.note,
});

async function outOf(db: Db, p: repo.ProjectRow) {
  return projectOut(p, (await repo.evidenceKinds(db, [p.id])).get(p.id) ?? []);
}

/** A county saves a new project as its draft (only it sees it until it is registered). Audited. */
export async function createProject(ctx: Ctx, body: ProjectBody): Promise<ProjectOut> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  if (!canWriteReductionProject(a, { regionCode: body.regionCode, registered: false })) throw new AppError('forbidden', '只能登记本地区的减排工程');
  const c = await checkedProject(ctx, body);
  return ctx.db.transaction(async (tx) => {
    const code = await repo.nextProjectCode(tx, body.regionCode);
    const row = await repo.insertProject(tx, { ...columnsOf(body, c), code, createdBy: a.userId, createdAt: ctx.now, updatedBy: a.userId, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'createReductionProject', entity: 'reduction_project', entityId: row.code, after: row });
    return projectOut(row, []);
  });
}

/** Edits a project: its county (draft or registered), or the city once registered; it stays in its region. Audited. */
export async function updateProject(ctx: Ctx, id: number, body: ProjectBody): Promise<ProjectOut> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const before = await writableProject(ctx, id);
  if (body.regionCode !== before.regionCode) throw new AppError('validation', `工程 ${before.code} 属于 ${before.regionCode}，不能改到其他地区`, { pointer: '#/regionCode', field: 'regionCode' });
  const c = await checkedProject(ctx, body);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updateProject(tx, id, { ...columnsOf(body, c), updatedBy: a.userId, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'updateReductionProject', entity: 'reduction_project', entityId: row.code, before, after: row });
    return outOf(tx, row);
  });
}

/** 提交登记: the county puts its draft into the city's registry. Audited. */
export async function registerProject(ctx: Ctx, id: number): Promise<ProjectOut> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const before = await writableProject(ctx, id);
  if (before.registeredAt) throw new AppError('conflict', `工程 ${before.code} 已登记`);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updateProject(tx, id, { registeredAt: ctx.now, updatedBy: a.userId, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'registerReductionProject', entity: 'reduction_project', entityId: row.code, before: { registeredAt: null }, after: { registeredAt: row.registeredAt } });
    return outOf(tx, row);
  });
}

export type ProjectQuery = { regionCode?: string; measureType?: string; pollutant?: string; status?: string; q?: string };

/** Projects the actor may see: a county its own (drafts included), the city and departments the registry. */
export async function listProjects(ctx: Ctx, q: ProjectQuery): Promise<ProjectOut[]> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  let scope: repo.ProjectScope;
  if (a.role === 'county') {
    if (!a.regionCode || (q.regionCode && q.regionCode !== a.regionCode)) throw new AppError('forbidden', '只能查看本地区的减排工程');
    scope = { regionCode: a.regionCode, withDrafts: true };
  } else scope = { regionCode: q.regionCode, withDrafts: false };
  const rows = await repo.listProjects(ctx.db, scope, q);
  const kinds = await repo.evidenceKinds(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => projectOut(r, kinds.get(r.id) ?? []));
}

/** One project with its dispatches, their history, its evidence and the monitoring cross-check. */
export async function getProject(ctx: Ctx, id: number) {
  const p = await readableProject(ctx, id);
  const [dispatches, evidence] = await Promise.all([repo.listDispatches(ctx.db, { projectIds: [id] }), repo.listEvidence(ctx.db, [id])]);
  const rules = await reductionRules(ctx.db, beijingDate(ctx.now));
  const latest = dispatches[0]?.d;
  return {
    project: projectOut(p, evidence.map((e) => e.kind)),
    dispatches: dispatches.map((r) => dispatchOut(r.d, r.submittedByName)),
    history: await repo.listEvents(ctx.db, dispatches.map((r) => r.d.id)),
    evidence: evidence.map((e) => ({ sha256: e.sha256, kind: e.kind as EvidenceKind, fileName: e.fileName, mediaType: e.mediaType, size: e.size, uploadedAt: e.uploadedAt })),
    monitoring: await monitoringCheck(ctx.db, p, latest?.params ?? p.params, rules),
  };
}

/** 试算: accounts a project's month as entered, against what is already accepted, without saving anything. */
export async function previewAccounting(ctx: Ctx, body: { project: ProjectBody; dispatch: DispatchBody }) {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const c = await checkedProject(ctx, body.project, 'project');
  const params = parseParams(c.method, { ...c.params, ...(body.dispatch.params ?? {}) }, 'dispatch.params');
  const rules = await reductionRules(ctx.db, `${body.dispatch.month}-01`);
  const input = projectInput(body.project.name, { ...body.project, uscc: c.uscc }, { ...body.dispatch, params }, undefined);
  return accountingOut(await accountAgainstLedger(ctx.db, 0, input, rules));
}

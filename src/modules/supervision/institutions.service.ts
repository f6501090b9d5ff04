import { institutionRights } from '../../domain/supervision/institution-access';
import { type EconomyOrgan, economySharesByRegion } from '../../domain/supervision/economy-organs';
import { type QuotaEvaluation, evaluateQuota, resolveQuotas, worstLevel } from '../../domain/supervision/quota';
import type { QuotaKind, SupervisionRules } from '../../domain/supervision/reference';
import { AppError } from '../../domain/errors';
import type { Db } from '../../db/client';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as orgRepo from '../org/repo';
import { referenceAt } from '../reference/service';
import * as repo from './institutions.repo';
import type { EvaluationOut, InstitutionBody, InstitutionOut, InstitutionRowOut, QuotaBody, UseBody, UseOut } from './institutions.schemas';

/** 公共机构 use cases (issue #11, plan 二（六）): the registry, yearly use against quota, quotas, 节约型机关 per county. */

const rulesFor = (db: Db, year: number) => referenceAt(db, 'supervision-rules', `${year}-12-31`);

/** What the actor may do with institutions (the institution departments of the rules in force today). */
export async function rightsOf(ctx: Ctx) {
  const rules = await referenceAt(ctx.db, 'supervision-rules', ctx.now.toISOString().slice(0, 10));
  const ids: number[] = [];
  for (const code of rules.value.institutionDepartments) {
    const d = await orgRepo.findDepartment(ctx.db, { code });
    if (d) ids.push(d.id);
  }
  return institutionRights(ctx.actor, ids);
}
type Rights = Awaited<ReturnType<typeof rightsOf>>;

/** The city (市本级) and its county-level regions, city first. */
export async function regionsInOrder(db: Db) {
  const regions = await orgRepo.listRegions(db);
  const city = regions.find((r) => r.kind === 'city');
  if (!city) throw new Error('no city region: run "ecer migrate" to load data/org/');
  return { city, all: [city, ...regions.filter((r) => r !== city)] };
}

export const institutionOut = (r: repo.InstitutionRow, rights: Rights): InstitutionOut => ({
  id: r.id,
  name: r.name,
  regionCode: r.regionCode,
  regionName: r.regionName,
  level: r.level as InstitutionOut['level'],
  kind: r.kind as InstitutionOut['kind'],
  staff: r.staff,
  floorAreaM2: r.floorAreaM2,
  economyStatus: r.economyStatus as InstitutionOut['economyStatus'],
  economyYear: r.economyYear,
  demonstration: r.demonstration as InstitutionOut['demonstration'],
  teachingPoint: r.teachingPoint,
  updatedAt: r.updatedAt,
  canWrite: rights.writeRegion(r.regionCode),
});

const evaluationOut = (e: QuotaEvaluation, source: string, isDefault: boolean): EvaluationOut => ({
  kind: e.kind,
  unit: e.unit,
  direction: e.direction,
  quota: e.quota,
  quotaSource: source,
  quotaIsDefault: isDefault,
  evaluable: e.evaluable,
  reason: e.evaluable ? null : e.reason,
  periodIndicator: e.evaluable ? e.periodIndicator : null,
  annualIndicator: e.evaluable ? e.annualIndicator : null,
  ratio: e.evaluable ? e.ratio : null,
  level: e.evaluable ? e.level : null,
});

/** A year's use against the quotas that apply (own, else the reference default); the year's staff and area first. */
export function useOut(inst: repo.InstitutionRow, use: repo.UseRow, own: readonly repo.QuotaRow[], rules: { value: SupervisionRules; source: string }): UseOut {
  const quotas = resolveQuotas(
    own.map((q) => ({ kind: q.kind as QuotaKind, value: q.value, source: q.source })),
    rules.value.quotaDefaults,
    { kind: inst.kind as InstitutionOut['kind'], level: inst.level as InstitutionOut['level'] },
    `默认定额：${rules.source}`,
  );
  const figures = { months: use.months, energyKgce: use.energyKgce, waterM3: use.waterM3, staff: use.staff ?? inst.staff, floorAreaM2: use.floorAreaM2 ?? inst.floorAreaM2 };
  const evaluations = quotas.map((q) => ({ q, e: evaluateQuota(q.kind, q.value, figures, rules.value.quotaWarnRatio) }));
  return {
    year: use.year,
    months: use.months,
    energyKgce: use.energyKgce,
    waterM3: use.waterM3,
    staff: figures.staff,
    floorAreaM2: figures.floorAreaM2,
    filedAt: use.filedAt,
    evaluations: evaluations.map(({ q, e }) => evaluationOut(e, q.source, q.isDefault)),
    level: worstLevel(evaluations.map((x) => x.e)),
  };
}

const RANK = { over: 0, warn: 1, ok: 2 } as const;

/** The registry in the actor's scope with the year's use and evaluation; over-quota, then warnings, first. */
export async function listInstitutions(ctx: Ctx, q: { year?: number; regionCode?: string; kind?: string; level?: string }): Promise<InstitutionRowOut[]> {
  const rights = await rightsOf(ctx);
  const year = q.year ?? ctx.now.getFullYear() - 1;
  const { all } = await regionsInOrder(ctx.db);
  const readable = all.map((r) => r.code).filter(rights.readRegion);
  const rows = await repo.listInstitutions(ctx.db, { ...q, regionCodes: readable });
  const ids = rows.map((r) => r.id);
  const [uses, quotas, rules] = await Promise.all([repo.listUses(ctx.db, ids, year), repo.listQuotas(ctx.db, ids, year), rulesFor(ctx.db, year)]);
  const out = rows.map((r) => {
    const use = uses.find((u) => u.institutionId === r.id);
    return { ...institutionOut(r, rights), use: use ? useOut(r, use, quotas.filter((x) => x.institutionId === r.id), rules) : null };
  });
  const rank = (r: InstitutionRowOut) => (r.use?.level ? RANK[r.use.level] : 3);
  return out.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map((x) => x.r);
}

async function readableInstitution(db: Db, rights: Rights, id: number) {
  const row = await repo.findInstitution(db, id);
  if (!row || !rights.readRegion(row.regionCode)) throw new AppError('not-found', `公共机构 ${id} 不存在`);
  return row;
}

/** One institution with every year of use evaluated (each year by the rules in force at its end) and its own quotas. */
export async function getInstitution(ctx: Ctx, id: number) {
  const rights = await rightsOf(ctx);
  const inst = await readableInstitution(ctx.db, rights, id);
  const [uses, quotas] = await Promise.all([repo.listUses(ctx.db, [id]), repo.listQuotas(ctx.db, [id])]);
  const evaluated: UseOut[] = [];
  for (const u of uses) evaluated.push(useOut(inst, u, quotas.filter((q) => q.year === u.year), await rulesFor(ctx.db, u.year)));
  return {
    institution: institutionOut(inst, rights),
    uses: evaluated.reverse(),
    quotas: quotas.map((q) => ({ year: q.year, kind: q.kind as QuotaKind, value: q.value, source: q.source, setAt: q.setAt })),
    canManage: rights.isManager,
  };
}

/**
 * Checks an institution's place: the region exists; a city-level institution is the city's own (市本级, the city's
 * code), a county- or township-level one belongs to a county. Returns the problem, or null.
 */
export async function placeProblem(db: Db, regionCode: string, level: string): Promise<{ field: 'regionCode' | 'level'; detail: string } | null> {
  const region = await orgRepo.findRegion(db, regionCode);
  if (!region) return { field: 'regionCode', detail: `行政区划 ${regionCode} 不存在` };
  if (level === 'city' && region.kind !== 'city') return { field: 'level', detail: '市级公共机构应登记在市本级' };
  if (level !== 'city' && region.kind === 'city') return { field: 'level', detail: '市本级只登记市级公共机构；县级、乡镇级请选择所在县（市、区）' };
  return null;
}

const usingNow = (ctx: Ctx, body: InstitutionBody, userId: number) => ({ ...body, updatedBy: userId, updatedAt: ctx.now });

/** Registers (id null) or edits an institution: managers anywhere, a county in its own county. Audited. */
export async function saveInstitution(ctx: Ctx, id: number | null, body: InstitutionBody): Promise<InstitutionOut> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const rights = await rightsOf(ctx);
  if (!rights.writesAny) throw new AppError('forbidden', '无权登记或修改公共机构');
  const problem = await placeProblem(ctx.db, body.regionCode, body.level);
  if (problem) throw new AppError('validation', problem.detail, { pointer: `#/${problem.field}`, field: problem.field });
  return ctx.db.transaction(async (tx) => {
    const before = id === null ? null : await readableInstitution(tx, rights, id);
    if (before && !rights.writeRegion(before.regionCode)) throw new AppError('forbidden', `无权修改 ${before.name}`);
    if (!rights.writeRegion(body.regionCode)) throw new AppError('forbidden', `无权登记 ${body.regionCode} 的公共机构`);
    const same = await repo.findInstitutionByName(tx, body.regionCode, body.name);
    if (same && same.id !== id) throw new AppError('conflict', `该地区已有名为“${body.name}”的公共机构`, { pointer: '#/name', field: 'name' });
    const row = before ? await repo.updateInstitution(tx, before.id, usingNow(ctx, body, a.userId)) : await repo.insertInstitution(tx, usingNow(ctx, body, a.userId));
    await recordAudit(tx, ctx, { action: id === null ? 'createPublicInstitution' : 'updatePublicInstitution', entity: 'public_institution', entityId: row.id, before, after: row });
    return institutionOut((await repo.findInstitution(tx, row.id))!, rights);
  });
}

/** Files (or corrects) an institution's use of a year; the county it is in or a manager. Audited. */
export async function fileUse(ctx: Ctx, id: number, year: number, body: UseBody): Promise<UseOut> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const rights = await rightsOf(ctx);
  if (!rights.writesAny) throw new AppError('forbidden', '无权填报公共机构用能');
  if (year > ctx.now.getFullYear()) throw new AppError('validation', `不能填报未来年份 ${year} 的用能`, { pointer: '#/year', field: 'year' });
  const rules = await rulesFor(ctx.db, year);
  return ctx.db.transaction(async (tx) => {
    const inst = await readableInstitution(tx, rights, id);
    if (!rights.writeRegion(inst.regionCode)) throw new AppError('forbidden', `无权填报 ${inst.name} 的用能`);
    const before = await repo.findUse(tx, id, year);
    const row = await repo.upsertUse(tx, { institutionId: id, year, ...body, filedBy: a.userId, filedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'fileInstitutionUse', entity: 'institution_use', entityId: row.id, before, after: row });
    return useOut(inst, row, await repo.listQuotas(tx, [id], year), rules);
  });
}

/** Sets an institution's quota of a kind for a year, with its source; managers only. Audited. */
export async function setQuota(ctx: Ctx, id: number, body: QuotaBody) {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const rights = await rightsOf(ctx);
  if (!rights.isManager) throw new AppError('forbidden', '能耗定额由市机关事务管理中心核定，无权设置');
  return ctx.db.transaction(async (tx) => {
    await readableInstitution(tx, rights, id);
    const before = await repo.findQuota(tx, id, body.year, body.kind);
    const row = await repo.upsertQuota(tx, { institutionId: id, ...body, setBy: a.userId, setAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'setInstitutionQuota', entity: 'institution_quota', entityId: row.id, before, after: row });
    return { year: row.year, kind: row.kind as QuotaKind, value: row.value, source: row.source, setAt: row.setAt };
  });
}

/** 节约型机关 per county (and 市本级) against the plan's goal, for the regions the actor reads; the city's total. */
export async function economySummary(ctx: Ctx, year: number) {
  const rights = await rightsOf(ctx);
  const rules = await rulesFor(ctx.db, year);
  const { city, all } = await regionsInOrder(ctx.db);
  const organs: EconomyOrgan[] = await repo.listInstitutions(ctx.db, { kind: 'organ', regionCodes: null });
  const visible = all.filter((r) => rights.readRegion(r.code));
  const { regions, city: total } = economySharesByRegion(
    visible.map((r) => r.code),
    organs,
    rules.value.economyOrganGoal,
    year,
    city.code,
  );
  return { year, goal: rules.value.economyOrganGoal, goalYear: rules.value.economyOrganGoalYear, regions: regions.map((r, i) => ({ ...r, regionName: visible[i]!.name })), city: total };
}

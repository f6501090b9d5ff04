import { and, asc, desc, eq, ilike, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  appUser,
  evidenceBlob,
  indicator,
  indicatorDepartment,
  plan,
  reductionDispatch,
  reductionDispatchEvent,
  reductionEvidence,
  reductionLedger,
  reductionProject,
  region,
  targetAllocation,
} from '../../db/schema/index';

/** db.execute answers { rows } with both drivers; the typed result does not say so. */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

export type ProjectRow = typeof reductionProject.$inferSelect;
export type DispatchRow = typeof reductionDispatch.$inferSelect;
export type LedgerRow = typeof reductionLedger.$inferInsert;

/** Which projects a list may return: a county its own region (its drafts too), everyone else registered ones only. */
export type ProjectScope = { regionCode: string; withDrafts: true } | { regionCode?: string; withDrafts: false };

export type ProjectFilter = { measureType?: string; pollutant?: string; status?: string; q?: string };

const scopeWhere = (s: ProjectScope) =>
  s.withDrafts
    ? eq(reductionProject.regionCode, s.regionCode)
    : and(isNotNull(reductionProject.registeredAt), s.regionCode ? eq(reductionProject.regionCode, s.regionCode) : undefined);

export async function listProjects(db: Db, scope: ProjectScope, f: ProjectFilter = {}) {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .select()
    .from(reductionProject)
    .where(
      and(
        scopeWhere(scope),
        f.measureType ? eq(reductionProject.measureType, f.measureType) : undefined,
        f.pollutant ? sql`${reductionProject.pollutants} ? ${f.pollutant}` : undefined,
        f.status ? eq(reductionProject.status, f.status) : undefined,
        like ? or(ilike(reductionProject.name, like), ilike(reductionProject.code, like), ilike(reductionProject.facilityName, like), ilike(reductionProject.uscc, like)) : undefined,
      ),
    )
    .orderBy(asc(reductionProject.regionCode), asc(reductionProject.code));
}

export async function findProject(db: Db, id: number) {
  const [row] = await db.select().from(reductionProject).where(eq(reductionProject.id, id));
  return row ?? null;
}

export async function findProjects(db: Db, ids: number[]) {
  return ids.length ? db.select().from(reductionProject).where(inArray(reductionProject.id, ids)) : [];
}

/** The next JP-<region>-<nnnn> code; serialised per region by a transaction-scoped lock. */
export async function nextProjectCode(tx: Db, regionCode: string): Promise<string> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`reduction_project:${regionCode}`}))`);
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(substring(${reductionProject.code} from '[0-9]+$')::int), 0)::int` })
    .from(reductionProject)
    .where(eq(reductionProject.regionCode, regionCode));
  return `JP-${regionCode}-${String(Number(row?.n ?? 0) + 1).padStart(4, '0')}`;
}

export async function insertProject(db: Db, p: typeof reductionProject.$inferInsert) {
  const [row] = await db.insert(reductionProject).values(p).returning();
  return row!;
}

export async function updateProject(db: Db, id: number, p: Partial<typeof reductionProject.$inferInsert>) {
  const [row] = await db.update(reductionProject).set(p).where(eq(reductionProject.id, id)).returning();
  return row!;
}

/** Every revision of one project's month, oldest first. */
export async function listRevisions(db: Db, projectId: number, month: string) {
  return db
    .select()
    .from(reductionDispatch)
    .where(and(eq(reductionDispatch.projectId, projectId), eq(reductionDispatch.month, month)))
    .orderBy(asc(reductionDispatch.revision));
}

export async function findDispatch(db: Db, id: number) {
  const [row] = await db.select().from(reductionDispatch).where(eq(reductionDispatch.id, id));
  return row ?? null;
}

export async function insertDispatch(db: Db, d: typeof reductionDispatch.$inferInsert) {
  const [row] = await db.insert(reductionDispatch).values(d).returning();
  return row!;
}

export async function setDispatchStatus(db: Db, ids: number[], status: string) {
  if (ids.length) await db.update(reductionDispatch).set({ status }).where(inArray(reductionDispatch.id, ids));
}

export async function setDispatchAccounting(db: Db, id: number, accounting: unknown) {
  await db.update(reductionDispatch).set({ accounting }).where(eq(reductionDispatch.id, id));
}

export async function insertEvent(db: Db, e: typeof reductionDispatchEvent.$inferInsert) {
  await db.insert(reductionDispatchEvent).values(e);
}

/** Dispatches with their submitter's name, for the given projects (all months) or ids, newest month first. */
export async function listDispatches(db: Db, f: { projectIds?: number[]; ids?: number[]; month?: string; status?: string }) {
  if ((f.projectIds && !f.projectIds.length) || (f.ids && !f.ids.length)) return [];
  return db
    .select({ d: reductionDispatch, submittedByName: appUser.displayName })
    .from(reductionDispatch)
    .innerJoin(appUser, eq(appUser.id, reductionDispatch.submittedBy))
    .where(
      and(
        f.projectIds ? inArray(reductionDispatch.projectId, f.projectIds) : undefined,
        f.ids ? inArray(reductionDispatch.id, f.ids) : undefined,
        f.month ? eq(reductionDispatch.month, f.month) : undefined,
        f.status ? eq(reductionDispatch.status, f.status) : undefined,
      ),
    )
    .orderBy(desc(reductionDispatch.month), desc(reductionDispatch.revision));
}

export async function listEvents(db: Db, dispatchIds: number[]) {
  if (!dispatchIds.length) return [];
  return db
    .select({ id: reductionDispatchEvent.id, dispatchId: reductionDispatchEvent.dispatchId, action: reductionDispatchEvent.action, comment: reductionDispatchEvent.comment, at: reductionDispatchEvent.at, actorName: appUser.displayName })
    .from(reductionDispatchEvent)
    .innerJoin(appUser, eq(appUser.id, reductionDispatchEvent.actorUserId))
    .where(inArray(reductionDispatchEvent.dispatchId, dispatchIds))
    .orderBy(asc(reductionDispatchEvent.id));
}

/** A project's dispatch summary: the latest revision overall, the latest one not returned, and whether an operating month was approved. */
export async function dispatchSummary(db: Db, projectId: number) {
  const rows = await db
    .select({ month: reductionDispatch.month, status: reductionDispatch.status, projectStatus: reductionDispatch.projectStatus })
    .from(reductionDispatch)
    .where(eq(reductionDispatch.projectId, projectId))
    .orderBy(desc(reductionDispatch.month), desc(reductionDispatch.revision));
  return {
    latest: rows[0] ?? null,
    latestStanding: rows.find((r) => r.status !== 'returned') ?? null,
    hasApprovedOperating: rows.some((r) => r.status === 'approved' && r.projectStatus === 'operating'),
  };
}

// ── ledger ──────────────────────────────────────────────────────────────────────────────────────────────

export async function findLedgerMonth(db: Db, projectId: number, year: number) {
  const [row] = await db.select({ month: reductionLedger.month }).from(reductionLedger).where(and(eq(reductionLedger.projectId, projectId), eq(reductionLedger.year, year))).limit(1);
  return row?.month ?? null;
}

/** Replaces a project's figures for a year (the latest approved dispatch of the year is what counts). */
export async function replaceLedgerYear(db: Db, projectId: number, year: number, rows: LedgerRow[]) {
  await db.delete(reductionLedger).where(and(eq(reductionLedger.projectId, projectId), eq(reductionLedger.year, year)));
  if (rows.length) await db.insert(reductionLedger).values(rows);
}

/** The project's figures of its latest ledger year. */
export async function latestLedgerYear(db: Db, projectId: number) {
  const [y] = await db.select({ year: sql<number | null>`max(${reductionLedger.year})` }).from(reductionLedger).where(eq(reductionLedger.projectId, projectId));
  if (y?.year == null) return null;
  const year = Number(y.year);
  const rows = await db.select().from(reductionLedger).where(and(eq(reductionLedger.projectId, projectId), eq(reductionLedger.year, year)));
  return { year, rows };
}

/** Accepted facility claims of other projects in a year (C1 across counties), named by project code. */
export async function priorFacilityClaims(db: Db, year: number, excludeProjectId: number) {
  return db
    .select({ projectId: reductionProject.code, uscc: reductionLedger.uscc, outlet: reductionLedger.outlet, pollutant: reductionLedger.pollutant, measureType: reductionLedger.measureType, regionCode: reductionLedger.regionCode })
    .from(reductionLedger)
    .innerJoin(reductionProject, eq(reductionProject.id, reductionLedger.projectId))
    .where(and(eq(reductionLedger.year, year), ne(reductionLedger.projectId, excludeProjectId), sql`${reductionLedger.rejectionCode} IS NULL`, ne(reductionLedger.uscc, '')));
}

/** VINs of other projects' accepted vehicle claims in any year (a VIN counts once in 2021–2025, C1). */
export async function priorVins(db: Db, excludeProjectId: number) {
  const rows = await db.execute(sql`
    SELECT DISTINCT p.code, v.vin
    FROM ${reductionLedger} l
    JOIN ${reductionDispatch} d ON d.id = l.dispatch_id
    JOIN ${reductionProject} p ON p.id = l.project_id
    CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(d.params -> 'vins', '[]'::jsonb)) AS v(vin)
    WHERE l.project_id <> ${excludeProjectId} AND l.rejection_code IS NULL AND l.measure_type = 'old-vehicle-elimination'`);
  return rowsOf<{ code: string; vin: string }>(rows).map((r) => ({ projectId: r.code, vin: r.vin }));
}

/** Verified countable tonnes per region and pollutant for a year. */
export async function verifiedByRegion(db: Db, year: number) {
  return db
    .select({ regionCode: reductionLedger.regionCode, pollutant: reductionLedger.pollutant, t: sql<number>`sum(${reductionLedger.countableT})::float8` })
    .from(reductionLedger)
    .where(eq(reductionLedger.year, year))
    .groupBy(reductionLedger.regionCode, reductionLedger.pollutant);
}

/** The year figure claimed in dispatches awaiting verification: per project its latest submitted month of the year. */
export async function pendingByRegion(db: Db, year: number) {
  const rows = await db.execute(sql`
    SELECT p.region_code, x ->> 'pollutant' AS pollutant, sum((x ->> 'countable_t')::numeric)::float8 AS t
    FROM (
      SELECT DISTINCT ON (d.project_id) d.project_id, d.accounting
      FROM ${reductionDispatch} d
      WHERE d.status = 'submitted' AND d.month LIKE ${`${year}-%`}
      ORDER BY d.project_id, d.month DESC, d.revision DESC
    ) s
    JOIN ${reductionProject} p ON p.id = s.project_id
    CROSS JOIN LATERAL jsonb_array_elements(s.accounting -> 'pollutants') AS x
    GROUP BY p.region_code, x ->> 'pollutant'`);
  return rowsOf<{ region_code: string; pollutant: string; t: number }>(rows).map((r) => ({ regionCode: r.region_code, pollutant: r.pollutant, t: Number(r.t) }));
}

/** Registered projects with their status and whether the month has a standing (not returned) dispatch. */
export async function monthFilings(db: Db, month: string, regionCode?: string) {
  return db
    .select({
      projectId: reductionProject.id,
      regionCode: reductionProject.regionCode,
      measureType: reductionProject.measureType,
      status: reductionProject.status,
      submitted: sql<boolean>`EXISTS (SELECT 1 FROM ${reductionDispatch} d WHERE d.project_id = ${reductionProject.id} AND d.month = ${month} AND d.status <> 'returned')`,
    })
    .from(reductionProject)
    .where(and(isNotNull(reductionProject.registeredAt), regionCode ? eq(reductionProject.regionCode, regionCode) : undefined));
}

/** Σ 计划减排量 of registered projects per region and pollutant: the potential of the default split (§6). */
export async function plannedByRegion(db: Db) {
  const rows = await db.execute(sql`
    SELECT p.region_code, e.key AS pollutant, sum((e.value)::numeric)::float8 AS t
    FROM ${reductionProject} p CROSS JOIN LATERAL jsonb_each_text(p.planned) AS e
    WHERE p.registered_at IS NOT NULL
    GROUP BY p.region_code, e.key`);
  return rowsOf<{ region_code: string; pollutant: string; t: number }>(rows).map((r) => ({ regionCode: r.region_code, pollutant: r.pollutant, t: Number(r.t) }));
}

/** Moves whenever a dispatch step (and so the ledger), a project, an allocation or an evidence link changes: a cache version. */
export async function reductionVersion(db: Db): Promise<string> {
  const rows = await db.execute(sql`
    SELECT (SELECT coalesce(max(id), 0) FROM ${reductionDispatchEvent})::text || '|' ||
           (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM ${reductionProject}) || '|' ||
           (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM ${targetAllocation}) || '|' ||
           (SELECT count(*) FROM ${reductionEvidence})::text AS v`);
  return rowsOf<{ v: string }>(rows)[0]?.v ?? '';
}

// ── evidence ────────────────────────────────────────────────────────────────────────────────────────────

export async function linkEvidence(db: Db, e: typeof reductionEvidence.$inferInsert) {
  await db
    .insert(reductionEvidence)
    .values(e)
    .onConflictDoUpdate({ target: [reductionEvidence.projectId, reductionEvidence.sha256, reductionEvidence.kind], set: { fileName: e.fileName, uploadedBy: e.uploadedBy, uploadedAt: e.uploadedAt } });
}

export async function listEvidence(db: Db, projectIds: number[]) {
  if (!projectIds.length) return [];
  return db
    .select({ projectId: reductionEvidence.projectId, sha256: reductionEvidence.sha256, kind: reductionEvidence.kind, fileName: reductionEvidence.fileName, uploadedAt: reductionEvidence.uploadedAt, mediaType: evidenceBlob.mediaType, size: evidenceBlob.size })
    .from(reductionEvidence)
    .innerJoin(evidenceBlob, eq(evidenceBlob.sha256, reductionEvidence.sha256))
    .where(inArray(reductionEvidence.projectId, projectIds))
    .orderBy(asc(reductionEvidence.uploadedAt));
}

/** Evidence kinds on file per project. */
export async function evidenceKinds(db: Db, projectIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!projectIds.length) return out;
  const rows = await db.selectDistinct({ projectId: reductionEvidence.projectId, kind: reductionEvidence.kind }).from(reductionEvidence).where(inArray(reductionEvidence.projectId, projectIds));
  for (const r of rows) out.set(r.projectId, [...(out.get(r.projectId) ?? []), r.kind]);
  return out;
}

export async function findEvidence(db: Db, projectId: number, sha256: string) {
  const [row] = await db.select().from(reductionEvidence).where(and(eq(reductionEvidence.projectId, projectId), eq(reductionEvidence.sha256, sha256))).limit(1);
  return row ?? null;
}

// ── targets and allocations ─────────────────────────────────────────────────────────────────────────────

/** The plan indicators with the given codes (the newest plan's, where several plans use a code), with their departments. */
export async function findTargetIndicators(db: Db, codes: string[]) {
  if (!codes.length) return [];
  const rows = await db
    .select({ id: indicator.id, code: indicator.code, name: indicator.name, target: indicator.target, stretch: indicator.stretch, unit: indicator.unit, comparison: indicator.comparison, targetYear: indicator.targetYear })
    .from(indicator)
    .innerJoin(plan, eq(plan.id, indicator.planId))
    .where(inArray(indicator.code, codes))
    .orderBy(desc(plan.periodEnd), desc(plan.id));
  const byCode = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!byCode.has(r.code)) byCode.set(r.code, r);
  const ids = [...byCode.values()].map((r) => r.id);
  const depts = ids.length ? await db.select().from(indicatorDepartment).where(inArray(indicatorDepartment.indicatorId, ids)) : [];
  return [...byCode.values()].map((r) => ({ ...r, departmentIds: depts.filter((d) => d.indicatorId === r.id).map((d) => d.departmentId) }));
}

export async function listAllocations(db: Db, indicatorIds: number[], regionCode?: string) {
  if (!indicatorIds.length) return [];
  return db
    .select()
    .from(targetAllocation)
    .where(and(inArray(targetAllocation.indicatorId, indicatorIds), regionCode ? eq(targetAllocation.regionCode, regionCode) : undefined))
    .orderBy(asc(targetAllocation.regionCode));
}

export async function replaceAllocations(db: Db, indicatorId: number, shares: Array<{ regionCode: string; target: number; reason: string }>, at: Date) {
  await db.delete(targetAllocation).where(eq(targetAllocation.indicatorId, indicatorId));
  if (shares.length) await db.insert(targetAllocation).values(shares.map((s) => ({ ...s, indicatorId, baselineValue: null, updatedAt: at })));
}

/** The county-level divisions and zones (everything below the city), in the organisation's order. */
export async function listCountyRegions(db: Db) {
  return db.select({ code: region.code, name: region.name }).from(region).where(ne(region.kind, 'city')).orderBy(asc(region.sort), asc(region.code));
}

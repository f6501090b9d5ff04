import { and, asc, desc, eq, inArray, lt, max, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appUser, assessment, assessmentEvent, assessmentEvidence, assessmentScheme, assessmentScore, assessmentSubject, evidenceBlob } from '../../db/schema/index';

export type SchemeRow = typeof assessmentScheme.$inferSelect;
export type AssessmentRow = typeof assessment.$inferSelect;
export type SubjectRow = typeof assessmentSubject.$inferSelect;
export type ScoreRow = typeof assessmentScore.$inferSelect;

/** Every scheme version with whether an assessment uses it, by code then version. */
export async function listSchemes(db: Db) {
  return db
    .select({ s: assessmentScheme, inUse: sql<boolean>`exists (select 1 from ${assessment} a where a.scheme_id = ${assessmentScheme}.id)` })
    .from(assessmentScheme)
    .orderBy(asc(assessmentScheme.code), asc(assessmentScheme.version));
}

export async function findScheme(db: Db, id: number) {
  const [row] = await db.select().from(assessmentScheme).where(eq(assessmentScheme.id, id));
  return row ?? null;
}

export async function schemeInUse(db: Db, id: number): Promise<boolean> {
  const [row] = await db.select({ id: assessment.id }).from(assessment).where(eq(assessment.schemeId, id)).limit(1);
  return !!row;
}

export async function maxSchemeVersion(db: Db, code: string): Promise<number> {
  const [row] = await db.select({ v: max(assessmentScheme.version) }).from(assessmentScheme).where(eq(assessmentScheme.code, code));
  return row?.v ?? 0;
}

/** A scheme version; null when that (code, version) already exists (a concurrent seed or POST). */
export async function insertScheme(db: Db, s: typeof assessmentScheme.$inferInsert) {
  const [row] = await db.insert(assessmentScheme).values(s).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateScheme(db: Db, id: number, s: Partial<typeof assessmentScheme.$inferInsert>) {
  const [row] = await db.update(assessmentScheme).set(s).where(eq(assessmentScheme.id, id)).returning();
  return row!;
}

export async function countSchemes(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(assessmentScheme);
  return Number(row?.n ?? 0);
}

export async function listAssessments(db: Db) {
  return db.select().from(assessment).orderBy(desc(assessment.period), desc(assessment.id));
}

export async function findAssessment(db: Db, id: number) {
  const [row] = await db.select().from(assessment).where(eq(assessment.id, id));
  return row ?? null;
}

export async function insertAssessment(db: Db, a: typeof assessment.$inferInsert) {
  const [row] = await db.insert(assessment).values(a).returning();
  return row!;
}

/** Moves the status only from the expected one; null when another request moved it first. */
export async function moveStatus(db: Db, id: number, from: readonly string[], to: string) {
  const [row] = await db
    .update(assessment)
    .set({ status: to })
    .where(and(eq(assessment.id, id), inArray(assessment.status, [...from])))
    .returning();
  return row ?? null;
}

/** The latest published assessment of the same subject kind before this one's period. */
export async function previousPublished(db: Db, a: AssessmentRow, subject: string) {
  const [row] = await db
    .select({ a: assessment })
    .from(assessment)
    .innerJoin(assessmentScheme, eq(assessmentScheme.id, assessment.schemeId))
    .where(and(eq(assessment.status, 'published'), eq(assessmentScheme.subject, subject), ne(assessment.id, a.id), lt(assessment.period, a.period)))
    .orderBy(desc(assessment.period), desc(assessment.id))
    .limit(1);
  return row?.a ?? null;
}

export async function insertEvent(db: Db, e: typeof assessmentEvent.$inferInsert) {
  await db.insert(assessmentEvent).values(e);
}

export async function listEvents(db: Db, assessmentIds: number[]) {
  if (!assessmentIds.length) return [];
  return db
    .select({ e: assessmentEvent, actorName: appUser.displayName })
    .from(assessmentEvent)
    .innerJoin(appUser, eq(appUser.id, assessmentEvent.actorUserId))
    .where(inArray(assessmentEvent.assessmentId, assessmentIds))
    .orderBy(asc(assessmentEvent.id));
}

export async function listSubjects(db: Db, assessmentIds: number[]) {
  if (!assessmentIds.length) return [];
  return db.select().from(assessmentSubject).where(inArray(assessmentSubject.assessmentId, assessmentIds)).orderBy(asc(assessmentSubject.subjectKey));
}

export async function findSubject(db: Db, assessmentId: number, key: string) {
  const [row] = await db
    .select()
    .from(assessmentSubject)
    .where(and(eq(assessmentSubject.assessmentId, assessmentId), eq(assessmentSubject.subjectKey, key)));
  return row ?? null;
}

export async function insertSubjects(db: Db, rows: Array<typeof assessmentSubject.$inferInsert>) {
  if (rows.length) await db.insert(assessmentSubject).values(rows);
}

/** A fresh metrics snapshot for a subject, inserted when it is new to the assessment. */
export async function upsertSubjectMetrics(db: Db, row: typeof assessmentSubject.$inferInsert) {
  await db
    .insert(assessmentSubject)
    .values(row)
    .onConflictDoUpdate({ target: [assessmentSubject.assessmentId, assessmentSubject.subjectKey], set: { name: row.name, metrics: row.metrics, metricsAt: row.metricsAt } });
}

export async function updateSubject(db: Db, assessmentId: number, key: string, s: Partial<typeof assessmentSubject.$inferInsert>) {
  const [row] = await db
    .update(assessmentSubject)
    .set(s)
    .where(and(eq(assessmentSubject.assessmentId, assessmentId), eq(assessmentSubject.subjectKey, key)))
    .returning();
  return row!;
}

/** Scores of the assessment (one subject, or all), oldest first, with the actor's name. */
export async function listScores(db: Db, assessmentId: number, subjectKey?: string) {
  return db
    .select({ s: assessmentScore, actorName: appUser.displayName })
    .from(assessmentScore)
    .innerJoin(appUser, eq(appUser.id, assessmentScore.actorUserId))
    .where(and(eq(assessmentScore.assessmentId, assessmentId), subjectKey === undefined ? undefined : eq(assessmentScore.subjectKey, subjectKey)))
    .orderBy(asc(assessmentScore.id));
}

export async function insertScore(db: Db, s: typeof assessmentScore.$inferInsert) {
  const [row] = await db.insert(assessmentScore).values(s).returning();
  return row!;
}

export async function listEvidence(db: Db, assessmentId: number, subjectKey: string) {
  return db
    .select({ e: assessmentEvidence, mediaType: evidenceBlob.mediaType, size: evidenceBlob.size })
    .from(assessmentEvidence)
    .innerJoin(evidenceBlob, eq(evidenceBlob.sha256, assessmentEvidence.sha256))
    .where(and(eq(assessmentEvidence.assessmentId, assessmentId), eq(assessmentEvidence.subjectKey, subjectKey)))
    .orderBy(asc(assessmentEvidence.id));
}

export async function findEvidence(db: Db, assessmentId: number, subjectKey: string, id: number) {
  const [row] = await db
    .select()
    .from(assessmentEvidence)
    .where(and(eq(assessmentEvidence.id, id), eq(assessmentEvidence.assessmentId, assessmentId), eq(assessmentEvidence.subjectKey, subjectKey)));
  return row ?? null;
}

export async function insertEvidence(db: Db, e: typeof assessmentEvidence.$inferInsert) {
  const [row] = await db.insert(assessmentEvidence).values(e).returning();
  return row!;
}

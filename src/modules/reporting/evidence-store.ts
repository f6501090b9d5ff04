import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { evidenceBlob, reportAttachment } from '../../db/schema/index';

/**
 * Where evidence bytes live, addressed by their SHA-256. Today the database; an object store
 * (S3-compatible) can implement the same two calls later without touching the service.
 */
export type EvidenceStore = {
  put(db: Db, blob: { sha256: string; mediaType: string; content: Buffer; at: Date }): Promise<void>;
  get(db: Db, sha256: string): Promise<{ mediaType: string; content: Buffer } | null>;
};

export const databaseEvidenceStore: EvidenceStore = {
  async put(db, b) {
    // The same content uploaded twice is stored once.
    await db.insert(evidenceBlob).values({ sha256: b.sha256, mediaType: b.mediaType, size: b.content.length, content: b.content, createdAt: b.at }).onConflictDoNothing();
  },
  async get(db, sha256) {
    const [row] = await db.select({ mediaType: evidenceBlob.mediaType, content: evidenceBlob.content }).from(evidenceBlob).where(eq(evidenceBlob.sha256, sha256));
    return row ?? null;
  },
};

export async function linkAttachment(db: Db, a: { reportId: number; sha256: string; fileName: string }) {
  await db.insert(reportAttachment).values(a).onConflictDoUpdate({ target: [reportAttachment.reportId, reportAttachment.sha256], set: { fileName: a.fileName } });
}

export async function listAttachments(db: Db, reportIds: number[]) {
  if (!reportIds.length) return [];
  return db
    .select({ reportId: reportAttachment.reportId, sha256: reportAttachment.sha256, fileName: reportAttachment.fileName, mediaType: evidenceBlob.mediaType, size: evidenceBlob.size })
    .from(reportAttachment)
    .innerJoin(evidenceBlob, eq(evidenceBlob.sha256, reportAttachment.sha256))
    .where(inArray(reportAttachment.reportId, reportIds));
}

export async function findAttachment(db: Db, reportId: number, sha256: string) {
  const [row] = await db.select().from(reportAttachment).where(and(eq(reportAttachment.reportId, reportId), eq(reportAttachment.sha256, sha256)));
  return row ?? null;
}

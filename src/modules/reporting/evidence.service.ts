import { createHash } from 'node:crypto';
import { canReadReport } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { sniffEvidence } from '../../domain/reporting/evidence';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import { databaseEvidenceStore as store, findAttachment, linkAttachment, listAttachments } from './evidence-store';
import * as repo from './repo';

/** The largest evidence file accepted (the route's body limit is the same figure). */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/** The report, if the actor may see it; 404 otherwise, so that its existence does not leak. */
async function readableReport(ctx: Ctx, reportId: number) {
  const report = await repo.findReport(ctx.db, reportId);
  const item = report && (await repo.findItem(ctx.db, report.indicatorId !== null ? { indicatorId: report.indicatorId } : { taskId: report.taskId! }));
  if (!report || !item || !canReadReport(ctx.actor, item, report.regionCode)) throw new AppError('not-found', `报告 ${reportId} 不存在`);
  return report;
}

/** A name safe to keep and to send back: no path, no control characters, not too long. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim().slice(0, 200);
  return clean || 'evidence';
}

/**
 * An uploaded evidence file checked by its content (never by its name or declared type): not empty, not too
 * large, a PDF, image or Office file. Returns its SHA-256 (the bytes are stored once under it), its type and a
 * clean file name. Shared by every context that takes evidence.
 */
export function checkedEvidenceFile(content: Buffer, fileName: string) {
  if (content.length === 0) throw new AppError('validation', '文件为空');
  if (content.length > EVIDENCE_MAX_BYTES) throw new AppError('payload-too-large', `文件超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`);
  const type = sniffEvidence(content);
  if (!type) throw new AppError('unsupported-media-type', '只接受 PDF、图片（PNG、JPEG、GIF、WebP）和 Office 文件；该文件的内容不是其中之一', { offset: 0 });
  return { sha256: createHash('sha256').update(content).digest('hex'), type, name: cleanFileName(fileName) };
}

/**
 * Attaches an evidence file to a report awaiting review, by whoever submitted it (or the city).
 * The type comes from the content; the bytes are stored once by their SHA-256.
 */
export async function attachEvidence(ctx: Ctx, reportId: number, fileName: string, content: Buffer) {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const report = await readableReport(ctx, reportId);
  const isCityWide = a.role === 'admin' || a.role === 'steering';
  if (report.submittedBy !== a.userId && !isCityWide) throw new AppError('forbidden', '只有报送人可以为该报告上传佐证材料');
  if (report.status !== 'submitted') throw new AppError('conflict', '只能为待审核的报告上传佐证材料');
  const { sha256, type, name } = checkedEvidenceFile(content, fileName);
  return ctx.db.transaction(async (tx) => {
    await store.put(tx, { sha256, mediaType: type.mediaType, content, at: ctx.now });
    await linkAttachment(tx, { reportId, sha256, fileName: name });
    const after = { reportId, sha256, fileName: name, mediaType: type.mediaType, size: content.length };
    await recordAudit(tx, ctx, { action: 'attachEvidence', entity: 'report_attachment', entityId: `${reportId}:${sha256.slice(0, 16)}`, after });
    return after;
  });
}

export async function listEvidence(ctx: Ctx, reportId: number) {
  await readableReport(ctx, reportId);
  return listAttachments(ctx.db, [reportId]);
}

/** An evidence file, for users who may see the report it belongs to. */
export async function getEvidence(ctx: Ctx, reportId: number, sha256: string) {
  await readableReport(ctx, reportId);
  const link = await findAttachment(ctx.db, reportId, sha256);
  const blob = link && (await store.get(ctx.db, sha256));
  if (!link || !blob) throw new AppError('not-found', '佐证材料不存在');
  return { fileName: link.fileName, ...blob };
}

import { createHash } from 'node:crypto';
import { AppError } from '../../domain/errors';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../domain/reduction/index';
import { sniffEvidence } from '../../domain/reporting/evidence';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import { EVIDENCE_MAX_BYTES, cleanFileName } from '../reporting/evidence.service';
import { databaseEvidenceStore as store } from '../reporting/evidence-store';
import { readableProject, writableProject } from './projects.service';
import * as repo from './repo';

/**
 * 佐证材料: a file of one kind (reduction.md §4) for a project, by whoever may change the project. The type comes
 * from the content, not the name; the bytes are stored once by their SHA-256 (the reporting evidence store).
 */
export async function attachProjectEvidence(ctx: Ctx, projectId: number, kind: string, fileName: string, content: Buffer) {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const p = await writableProject(ctx, projectId);
  if (!(EVIDENCE_KINDS as readonly string[]).includes(kind)) throw new AppError('validation', `未知的材料类型 ${kind}`, { field: 'kind' });
  if (content.length === 0) throw new AppError('validation', '文件为空');
  if (content.length > EVIDENCE_MAX_BYTES) throw new AppError('payload-too-large', `文件超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`);
  const type = sniffEvidence(content);
  if (!type) throw new AppError('unsupported-media-type', '只接受 PDF、图片（PNG、JPEG、GIF、WebP）和 Office 文件；该文件的内容不是其中之一', { offset: 0 });
  const sha256 = createHash('sha256').update(content).digest('hex');
  const name = cleanFileName(fileName);
  return ctx.db.transaction(async (tx) => {
    await store.put(tx, { sha256, mediaType: type.mediaType, content, at: ctx.now });
    await repo.linkEvidence(tx, { projectId: p.id, sha256, kind, fileName: name, uploadedBy: a.userId, uploadedAt: ctx.now });
    const after = { sha256, kind: kind as EvidenceKind, fileName: name, mediaType: type.mediaType, size: content.length, uploadedAt: ctx.now };
    await recordAudit(tx, ctx, { action: 'attachReductionEvidence', entity: 'reduction_evidence', entityId: `${p.code}:${sha256.slice(0, 16)}`, after });
    return after;
  });
}

/** An evidence file, for users who may see its project. */
export async function getProjectEvidence(ctx: Ctx, projectId: number, sha256: string) {
  await readableProject(ctx, projectId);
  const link = await repo.findEvidence(ctx.db, projectId, sha256);
  const blob = link && (await store.get(ctx.db, sha256));
  if (!link || !blob) throw new AppError('not-found', '佐证材料不存在');
  return { fileName: link.fileName, ...blob };
}

import { AppError } from '../../domain/errors';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../domain/reduction/index';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import { checkedEvidenceFile } from '../reporting/evidence.service';
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
  const { sha256, type, name } = checkedEvidenceFile(content, fileName);
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

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  beijingDay,
  PHOTO_MAX_BYTES,
  PHOTO_WINDOW_MINUTES,
  PHOTOS_PER_REPORT,
  REPORTS_PER_SOURCE_PER_HOUR,
  trackingNumber,
} from '../../domain/public/citizen-report';
import { stripPhotoMetadata } from '../../domain/public/photo-metadata';
import { AppError } from '../../domain/errors';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import { derivedKey } from '../monitoring/secrets';
import { databaseEvidenceStore as store } from '../reporting/evidence-store';
import { checkedEvidenceFile } from '../reporting/evidence.service';
import { spendChallenge } from './citizen-reports.challenge';
import * as repo from './citizen-reports.repo';
import { type ReportSubmitBody, ReportStatus, ReportType, type TrackedReportOut } from './citizen-reports.schemas';

/**
 * The reporter's side of 举报/建议 (issue #10): submit (proof of work, rate limit per source), add photos, follow the
 * report with its private token. Rate limits are database counts by `sourceHash` (a keyed SHA-256 of the address; the
 * raw address is never stored, not even in the audit), so they hold across server processes and restarts.
 */

/** The audit context of a public step: the actor is the public; the address is left out on purpose. */
const publicAudit = (ctx: Ctx) => ({ ...ctx, ip: null });

const sha256Hex = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

export function sourceHashOf(ip: string | null): string {
  return createHmac('sha256', derivedKey('citizen-report-source-v1'))
    .update(ip ?? 'unknown')
    .digest('hex');
}

export async function submitReport(ctx: Ctx, body: ReportSubmitBody) {
  const sourceHash = sourceHashOf(ctx.ip);
  const token = randomBytes(16).toString('base64url'); // 128 bits, shown once
  return ctx.db.transaction(async (tx) => {
    await repo.lockTrackingNumbers(tx); // also serialises the count by source below
    const since = new Date(ctx.now.getTime() - 3_600_000);
    if ((await repo.countReportsFromSource(tx, sourceHash, since)) >= REPORTS_PER_SOURCE_PER_HOUR) {
      throw new AppError('too-many-attempts', `同一网络每小时最多提交 ${REPORTS_PER_SOURCE_PER_HOUR} 件举报或建议，请稍后再试`, undefined, { retryAfterSeconds: 3600 });
    }
    if (body.regionCode && !(await repo.regionExists(tx, body.regionCode))) {
      throw new AppError('validation', `县（市、区）${body.regionCode} 不存在`, { field: 'regionCode', pointer: '#/regionCode' });
    }
    await spendChallenge(tx, body.challenge, body.nonce, ctx.now);
    const prefix = `GZ${beijingDay(ctx.now)}-`;
    const trackingNo = trackingNumber(ctx.now, (await repo.countTrackingNumbers(tx, prefix)) + 1);
    const report = await repo.insertReport(tx, {
      trackingNo,
      tokenHash: sha256Hex(token),
      type: body.type,
      regionCode: body.regionCode ?? null,
      address: body.address,
      lon: body.lon ?? null,
      lat: body.lat ?? null,
      description: body.description,
      contactName: body.contactName ?? null,
      contactPhone: body.contactPhone ?? null,
      status: 'submitted',
      sourceHash,
      submittedAt: ctx.now,
      updatedAt: ctx.now,
    });
    await repo.insertEvent(tx, { reportId: report.id, action: 'submit', visibleToReporter: true, at: ctx.now });
    const after = { trackingNo, type: report.type, regionCode: report.regionCode, hasContact: !!(report.contactName || report.contactPhone) };
    await recordAudit(tx, publicAudit(ctx), { action: 'submitCitizenReport', entity: 'citizen_report', entityId: report.id, after });
    ctx.log.info({ trackingNo }, 'citizen report submitted');
    return { trackingNo, token, submittedAt: report.submittedAt };
  });
}

/** The county-level divisions (not the city itself), for the form's choice list. */
export async function listReportRegions(ctx: Ctx) {
  return repo.listCountyRegions(ctx.db);
}

/** The report the token opens; 404 for an unknown number and a wrong token alike (nothing leaks which). */
async function reportWithToken(ctx: Ctx, trackingNo: string, token: string) {
  const report = await repo.findReportByTrackingNo(ctx.db, trackingNo);
  const given = Buffer.from(sha256Hex(token));
  if (!report || !timingSafeEqual(given, Buffer.from(report.tokenHash))) throw new AppError('not-found', `受理编号 ${trackingNo} 不存在或访问码不正确`);
  return report;
}

/** Adds a photo (JPEG or PNG by content, ≤ 5 MB) soon after submitting; the public sees a copy without EXIF/GPS. */
export async function addReportPhoto(ctx: Ctx, trackingNo: string, token: string, fileName: string, content: Buffer) {
  const report = await reportWithToken(ctx, trackingNo, token);
  if (ctx.now.getTime() - report.submittedAt.getTime() > PHOTO_WINDOW_MINUTES * 60_000) {
    throw new AppError('conflict', `照片须在提交后 ${PHOTO_WINDOW_MINUTES} 分钟内上传`);
  }
  if (content.length > PHOTO_MAX_BYTES) throw new AppError('payload-too-large', `照片不超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB`);
  const original = checkedEvidenceFile(content, fileName);
  if (original.type.mediaType !== 'image/jpeg' && original.type.mediaType !== 'image/png') {
    throw new AppError('unsupported-media-type', '照片只接受 JPEG 或 PNG；该文件的内容不是其中之一', { offset: 0 });
  }
  const stripped = stripPhotoMetadata(content);
  if (!stripped.ok) throw new AppError('validation', `照片无法读取：${stripped.error}`, { offset: stripped.offset });
  const strippedBytes = Buffer.from(stripped.bytes);
  const strippedSha = sha256Hex(strippedBytes);
  return ctx.db.transaction(async (tx) => {
    await repo.lockTrackingNumbers(tx); // one upload at a time, so the count below holds
    if ((await repo.countPhotos(tx, report.id)) >= PHOTOS_PER_REPORT) throw new AppError('too-many-attempts', `每件举报最多 ${PHOTOS_PER_REPORT} 张照片`);
    await store.put(tx, { sha256: original.sha256, mediaType: original.type.mediaType, content, at: ctx.now });
    await store.put(tx, { sha256: strippedSha, mediaType: original.type.mediaType, content: strippedBytes, at: ctx.now });
    const photo = await repo.insertPhoto(tx, { reportId: report.id, originalSha256: original.sha256, strippedSha256: strippedSha, fileName: original.name, at: ctx.now });
    const after = { reportId: report.id, photoId: photo.id, fileName: photo.fileName, removedMetadata: stripped.removed };
    await recordAudit(tx, publicAudit(ctx), { action: 'addCitizenReportPhoto', entity: 'citizen_report_photo', entityId: photo.id, after });
    return { id: photo.id, fileName: photo.fileName, mediaType: original.type.mediaType, size: strippedBytes.length };
  });
}

/** What the reporter sees: status, the public steps (replies, closing word), the photos without metadata. */
export async function trackReport(ctx: Ctx, trackingNo: string, token: string): Promise<TrackedReportOut> {
  const r = await reportWithToken(ctx, trackingNo, token);
  const events = await repo.listEvents(ctx.db, r.id, { visibleToReporterOnly: true });
  const photos = await repo.listPhotos(ctx.db, r.id, 'stripped');
  return {
    trackingNo: r.trackingNo,
    type: ReportType.parse(r.type),
    status: ReportStatus.parse(r.status),
    regionCode: r.regionCode,
    address: r.address,
    lon: r.lon,
    lat: r.lat,
    description: r.description,
    submittedAt: r.submittedAt,
    updatedAt: r.updatedAt,
    replies: events.map((e) => ({ action: e.action, comment: e.comment, at: e.at })),
    photos: photos.map((p) => ({ id: p.id, fileName: p.fileName })),
  };
}

/** A photo as the reporter sees it: the copy without metadata. */
export async function trackedPhoto(ctx: Ctx, trackingNo: string, token: string, photoId: number) {
  const r = await reportWithToken(ctx, trackingNo, token);
  const photo = await repo.findPhoto(ctx.db, r.id, photoId);
  const blob = photo && (await store.get(ctx.db, photo.strippedSha256));
  if (!photo || !blob) throw new AppError('not-found', '照片不存在');
  return { fileName: photo.fileName, ...blob };
}

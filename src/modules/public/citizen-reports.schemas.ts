import { z } from 'zod';
import { GANZHOU_BOUNDS, isInGanzhou, REPORT_ACTIONS, REPORT_STATUSES, REPORT_TYPES, TRACKING_NO_PATTERN } from '../../domain/public/citizen-report';

/**
 * 举报/建议 API (issue #10), shared with the web app and the public site.
 * - The public (no login): GET /reports/challenge, then POST /reports with the solved proof of work → the tracking
 *   number and a private token; photos one by one (raw body, ?fileName=) with the token in `x-report-token`; the
 *   report's status, public replies and metadata-free photos with the same header.
 * - Handlers (login): the bureau (steering office, admin, 市生态环境局) sees all and triages; a department or county
 *   sees, replies to and closes what is assigned to it. Contact details only in the handlers' detail.
 */

/** The header that carries a report's private token (from the link's #fragment, never in a URL). */
export const REPORT_TOKEN_HEADER = 'x-report-token';

const Id = z.coerce.number().int().positive().max(2_147_483_647);
const RegionCode = z.string().trim().min(1).max(12);
export const ReportType = z.enum(REPORT_TYPES);
export const ReportStatus = z.enum(REPORT_STATUSES);

export const ChallengeOut = z.object({ challenge: z.string(), difficulty: z.number().int(), expiresAt: z.date() });
export type ChallengeOut = z.infer<typeof ChallengeOut>;

/** A county-level division a report may name (the form's choice list). */
export const RegionOut = z.object({ code: z.string(), name: z.string() });
export type RegionOut = z.infer<typeof RegionOut>;

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const ReportSubmitBody = z
  .object({
    type: ReportType,
    regionCode: z.preprocess(blankToNull, RegionCode.nullish()),
    address: z.string().trim().max(200, '地址不超过 200 字').default(''),
    lon: z.number().nullish(),
    lat: z.number().nullish(),
    description: z.string().trim().min(1, '描述不能为空').max(2000, '描述不超过 2000 字'),
    contactName: z.preprocess(blankToNull, z.string().trim().max(50, '姓名不超过 50 字').nullish()),
    contactPhone: z.preprocess(blankToNull, z.string().trim().regex(/^\+?[0-9][0-9 -]{4,19}$/, '电话号码格式不正确').nullish()),
    challenge: z.string().min(1, '缺少人机验证').max(300),
    nonce: z.string().regex(/^\d{1,16}$/, '人机验证未完成'),
  })
  .superRefine((b, ctx) => {
    const hasPoint = b.lon != null || b.lat != null;
    if (hasPoint && (b.lon == null || b.lat == null)) ctx.addIssue({ code: 'custom', path: [b.lon == null ? 'lon' : 'lat'], message: '经度和纬度须同时填写' });
    else if (hasPoint && !isInGanzhou(b.lon!, b.lat!)) {
      const { minLon, maxLon, minLat, maxLat } = GANZHOU_BOUNDS;
      ctx.addIssue({ code: 'custom', path: ['lon'], message: `位置不在赣州市范围内（经度 ${minLon}–${maxLon}，纬度 ${minLat}–${maxLat}）` });
    }
    if (!hasPoint && !b.regionCode && !b.address) ctx.addIssue({ code: 'custom', path: ['address'], message: '请选择县（市、区），或填写地址，或填写位置坐标' });
  });
export type ReportSubmitBody = z.infer<typeof ReportSubmitBody>;

export const SubmittedOut = z.object({ trackingNo: z.string(), token: z.string(), submittedAt: z.date() });
export type SubmittedOut = z.infer<typeof SubmittedOut>;

export const TrackingParams = z.object({ trackingNo: z.string().regex(TRACKING_NO_PATTERN, '受理编号格式应如 GZ20261124-0007') });
export const TrackingPhotoParams = TrackingParams.extend({ photoId: Id });
export const TokenHeaders = z.object({ [REPORT_TOKEN_HEADER]: z.string().min(1, '缺少访问码').max(64) });
export const PhotoQuery = z.object({ fileName: z.string().min(1).max(255) });
export const PhotoOut = z.object({ id: z.number().int(), fileName: z.string(), mediaType: z.string(), size: z.number().int() });
export type PhotoOut = z.infer<typeof PhotoOut>;

/** What the reporter (anyone with the link) sees: no contact details, no internal notes, no assignee. */
export const TrackedReportOut = z.object({
  trackingNo: z.string(),
  type: ReportType,
  status: ReportStatus,
  regionCode: z.string().nullable(),
  address: z.string(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  description: z.string(),
  submittedAt: z.date(),
  updatedAt: z.date(),
  replies: z.array(z.object({ action: z.string(), comment: z.string().nullable(), at: z.date() })),
  photos: z.array(PhotoOut.pick({ id: true, fileName: true })),
});
export type TrackedReportOut = z.infer<typeof TrackedReportOut>;

export const ReportListQuery = z.object({
  status: ReportStatus.optional(),
  type: ReportType.optional(),
  regionCode: RegionCode.optional(),
});
export type ReportListQuery = z.infer<typeof ReportListQuery>;

export const ReportRowOut = z.object({
  id: z.number().int(),
  trackingNo: z.string(),
  type: ReportType,
  status: ReportStatus,
  regionCode: z.string().nullable(),
  address: z.string(),
  description: z.string(),
  assignedDepartmentId: z.number().int().nullable(),
  assignedRegionCode: z.string().nullable(),
  submittedAt: z.date(),
  updatedAt: z.date(),
});
export type ReportRowOut = z.infer<typeof ReportRowOut>;

export const ReportEventOut = z.object({
  id: z.number().int(),
  action: z.string(),
  comment: z.string().nullable(),
  visibleToReporter: z.boolean(),
  actorName: z.string().nullable(),
  at: z.date(),
});

/** What a handler of the report sees: the contact, the history with internal notes, the original photos. */
export const ReportDetailOut = ReportRowOut.extend({
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  events: z.array(ReportEventOut),
  photos: z.array(PhotoOut),
  /** What this user may do now (the UI shows only these; the server decides). */
  actions: z.array(z.enum(REPORT_ACTIONS)),
});
export type ReportDetailOut = z.infer<typeof ReportDetailOut>;

export const ReportIdParams = z.object({ id: Id });
export const ReportPhotoParams = z.object({ id: Id, photoId: Id });

export const ReportActionBody = z
  .object({
    action: z.enum(REPORT_ACTIONS),
    comment: z.string().trim().max(2000, '意见不超过 2000 字').default(''),
    departmentId: Id.nullish(),
    regionCode: RegionCode.nullish(),
  })
  .superRefine((b, ctx) => {
    if (b.action === 'assign' && !b.departmentId && !b.regionCode) ctx.addIssue({ code: 'custom', path: ['departmentId'], message: '交办须选择部门或县（市、区）' });
  });
export type ReportActionBody = z.infer<typeof ReportActionBody>;

import { z } from 'zod';
import { COMMITMENT_ACTIONS, COMMITMENT_KINDS, COMMITMENT_PROGRESS, COMMITMENT_STATUSES, PUBLIC_COMMITMENT_KINDS } from '../../domain/public/commitment';

/**
 * 自愿承诺 API (issue #10 item 3), shared with the web app and the public site.
 * - The public: GET /commitments (published only, filters), GET /commitments/:id with its updates; an organisation
 *   or a person commits with POST /commitments and a solved challenge (GET /reports/challenge) → the id and a
 *   private token; progress with POST /commitments/:id/updates and the token in `x-commitment-token`.
 * - An enterprise user: /my-commitments (its enterprise's, any status), commits (pending until reviewed), updates.
 * - The steering office and admin: /managed-commitments, approve / reject / hide with a reason.
 */
export const COMMITMENT_TOKEN_HEADER = 'x-commitment-token';

const Id = z.coerce.number().int().positive().max(2_147_483_647);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-mm-dd');
const Num = z.number({ message: '请填写数值' }).finite();
export const CommitmentKind = z.enum(COMMITMENT_KINDS);
export const CommitmentStatus = z.enum(COMMITMENT_STATUSES);
export const CommitmentProgress = z.enum(COMMITMENT_PROGRESS);

/** What every commitment says: what, by when, measured how (indicator with unit, from baseline to target). */
const CommitmentFields = z.object({
  title: z.string().trim().min(1, '承诺事项不能为空').max(100, '承诺事项不超过 100 字'),
  content: z.string().trim().min(1, '承诺内容不能为空').max(2000, '承诺内容不超过 2000 字'),
  indicator: z.string().trim().min(1, '请填写衡量指标').max(60, '衡量指标不超过 60 字'),
  unit: z.string().trim().min(1, '请填写指标单位').max(20, '单位不超过 20 字'),
  baselineValue: Num,
  targetValue: Num,
  dueDate: IsoDate,
});

const checkTarget = (b: { baselineValue: number; targetValue: number }, ctx: z.RefinementCtx) => {
  if (b.baselineValue === b.targetValue) ctx.addIssue({ code: 'custom', path: ['targetValue'], message: '目标值应与基准值不同' });
};

export const EnterpriseCommitmentBody = CommitmentFields.superRefine(checkTarget);
export type EnterpriseCommitmentBody = z.infer<typeof EnterpriseCommitmentBody>;

export const PublicCommitmentBody = CommitmentFields.extend({
  kind: z.enum(PUBLIC_COMMITMENT_KINDS),
  committerName: z.string().trim().min(1, '请填写承诺单位或个人名称').max(60, '名称不超过 60 字'),
  regionCode: z.string().trim().min(1, '请选择县（市、区）').max(12),
  challenge: z.string().min(1, '缺少人机验证').max(300),
  nonce: z.string().regex(/^\d{1,16}$/, '人机验证未完成'),
}).superRefine(checkTarget);
export type PublicCommitmentBody = z.infer<typeof PublicCommitmentBody>;

export const CommitmentUpdateBody = z.object({
  value: Num,
  asOf: IsoDate,
  note: z.string().trim().max(500, '说明不超过 500 字').default(''),
});
export type CommitmentUpdateBody = z.infer<typeof CommitmentUpdateBody>;

export const CommitmentActionBody = z
  .object({ action: z.enum(COMMITMENT_ACTIONS), reason: z.string().trim().max(500, '理由不超过 500 字').default('') })
  .superRefine((b, ctx) => {
    if (b.action !== 'approve' && !b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '请填写理由' });
  });
export type CommitmentActionBody = z.infer<typeof CommitmentActionBody>;

export const CommitmentIdParams = z.object({ id: Id });
export const CommitmentTokenHeaders = z.object({ [COMMITMENT_TOKEN_HEADER]: z.string().min(1, '缺少访问码').max(64) });

export const PublicCommitmentQuery = z.object({
  kind: CommitmentKind.optional(),
  regionCode: z.string().trim().max(12).optional(),
  progress: CommitmentProgress.optional(),
});
export type PublicCommitmentQuery = z.infer<typeof PublicCommitmentQuery>;
export const ManagedCommitmentQuery = z.object({ status: CommitmentStatus.optional() });

export const CommitmentUpdateOut = z.object({ id: z.number().int(), value: z.number(), asOf: z.string(), note: z.string(), at: z.date() });

/** What the public sees of a commitment: no token, no source, no reviewer. */
export const CommitmentOut = z.object({
  id: z.number().int(),
  kind: CommitmentKind,
  committerName: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  indicator: z.string(),
  unit: z.string(),
  baselineValue: z.number().nullable(),
  targetValue: z.number(),
  dueDate: z.string(),
  createdAt: z.date(),
  latest: z.object({ value: z.number(), asOf: z.string() }).nullable(),
  progress: CommitmentProgress,
  /** 0–1 of the way from baseline to target, null without an update. */
  share: z.number().nullable(),
});
export type CommitmentOut = z.infer<typeof CommitmentOut>;
export const CommitmentDetailOut = CommitmentOut.extend({ updates: z.array(CommitmentUpdateOut) });
export type CommitmentDetailOut = z.infer<typeof CommitmentDetailOut>;

/** The staff's and the enterprise's view adds the review. */
export const ManagedCommitmentOut = CommitmentDetailOut.extend({
  status: CommitmentStatus,
  enterpriseId: z.number().int().nullable(),
  reviewComment: z.string().nullable(),
  reviewedAt: z.date().nullable(),
});
export type ManagedCommitmentOut = z.infer<typeof ManagedCommitmentOut>;

export const CommitmentCreatedOut = z.object({ id: z.number().int(), status: CommitmentStatus, token: z.string().nullable() });

import { z } from 'zod';
import { CAMPAIGN_TYPES, NEWS_KINDS } from '../../domain/public/news';

/**
 * News and campaigns API (issue #10 item 4): the public reads published items (/news, /news/:id, /news/feed.atom);
 * the steering office and admin write drafts, publish and unpublish (/managed-news). Bodies are plain text.
 */
const Id = z.coerce.number().int().positive().max(2_147_483_647);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-mm-dd');
export const NewsKind = z.enum(NEWS_KINDS);
export const CampaignType = z.enum(CAMPAIGN_TYPES);

export const NewsBody = z
  .object({
    kind: NewsKind,
    campaign: CampaignType.nullish(),
    title: z.string().trim().min(1, '标题不能为空').max(120, '标题不超过 120 字'),
    body: z.string().trim().min(1, '正文不能为空').max(20_000, '正文不超过 20000 字'),
    startDate: IsoDate.nullish(),
    endDate: IsoDate.nullish(),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'campaign') {
      if (!b.campaign) ctx.addIssue({ code: 'custom', path: ['campaign'], message: '请选择活动类型' });
      if (!b.startDate) ctx.addIssue({ code: 'custom', path: ['startDate'], message: '活动须有开始日期' });
    }
    if (b.startDate && b.endDate && b.endDate < b.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
  });
export type NewsBody = z.infer<typeof NewsBody>;

export const NewsIdParams = z.object({ id: Id });
export const PublicNewsQuery = z.object({ kind: NewsKind.optional() });

export const NewsOut = z.object({
  id: z.number().int(),
  kind: NewsKind,
  campaign: CampaignType.nullable(),
  title: z.string(),
  body: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  publishedAt: z.date().nullable(),
  updatedAt: z.date(),
});
export type NewsOut = z.infer<typeof NewsOut>;
/** A list row: the body cut to an excerpt; campaigns say whether they are upcoming, ongoing or past. */
export const NewsRowOut = NewsOut.omit({ body: true }).extend({ excerpt: z.string(), timing: z.enum(['upcoming', 'ongoing', 'past']).nullable() });
export type NewsRowOut = z.infer<typeof NewsRowOut>;

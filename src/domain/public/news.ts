/**
 * News and campaign events of the steering office (issue #10 item 4). The plan's campaigns (chapter 五（三）):
 * 节能宣传周, 全国低碳日, 世界环境日, 生态文明宣传月. Bodies are plain text; paragraphs are separated by blank lines.
 */
export const NEWS_KINDS = ['news', 'campaign'] as const;
export type NewsKind = (typeof NEWS_KINDS)[number];
export const CAMPAIGN_TYPES = ['energy-week', 'low-carbon-day', 'environment-day', 'eco-civilisation-month', 'other'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

/** Paragraphs of a plain-text body: split at blank lines, lines inside a paragraph kept, empty ones dropped. */
export function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The first characters of a body for a list or a feed summary, cut at a character boundary. */
export function excerptOf(body: string, maxChars = 140): string {
  const flat = paragraphsOf(body).join(' ').replace(/\s+/g, ' ');
  const chars = Array.from(flat);
  return chars.length <= maxChars ? flat : `${chars.slice(0, maxChars).join('')}…`;
}

export type CampaignTiming = 'upcoming' | 'ongoing' | 'past';

/** Where a campaign is in time on `today` (yyyy-mm-dd); a campaign without an end lasts its start day. */
export function campaignTiming(startDate: string | null, endDate: string | null, today: string): CampaignTiming | null {
  if (!startDate) return null;
  const end = endDate ?? startDate;
  if (today < startDate) return 'upcoming';
  return today <= end ? 'ongoing' : 'past';
}

type Listed = { kind: string; startDate: string | null; endDate: string | null; publishedAt: Date };

/**
 * The public list's order: ongoing campaigns, then upcoming ones (soonest first), then everything else by
 * publication, newest first.
 */
export function orderPublicNews<T extends Listed>(items: T[], today: string): T[] {
  const rank = (i: T) => {
    const timing = i.kind === 'campaign' ? campaignTiming(i.startDate, i.endDate, today) : null;
    return timing === 'ongoing' ? 0 : timing === 'upcoming' ? 1 : 2;
  };
  return [...items].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    if (rank(a) === 1) return (a.startDate ?? '').localeCompare(b.startDate ?? '');
    return b.publishedAt.getTime() - a.publishedAt.getTime();
  });
}

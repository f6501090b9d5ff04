import { withQuery } from '../../api/client';

/**
 * 订阅日历: the secret address a calendar app polls (no cookie: the token in the path is the credential).
 * `origin` is the site as the user reached it (`location.origin`), so the address works from their network.
 */
export function feedUrl(origin: string, token: string, plan: string): string {
  return `${origin.replace(/\/+$/, '')}${withQuery(`/api/reporting/calendar/feed/${encodeURIComponent(token)}`, { plan })}`;
}

/** The one-off download of a year's calendar (.ics), with the session cookie. */
export function icsUrl(plan: string, year: number): string {
  return withQuery('/api/reporting/calendar.ics', { plan, year });
}

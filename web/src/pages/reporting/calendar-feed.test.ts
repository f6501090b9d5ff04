import { describe, expect, it } from 'vitest';
import { feedUrl, icsUrl } from './calendar-feed';

describe('calendar feed addresses', () => {
  it('puts the token in the path and the plan in the query, on the site the user is on', () => {
    const token = 'a'.repeat(40) + '_-9';
    expect(feedUrl('https://jnjp.ganzhou.gov.cn', token, 'ganzhou-14th-fyp')).toBe(`https://jnjp.ganzhou.gov.cn/api/reporting/calendar/feed/${token}?plan=ganzhou-14th-fyp`);
  });
  it('keeps a port and drops a trailing slash of the origin', () => {
    expect(feedUrl('http://127.0.0.1:5173/', 'tok', 'p')).toBe('http://127.0.0.1:5173/api/reporting/calendar/feed/tok?plan=p');
  });
  it('escapes what would break the address', () => {
    expect(feedUrl('http://x', 'a/b', 'p q')).toBe('http://x/api/reporting/calendar/feed/a%2Fb?plan=p+q');
  });
  it('downloads a year as .ics', () => {
    expect(icsUrl('ganzhou-14th-fyp', 2025)).toBe('/api/reporting/calendar.ics?plan=ganzhou-14th-fyp&year=2025');
  });
});

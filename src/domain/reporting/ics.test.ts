import { describe, expect, it } from 'vitest';
import { foldLine, toICalendar } from './ics';

describe('iCalendar (RFC 5545)', () => {
  it('writes all-day events with escaped text and CRLF lines', () => {
    const ics = toICalendar('赣州市节能减排报送', [{ uid: 'task-1-2025-Q1-360702@ecer', date: '2025-04-10', summary: '报送 2.1.1, 2025-Q1', description: '第一行\n第二行; 完' }], new Date('2026-11-24T05:00:00Z'));
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('DTSTART;VALUE=DATE:20250410\r\nDTEND;VALUE=DATE:20250411\r\n');
    expect(ics).toContain('SUMMARY:报送 2.1.1\\, 2025-Q1');
    expect(ics).toContain('DESCRIPTION:第一行\\n第二行\\; 完');
    expect(ics).toContain('DTSTAMP:20261124T050000Z');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('folds long lines at 75 octets without splitting a Chinese character', () => {
    const folded = foldLine(`SUMMARY:${'节能减排'.repeat(20)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'节能减排'.repeat(20)}`);
  });
});

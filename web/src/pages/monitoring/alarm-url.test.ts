import { describe, expect, it } from 'vitest';
import { alarmViewOf, withAlarmView } from './alarm-url';

describe('alarm centre filters in the address', () => {
  it('round-trips every filter and keeps the tab', () => {
    const v = { status: 'acknowledged', kind: 'exceedance', regionCode: '360702', stationId: 12, range: ['2026-11-01', '2026-11-20'] } as const;
    const p = withAlarmView(new URLSearchParams('tab=alarms'), v);
    expect(p.get('tab')).toBe('alarms');
    expect(alarmViewOf(p)).toEqual(v);
  });

  it('ignores unknown or malformed values instead of failing', () => {
    expect(alarmViewOf(new URLSearchParams('status=nope&kind=x&station=-3&from=2026-13&to=2026-11-01'))).toEqual({
      status: undefined,
      kind: undefined,
      regionCode: undefined,
      stationId: undefined,
      range: null,
    });
    expect(alarmViewOf(new URLSearchParams('from=2026-11-20&to=2026-11-01')).range).toBeNull();
  });

  it('drops a filter that is cleared', () => {
    const p = withAlarmView(new URLSearchParams('tab=alarms&status=new&station=4'), { range: null });
    expect(p.toString()).toBe('tab=alarms');
  });
});

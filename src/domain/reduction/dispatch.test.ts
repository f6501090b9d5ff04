import { describe, expect, it } from 'vitest';
import { dispatchDueDate, isDispatchOverdue } from './dispatch';
import type { ReductionRules } from './model';

const rules = { dispatchDueDay: 10 } as ReductionRules;

describe('dispatch due dates (reduction.md §6)', () => {
  it('a month is due on the rules\' day of the next month', () => {
    expect([dispatchDueDate('2025-03', rules), dispatchDueDate('2025-12', rules)]).toEqual(['2025-04-10', '2026-01-10']);
  });

  it('is overdue only after the due date, when not submitted and the project is still chased', () => {
    const a = { month: '2025-03', submitted: false, projectStatus: 'under-construction' as const };
    expect(isDispatchOverdue({ ...a, today: '2025-04-10' }, rules)).toBe(false);
    expect(isDispatchOverdue({ ...a, today: '2025-04-11' }, rules)).toBe(true);
    expect(isDispatchOverdue({ ...a, today: '2025-04-11', submitted: true }, rules)).toBe(false);
    expect(isDispatchOverdue({ ...a, today: '2025-04-11', projectStatus: 'stopped' }, rules)).toBe(false);
    expect(isDispatchOverdue({ ...a, today: '2025-04-11', projectStatus: 'verified' }, rules)).toBe(false);
    expect(isDispatchOverdue({ ...a, today: '2025-04-11', projectStatus: null }, rules)).toBe(true);
  });
});

import type { Actor } from '../access';

/**
 * 节能监察 (issue #11, plan 四（五）): who inspects, the 整改通知书's number, default deadline and overdue state.
 * Pure rules; dates are Beijing calendar days (YYYY-MM-DD), passed in by the caller.
 */

export const SEVERITIES = ['minor', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const ORDER_STATUSES = ['issued', 'answered', 'closed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Who plans and runs inspections and issues orders: the city roles, users of the inspector departments (reference
 * `inspectorDepartments`: 市发改委、市工信局, plan 四（五）), and a county for its own enterprises (县级节能监察).
 * `regionCode` null asks whether the actor inspects anywhere at all.
 */
export function canInspect(actor: Actor, inspectorDepartmentIds: readonly number[], regionCode: string | null): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  if (actor.role === 'admin' || actor.role === 'steering') return true;
  if (actor.role === 'department') return actor.departmentId !== null && inspectorDepartmentIds.includes(actor.departmentId);
  if (actor.role === 'county') return actor.regionCode !== null && (regionCode === null || actor.regionCode === regionCode);
  return false;
}

/** The date `days` calendar days after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Default 整改期限: the issue date plus the reference days of the worst severity among the findings ordered on. */
export function defaultDeadline(issuedOn: string, severities: readonly Severity[], days: Record<Severity, number>): string {
  return addDays(issuedOn, severities.includes('major') ? days.major : days.minor);
}

/**
 * Overdue: still waiting for the enterprise (issued, or returned to it) after the deadline day. An answered order
 * waits for the inspectors, not the enterprise, and a closed one is done; neither is overdue.
 */
export function isOverdue(order: { status: OrderStatus; deadline: string }, today: string): boolean {
  return order.status === 'issued' && today > order.deadline;
}

/**
 * The short name an issuing body puts before 节监整: 赣 for the city, a county's name without its 区/县/市 suffix
 * (章贡区 → 章贡, 赣县区 → 赣县, 瑞金市 → 瑞金), so that each region's numbers never collide.
 */
export function issuerPrefix(region: { kind: string; name: string }): string {
  if (region.kind === 'city') return '赣';
  return region.name.length > 2 ? region.name.replace(/[区县市]$/, '') : region.name;
}

/** 赣节监整〔2026〕12号: prefix, year in 六角括号, the sequence of the year for that issuer. */
export function orderNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}节监整〔${year}〕${seq}号`;
}

/** The next sequence of an issuer's year, from the numbers it has already given (gaps are not refilled). */
export function nextOrderSeq(prefix: string, year: number, existing: readonly string[]): number {
  const head = `${prefix}节监整〔${year}〕`;
  let max = 0;
  for (const no of existing) {
    if (!no.startsWith(head) || !no.endsWith('号')) continue;
    const n = Number(no.slice(head.length, -1));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return max + 1;
}

import type { Actor } from '../access';

/**
 * Who an actor is for the expert pool and training (issue #11 item 3; plan 四（五）): `manager` keeps the pool and the
 * training (the city roles, and the users of the reference's capacityDepartments: 市发改委、市人社局); `inspector`
 * (inspectorDepartments: 市发改委、市工信局) assigns experts and records attendance at its own department's events;
 * `county` reads its region's experts and records its own people's attendance; `enterprise` reads its own energy
 * manager's record; anyone else `none`.
 */
export type CapacityRole = 'manager' | 'inspector' | 'county' | 'enterprise' | 'none';

export type CapacityDepartments = { capacityDepartments: readonly string[]; inspectorDepartments: readonly string[] };

/** The capacity role of an actor whose department (if any) has the code `departmentCode`. */
export function capacityRoleOf(actor: Actor, departmentCode: string | null, rules: CapacityDepartments): CapacityRole {
  if (actor.kind === 'system') return 'manager';
  if (actor.kind !== 'user') return 'none';
  if (actor.role === 'admin' || actor.role === 'steering') return 'manager';
  if (actor.role === 'department') {
    if (departmentCode && rules.capacityDepartments.includes(departmentCode)) return 'manager';
    if (departmentCode && rules.inspectorDepartments.includes(departmentCode)) return 'inspector';
    return 'none';
  }
  if (actor.role === 'county') return actor.regionCode ? 'county' : 'none';
  if (actor.role === 'enterprise') return actor.enterpriseId ? 'enterprise' : 'none';
  return 'none';
}

/** Personal data (an expert's or an energy manager's phone) goes to the managers only. */
export const seesPersonalData = (role: CapacityRole): boolean => role === 'manager';

/** Managers and inspectors assign experts to reviews. */
export const canAssignExperts = (role: CapacityRole): boolean => role === 'manager' || role === 'inspector';

/**
 * Attendance at an event: a manager at any event, an inspector department at its own department's events, a county
 * for people of its own region (its users, its enterprises' energy managers).
 */
export function canRecordAttendance(
  role: CapacityRole,
  actor: Actor,
  event: { organiserDepartmentId: number | null },
  attendeeRegionCode: string | null,
): boolean {
  if (role === 'manager') return true;
  if (actor.kind !== 'user') return false;
  if (role === 'inspector') return event.organiserDepartmentId !== null && event.organiserDepartmentId === actor.departmentId;
  if (role === 'county') return attendeeRegionCode !== null && attendeeRegionCode === actor.regionCode;
  return false;
}

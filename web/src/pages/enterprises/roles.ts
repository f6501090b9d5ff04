import type { Me } from '../auth/queries';

type Who = Pick<Me, 'role' | 'regionCode'>;

/** The city (the steering office or an admin): all enterprises, the second review. */
export const isCity = (me: Who) => me.role === 'admin' || me.role === 'steering';

/** Who registers enterprises: the city anywhere, a county in its own region. */
export const canCreateEnterprise = (me: Who) => isCity(me) || (me.role === 'county' && me.regionCode !== null);

/** Who files reports and product lines: the enterprise itself, its county, the city (departments only read). */
export const canFile = (me: Who) => me.role !== 'department';

/** Who keeps the 两高一低 inventory: the city, and a county for its own region. */
export const canEditProjects = canCreateEnterprise;

/**
 * The review a user may give a report now: the enterprise's county first (待县级审核), then the city (待市级审核).
 * The server also refuses one's own report; this only hides buttons nobody could use.
 */
export function reviewStageFor(me: Who, report: { status: string }, enterprise: { regionCode: string } | null): 'county' | 'city' | null {
  if (report.status === 'submitted' && me.role === 'county' && enterprise !== null && me.regionCode === enterprise.regionCode) return 'county';
  if (report.status === 'county-approved' && isCity(me)) return 'city';
  return null;
}

import type { Me } from '../auth/queries';

type Who = Pick<Me, 'role' | 'regionCode'>;

/** The city: admins and the steering office (目标分解, every region). */
export const isCity = (me: Who) => me.role === 'admin' || me.role === 'steering';

/** Who registers and edits projects: a county in its own region, the city anywhere (the server checks the region). */
export const canEditProjects = (me: Who) => isCity(me) || (me.role === 'county' && me.regionCode !== null);
export const canEditProject = (me: Who, p: { regionCode: string }) => isCity(me) || (me.role === 'county' && me.regionCode === p.regionCode);

/** Who files a project's monthly dispatch: its county (and an admin standing in). */
export const canDispatch = (me: Who, p: { regionCode: string; registered: boolean }) => p.registered && (me.role === 'admin' || (me.role === 'county' && me.regionCode === p.regionCode));

/** Who may verify (核查): the city and the bureau's department users; the server narrows departments to the bureau and refuses one's own filing. */
export const mayVerify = (me: Who) => isCity(me) || me.role === 'department';

/** Who sets the allocations: the city; a county sees its own share, a department reads them all. */
export const allocationMode = (me: Who): 'edit' | 'own' | 'read' => (isCity(me) ? 'edit' : me.role === 'county' ? 'own' : 'read');

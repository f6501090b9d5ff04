import type { Actor } from '../access';

/**
 * Who may do what with public institutions (plan 二（六）: 市机关事务管理中心会同有关部门负责). Managers are the city
 * roles and the users of the institution departments of the reference data (jgswzx): they manage every
 * institution and set quotas. A county manages its own county's institutions and files their use, but sets no
 * quota. Other departments read (the city-wide registry and the 节约型机关 summary); enterprises have no access.
 */
export type InstitutionRights = {
  isManager: boolean;
  /** Whether the actor may write any institution at all (a read-only department is refused before any lookup). */
  writesAny: boolean;
  readRegion: (regionCode: string) => boolean;
  writeRegion: (regionCode: string) => boolean;
};

export function institutionRights(actor: Actor, institutionDepartmentIds: readonly number[]): InstitutionRights {
  const none = { isManager: false, writesAny: false, readRegion: () => false, writeRegion: () => false };
  if (actor.kind === 'system') return { isManager: true, writesAny: true, readRegion: () => true, writeRegion: () => true };
  if (actor.kind !== 'user') return none;
  if (actor.role === 'admin' || actor.role === 'steering' || (actor.role === 'department' && actor.departmentId !== null && institutionDepartmentIds.includes(actor.departmentId)))
    return { isManager: true, writesAny: true, readRegion: () => true, writeRegion: () => true };
  if (actor.role === 'department') return { isManager: false, writesAny: false, readRegion: () => true, writeRegion: () => false };
  if (actor.role === 'county' && actor.regionCode) {
    const own = (code: string) => code === actor.regionCode;
    return { isManager: false, writesAny: true, readRegion: own, writeRegion: own };
  }
  return none;
}

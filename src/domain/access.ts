/**
 * Who may see and change what. Pure predicates over the actor and the resource's scope;
 * services call them first, and list queries also filter by `scopeOf(actor)` in the repo.
 */
export const ROLES = ['admin', 'steering', 'department', 'county', 'enterprise'] as const;
export type Role = (typeof ROLES)[number];

export type UserActor = {
  kind: 'user';
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  departmentId: number | null;
  enterpriseId: number | null;
  mustChangePassword: boolean;
};
export type Actor = UserActor | { kind: 'public' } | { kind: 'system'; name: string };

/** Who may call a route at all; finer scope checks happen in the service. */
export type RouteAccess =
  | { who: 'public' }
  /** Any logged-in user; `pendingPasswordOk` lets a user who must change the password in. */
  | { who: 'user'; pendingPasswordOk?: boolean }
  | { who: 'roles'; roles: readonly Role[] };

export const access = {
  public: { who: 'public' },
  user: { who: 'user' },
  userPendingPassword: { who: 'user', pendingPasswordOk: true },
  roles: (...roles: Role[]): RouteAccess => ({ who: 'roles', roles }),
} as const satisfies Record<string, RouteAccess | ((...r: Role[]) => RouteAccess)>;

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden' | 'password-change-required';

/** Decides whether an actor may call a route with the given rule. */
export function decideRoute(actor: Actor, rule: RouteAccess): AccessDecision {
  if (rule.who === 'public') return 'allow';
  if (actor.kind !== 'user') return 'unauthenticated';
  if (actor.mustChangePassword && !(rule.who === 'user' && rule.pendingPasswordOk)) return 'password-change-required';
  if (rule.who === 'user') return 'allow';
  return rule.roles.includes(actor.role) ? 'allow' : 'forbidden';
}

const isCityWide = (a: Actor): boolean => a.kind === 'system' || (a.kind === 'user' && (a.role === 'admin' || a.role === 'steering'));

/** Region data (energy accounts, projects, warnings): the city sees all, a county its own. */
export function canReadRegion(actor: Actor, regionCode: string): boolean {
  if (isCityWide(actor)) return true;
  if (actor.kind !== 'user') return false;
  if (actor.role === 'department') return true;
  return actor.role === 'county' && actor.regionCode === regionCode;
}

export function canWriteRegion(actor: Actor, regionCode: string): boolean {
  if (isCityWide(actor)) return true;
  return actor.kind === 'user' && actor.role === 'county' && actor.regionCode === regionCode;
}

/** Region data is approved by the city (admin or steering office), never by the one who submitted it. */
export function canReviewRegion(actor: Actor, submittedBy: number): boolean {
  return actor.kind === 'user' && (actor.role === 'admin' || actor.role === 'steering') && actor.userId !== submittedBy;
}

/** A department writes only its own tasks' and indicators' progress. */
export function canWriteDepartment(actor: Actor, departmentId: number): boolean {
  if (isCityWide(actor)) return true;
  return actor.kind === 'user' && actor.role === 'department' && actor.departmentId === departmentId;
}

export type EnterpriseScope = { id: number; regionCode: string };

export function canReadEnterprise(actor: Actor, e: EnterpriseScope): boolean {
  if (isCityWide(actor)) return true;
  if (actor.kind !== 'user') return false;
  if (actor.role === 'department') return true;
  if (actor.role === 'county') return actor.regionCode === e.regionCode;
  return actor.role === 'enterprise' && actor.enterpriseId === e.id;
}

export function canWriteEnterprise(actor: Actor, e: EnterpriseScope): boolean {
  if (isCityWide(actor)) return true;
  if (actor.kind !== 'user') return false;
  if (actor.role === 'county') return actor.regionCode === e.regionCode;
  return actor.role === 'enterprise' && actor.enterpriseId === e.id;
}

/** What slice of enterprise rows a list query may return. */
export type RowScope = { all: true } | { regionCode: string } | { enterpriseId: number } | { none: true };

export function enterpriseScopeOf(actor: Actor): RowScope {
  if (isCityWide(actor)) return { all: true };
  if (actor.kind !== 'user') return { none: true };
  if (actor.role === 'department') return { all: true };
  if (actor.role === 'county' && actor.regionCode) return { regionCode: actor.regionCode };
  if (actor.role === 'enterprise' && actor.enterpriseId) return { enterpriseId: actor.enterpriseId };
  return { none: true };
}

/**
 * Who answers for a plan item: `responsible` reviews (a task's lead departments, an indicator's
 * owners); `involved` may report (lead and cooperating departments, or the owners).
 */
export type ItemResponsibility = { responsible: readonly number[]; involved: readonly number[] };

/**
 * Reporting on an item for a region: a department reports the city-wide figure of the items it is
 * involved in; a county or zone reports for itself; the steering office for anyone.
 */
export function canSubmitReport(actor: Actor, item: ItemResponsibility, regionCode: string, cityCode: string): boolean {
  if (isCityWide(actor)) return true;
  if (actor.kind !== 'user') return false;
  if (actor.role === 'department') return regionCode === cityCode && actor.departmentId !== null && item.involved.includes(actor.departmentId);
  return actor.role === 'county' && actor.regionCode === regionCode;
}

export function canReadReport(actor: Actor, item: ItemResponsibility, regionCode: string): boolean {
  if (isCityWide(actor)) return true;
  if (actor.kind !== 'user') return false;
  if (actor.role === 'department') return actor.departmentId !== null && item.involved.includes(actor.departmentId);
  return actor.role === 'county' && actor.regionCode === regionCode;
}

/** Review by the responsible department or the steering office, never by the one who submitted. */
export function canReviewReport(actor: Actor, item: ItemResponsibility, submittedBy: number): boolean {
  if (actor.kind !== 'user' || actor.userId === submittedBy) return false;
  if (actor.role === 'admin' || actor.role === 'steering') return true;
  return actor.role === 'department' && actor.departmentId !== null && item.responsible.includes(actor.departmentId);
}

/** 重点减排工程 (reduction.md §4): whether it is still its county's draft, and where it is. */
export type ReductionProjectScope = { regionCode: string; registered: boolean };

/** A draft is its county's alone; a registered project is seen by the city, the departments and its own county. */
export function canReadReductionProject(actor: Actor, p: ReductionProjectScope): boolean {
  if (!p.registered) return actor.kind === 'user' && actor.role === 'county' && actor.regionCode === p.regionCode;
  return canReadRegion(actor, p.regionCode);
}

/** Its county edits a project and files its dispatches; the city may too once it is registered. */
export function canWriteReductionProject(actor: Actor, p: ReductionProjectScope): boolean {
  if (!p.registered) return actor.kind === 'user' && actor.role === 'county' && actor.regionCode === p.regionCode;
  return canWriteRegion(actor, p.regionCode);
}

/**
 * 核查 of a reduction dispatch: the city (admin, steering office) or the bureau, i.e. a department the plan lists on
 * the pollutant targets (Ganzhou: 市生态环境局); never the one who submitted it.
 */
export function canVerifyReduction(actor: Actor, bureauDepartmentIds: readonly number[], submittedBy: number): boolean {
  if (actor.kind !== 'user' || actor.userId === submittedBy) return false;
  if (actor.role === 'admin' || actor.role === 'steering') return true;
  return actor.role === 'department' && actor.departmentId !== null && bureauDepartmentIds.includes(actor.departmentId);
}

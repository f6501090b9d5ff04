import type { Role } from '../../../../src/domain/access';
import type { TaskStatus } from '../../../../src/modules/reporting/schemas';
import type { z } from 'zod';

/** Whose progress the dashboard shows: the whole city, one department (牵头单位), or one county or zone. */
export type Focus = { kind: 'city' } | { kind: 'department'; id: number } | { kind: 'region'; code: string };
export type FocusKind = Focus['kind'];

/** What of the signed-in user decides which dashboards they may open. */
export type Viewer = { role: Role; departmentId: number | null; regionCode: string | null };

const ALL: readonly FocusKind[] = ['city', 'department', 'region'];

/**
 * The kinds of focus a user may choose, mirroring the server's rule (GET /api/reporting/overview):
 * the steering office and admins see everything; a department the city, its own page and any county;
 * a county only itself.
 */
export function focusKinds(v: Viewer): FocusKind[] {
  if (v.role === 'admin' || v.role === 'steering') return [...ALL];
  if (v.role === 'department') return v.departmentId !== null ? [...ALL] : ['city', 'region'];
  if (v.role === 'county') return v.regionCode !== null ? ['region'] : [];
  return [];
}

/** The dashboard a user lands on: a county its own, a department its own page, everyone else the city. */
export function defaultFocus(v: Viewer): Focus | null {
  if (v.role === 'county') return v.regionCode !== null ? { kind: 'region', code: v.regionCode } : null;
  if (v.role === 'department' && v.departmentId !== null) return { kind: 'department', id: v.departmentId };
  return focusKinds(v).includes('city') ? { kind: 'city' } : null;
}

/** The dashboard shown for what the address asks: that one if the user may open it, else their default. */
export function resolveFocus(v: Viewer, asked: Focus | null): Focus | null {
  if (!asked || !focusKinds(v).includes(asked.kind)) return defaultFocus(v);
  if (v.role === 'county' && (asked.kind !== 'region' || asked.code !== v.regionCode)) return defaultFocus(v);
  if (v.role === 'department' && asked.kind === 'department' && asked.id !== v.departmentId) return defaultFocus(v);
  return asked;
}

/**
 * The focus after picking a kind in the selector: the user's own department or county where they have one,
 * else the first in the list; null when there is nothing to pick.
 */
export function focusOfKind(kind: FocusKind, v: Viewer, firstDepartmentId: number | undefined, firstRegionCode: string | undefined): Focus | null {
  if (kind === 'city') return { kind: 'city' };
  if (kind === 'department') {
    const id = v.role === 'department' ? v.departmentId : firstDepartmentId;
    return id != null ? { kind: 'department', id } : null;
  }
  const code = v.role === 'county' ? v.regionCode : firstRegionCode;
  return code != null ? { kind: 'region', code } : null;
}

/** The focus as one address parameter: `city`, `department:12`, `region:360702`. */
export function focusParam(f: Focus): string {
  return f.kind === 'city' ? 'city' : f.kind === 'department' ? `department:${f.id}` : `region:${f.code}`;
}

/** Reads `focus=` back; null for anything malformed. */
export function parseFocus(s: string | null): Focus | null {
  if (s === 'city') return { kind: 'city' };
  const dep = /^department:([1-9]\d{0,9})$/.exec(s ?? '');
  if (dep) return { kind: 'department', id: Number(dep[1]) };
  const region = /^region:(\d{6}|[A-Z]{2,12})$/.exec(s ?? '');
  if (region) return { kind: 'region', code: region[1]! };
  return null;
}

/** The query of GET /api/reporting/overview for a focus. */
export function focusQuery(f: Focus): { department?: number; region?: string } {
  return f.kind === 'department' ? { department: f.id } : f.kind === 'region' ? { region: f.code } : {};
}

/** The county map is the city's view, for those who may read it (GET /api/reporting/region-map). */
export function showsRegionMap(v: Viewer, f: Focus): boolean {
  return f.kind === 'city' && (v.role === 'admin' || v.role === 'steering' || v.role === 'department');
}

type TaskState = z.infer<typeof TaskStatus>;
const TASK_COLORS: Record<TaskState, string> = { completed: 'green', 'on-track': 'blue', delayed: 'red', 'not-started': 'default' };

/** The AntD tag colour of a task's reported state. */
export function taskStatusColor(s: TaskState): string {
  return TASK_COLORS[s];
}

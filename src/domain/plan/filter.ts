import type { IndicatorNode, Placement, PlanTree, TaskNode } from './model';

export type PlanFilter = {
  /** Department id: tasks it leads or cooperates on, indicators it owns. */
  departmentId?: number;
  /** Region code: tasks it implements (all, when the plan says every region implements every task). */
  regionCode?: string;
  /** With regionCode: only the tasks that name the region. */
  onlyNamed?: boolean;
  /** Chinese text: every whitespace-separated term must occur (substring match; Chinese has no word spaces). */
  q?: string;
};

export type FoundTask = TaskNode & Placement & { role: 'lead' | 'cooperating' | null };
export type FoundIndicator = IndicatorNode & Placement;

const terms = (q: string | undefined) => (q ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
const matchesAll = (haystack: string, ts: string[]) => ts.every((t) => haystack.includes(t));

/** Tasks and indicators of a plan that pass the filter, in plan order, with where they sit. */
export function filterPlan(tree: PlanTree, f: PlanFilter): { tasks: FoundTask[]; indicators: FoundIndicator[] } {
  const ts = terms(f.q);
  const tasks: FoundTask[] = [];
  const indicators: FoundIndicator[] = [];
  for (const c of tree.chapters) {
    for (const s of c.sections) {
      const at: Placement = { chapterNo: c.no, chapterTitle: c.title, sectionNo: s.no, sectionTitle: s.title, isKeyProject: s.isKeyProject };
      for (const t of s.tasks) {
        const role = t.lead.some((d) => d.id === f.departmentId) ? 'lead' : t.cooperating.some((d) => d.id === f.departmentId) ? 'cooperating' : null;
        if (f.departmentId !== undefined && !role) continue;
        if (f.regionCode !== undefined) {
          const named = t.namedRegions.includes(f.regionCode);
          if (!named && (f.onlyNamed || !tree.allRegionsImplement)) continue;
        }
        if (ts.length && !matchesAll(`${s.title} ${t.text}`.toLowerCase(), ts)) continue;
        tasks.push({ ...t, ...at, role });
      }
      for (const x of s.indicators) {
        if (f.departmentId !== undefined && !x.departments.some((d) => d.id === f.departmentId)) continue;
        if (f.regionCode !== undefined && f.onlyNamed) continue; // indicators are city-wide; none names a county
        if (ts.length && !matchesAll(`${s.title} ${x.name} ${x.quote}`.toLowerCase(), ts)) continue;
        indicators.push({ ...x, ...at });
      }
    }
  }
  return { tasks, indicators };
}

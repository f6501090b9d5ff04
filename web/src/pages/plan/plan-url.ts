import type { PlanFilters } from './queries';

/** The plan browser's filters as they sit in the URL (?department=&region=&onlyNamed=&q=). */
export function filtersFromParams(params: URLSearchParams): PlanFilters {
  const department = Number(params.get('department'));
  const region = params.get('region') ?? '';
  const q = (params.get('q') ?? '').trim();
  return {
    department: Number.isInteger(department) && department > 0 ? department : undefined,
    region: region || undefined,
    onlyNamed: params.get('onlyNamed') === 'true' ? true : undefined,
    q: q || undefined,
  };
}

export function filtersToParams(filters: PlanFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.department) params.set('department', String(filters.department));
  if (filters.region) params.set('region', filters.region);
  if (filters.onlyNamed) params.set('onlyNamed', 'true');
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  return params;
}

/** Any filter set means “show search results” instead of one section. */
export function hasFilters(f: PlanFilters): boolean {
  return f.department !== undefined || f.region !== undefined || f.onlyNamed === true || (f.q ?? '') !== '';
}

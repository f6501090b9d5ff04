import type { ApiError } from '../../api/client';
import { pointerToPath } from '../../components/form-errors';
import type { CarrierOption } from './reference';

/** What the report form holds (AntD gives undefined for an empty input). */
export type ReportFormValues = {
  lines?: Array<{ carrier?: string; quantity?: number | null; measuredLhvKj?: number | null } | undefined>;
  products?: Array<{ product?: string; output?: number | null; unit?: string; energyTce?: number | null } | undefined>;
  savingProjects?: Array<{ name?: string; investment?: number | null; savingTce?: number | null; status?: 'planned' | 'in-progress' | 'completed' } | undefined>;
  changeReason?: string;
  correctionReason?: string;
};

export type ReportLineBody = { carrier: string; quantity: number; unit: string; measuredLhvKj: number | null };
export type ReportFormBody = {
  year: number;
  lines: ReportLineBody[];
  products: Array<{ product: string; output: number; unit: string; energyTce: number | null }>;
  savingProjects: Array<{ name: string; investment: number; savingTce: number; status: 'planned' | 'in-progress' | 'completed' }>;
  changeReason: string | null;
  correctionReason: string | null;
};

const text = (s: string | undefined) => (s?.trim() ? s.trim() : null);
const num = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? n : null);

/**
 * The body of `POST /api/enterprises/:id/reports` from the form: each line in its carrier's usual unit (万kWh for
 * electricity…), empty rows dropped, blanks as null. The server checks the rest and points at what is wrong.
 */
export function toReportBody(year: number, v: ReportFormValues, carriers: readonly CarrierOption[]): ReportFormBody {
  const unitOf = new Map(carriers.map((c) => [c.code, c.unit]));
  return {
    year,
    lines: (v.lines ?? []).flatMap((l) =>
      l?.carrier ? [{ carrier: l.carrier, quantity: num(l.quantity) ?? 0, unit: unitOf.get(l.carrier) ?? 't', measuredLhvKj: num(l.measuredLhvKj) }] : [],
    ),
    products: (v.products ?? []).flatMap((p) => (text(p?.product) ? [{ product: text(p?.product)!, output: num(p?.output) ?? 0, unit: text(p?.unit) ?? '—', energyTce: num(p?.energyTce) }] : [])),
    savingProjects: (v.savingProjects ?? []).flatMap((p) =>
      text(p?.name) ? [{ name: text(p?.name)!, investment: num(p?.investment) ?? 0, savingTce: num(p?.savingTce) ?? 0, status: p?.status ?? 'planned' }] : [],
    ),
    changeReason: text(v.changeReason),
    correctionReason: text(v.correctionReason),
  };
}

/** A form field as AntD names it: `['lines', 0, 'quantity']` or `'changeReason'`. */
export type FieldName = string | Array<string | number>;

/**
 * A problem's `errors` as `form.setFields` entries, nested paths included (`#/lines/1/unit` → `['lines', 1, 'unit']`);
 * a pointer at a field the form lacks (the unit, chosen for the user) falls back to the nearest one it has.
 */
export function problemToPaths(error: ApiError, has: (path: Array<string | number>) => boolean): Array<{ name: Array<string | number>; errors: string[] }> {
  const out: Array<{ name: Array<string | number>; errors: string[] }> = [];
  for (const e of error.errors) {
    const path: Array<string | number> = (e.pointer ? pointerToPath(e.pointer) : (e.field?.split('.') ?? [])).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    while (path.length && !has(path)) path.pop();
    if (path.length) out.push({ name: path, errors: [e.detail || error.title] });
  }
  return out;
}

/** The report-line fields the form shows (the unit follows the carrier): where a line's error lands. */
export const LINE_FIELDS = ['carrier', 'quantity', 'measuredLhvKj'] as const;
const LIST_FIELDS: Record<string, readonly string[]> = { lines: LINE_FIELDS, products: ['product', 'output', 'unit', 'energyTce'], savingProjects: ['name', 'investment', 'savingTce', 'status'] };
const TOP_FIELDS = ['changeReason', 'correctionReason'];

/** Whether the report form has a field at this path. */
export function reportFormHas(path: Array<string | number>): boolean {
  const [top, i, field] = path;
  if (typeof top !== 'string') return false;
  if (path.length === 1) return TOP_FIELDS.includes(top);
  const fields = LIST_FIELDS[top];
  return fields !== undefined && typeof i === 'number' && path.length === 3 && typeof field === 'string' && fields.includes(field);
}

/** A USCC split around the character a problem's `offset` names, so it can be marked; null when there is none. */
export function markUscc(uscc: string, offset: number | undefined): { before: string; bad: string; after: string; position: number } | null {
  const s = uscc.trim().toUpperCase();
  if (offset === undefined || offset < 0 || offset >= s.length) return null;
  return { before: s.slice(0, offset), bad: s[offset]!, after: s.slice(offset + 1), position: offset + 1 };
}

import { ProgressStatusRule, ReportingDefaults } from '../../../../src/domain/reporting/reference';
import type { ApiError } from '../../api/client';
import type { Translate } from '../../app/i18n-context';
import { pointerToPath } from '../../components/form-errors';
import { frequencyLabel } from '../reporting/calendar';

/** One version of a reference value as `GET /api/reference` answers it (validTo null: still in force). */
export type ReferenceVersion = { id: number; key: string; value: unknown; source: string; validFrom: string; validTo: string | null; createdBy: number | null; createdByName: string | null };
export type ReferenceItem = { key: string; versions: ReferenceVersion[] };

/** The keys this page has a form for, each with the form fields of its value; any other key is entered as JSON. */
const VALUE_FIELDS = {
  'reporting-defaults': [
    ['value', 'indicator', 'frequency'],
    ['value', 'indicator', 'dueDays'],
    ['value', 'task', 'frequency'],
    ['value', 'task', 'dueDays'],
    ['value', 'dueSoonDays'],
  ],
  'progress-status-rule': [['value', 'atRiskRatio']],
} as const satisfies Record<string, readonly (readonly string[])[]>;
export type FormKey = keyof typeof VALUE_FIELDS;
export const isFormKey = (key: string): key is FormKey => Object.hasOwn(VALUE_FIELDS, key);

/** What the 新增版本 form holds: the value itself for a known key, its JSON text for any other. */
export type VersionFormValues = { validFrom?: string; source?: string; value?: unknown; valueJson?: string };
export type VersionBody = { validFrom: string; source: string; value: unknown };
/** A field of the form as AntD names it (a path into the values). */
export type FieldPath = string[];

/** The form starts from the value now in force (the usual change is one number), with a new date and source to fill. */
export function initialFormValues(key: string, latest: unknown): VersionFormValues {
  if (isFormKey(key)) return { value: structuredClone(latest ?? {}) };
  return { valueJson: JSON.stringify(latest ?? {}, null, 2) };
}

/** The POST body from the form; null when the JSON text of an unknown key does not parse (the field says so). */
export function toVersionBody(key: string, v: VersionFormValues): VersionBody | null {
  const head = { validFrom: v.validFrom ?? '', source: (v.source ?? '').trim() };
  if (isFormKey(key)) return { ...head, value: v.value };
  try {
    return { ...head, value: JSON.parse(v.valueJson ?? '') as unknown };
  } catch {
    return null;
  }
}

/** The at-risk ratio the rule accepts: strictly between 0 and 1 (ProgressStatusRule). */
export const isRatio = (v: unknown): boolean => ProgressStatusRule.shape.atRiskRatio.safeParse(v).success;

/**
 * A problem's `errors` as AntD `setFields` entries: `#/validFrom` and `#/source` as they are, `#/value/…` on the
 * value's own field (or on the JSON text of an unknown key). What points at no field is left to the caller to show.
 */
export function problemFields(error: ApiError, key: string): Array<{ name: FieldPath; errors: string[] }> {
  const known: readonly (readonly string[])[] = isFormKey(key) ? VALUE_FIELDS[key] : [];
  return error.errors.flatMap((e) => {
    const path = e.pointer ? pointerToPath(e.pointer) : e.field ? e.field.split('.') : [];
    const errors = [e.detail || error.title];
    if (path.length === 1 && (path[0] === 'validFrom' || path[0] === 'source')) return [{ name: path, errors }];
    if (path[0] !== 'value') return [];
    if (!isFormKey(key)) return [{ name: ['valueJson'], errors }];
    return known.some((f) => f.join('/') === path.join('/')) ? [{ name: path, errors }] : [];
  });
}

/** A value in words, as the table shows it; a value of an unknown key (or shape) as compact JSON. */
export function describeValue(key: string, value: unknown, t: Translate): string {
  if (key === 'reporting-defaults') {
    const d = ReportingDefaults.safeParse(value);
    if (d.success)
      return t('settings.ref.defaultsText', {
        indicatorFrequency: frequencyLabel(d.data.indicator.frequency, t),
        indicatorDueDays: d.data.indicator.dueDays,
        taskFrequency: frequencyLabel(d.data.task.frequency, t),
        taskDueDays: d.data.task.dueDays,
        dueSoonDays: d.data.dueSoonDays,
      });
  }
  if (key === 'progress-status-rule') {
    const r = ProgressStatusRule.safeParse(value);
    if (r.success) return t('settings.ref.ruleText', { ratio: r.data.atRiskRatio, percent: Math.round(r.data.atRiskRatio * 1000) / 10 });
  }
  return JSON.stringify(value);
}

/** Who entered a version: shipped with the platform (no user), oneself, or a user by id. */
export function enteredBy(v: Pick<ReferenceVersion, 'createdBy' | 'createdByName'>, myId: number, t: Translate): string {
  if (v.createdBy === null) return t('settings.ref.shipped');
  if (v.createdBy === myId) return t('settings.ref.byMe');
  return v.createdByName ?? t('settings.ref.byUser', { id: v.createdBy });
}

/** The version in force on a day (YYYY-MM-DD), or null before the first. */
export function versionOn(versions: readonly ReferenceVersion[], date: string): ReferenceVersion | null {
  return versions.find((v) => v.validFrom <= date && (v.validTo === null || date <= v.validTo)) ?? null;
}

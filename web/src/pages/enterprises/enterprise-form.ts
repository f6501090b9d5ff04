import type { Enterprise, EnterpriseChange, NewEnterprise } from './queries';

/** The registry fields the form edits, in its order; the problem's pointers name them. */
export const ENTERPRISE_FIELDS = [
  'name',
  'uscc',
  'regionCode',
  'industry',
  'industryCode',
  'isKeyEnergyUnit',
  'keyUnitClass',
  'isKeyPollutantUnit',
  'energyManager',
  'energyManagerPhone',
  'contact',
] as const;
type Field = (typeof ENTERPRISE_FIELDS)[number];

/** The fields only the authorities set (GB 32100 code, where it is, whether it is a key unit): not the enterprise's own. */
export const CLASSIFIED_FIELDS: readonly Field[] = ['uscc', 'regionCode', 'isKeyEnergyUnit', 'keyUnitClass', 'isKeyPollutantUnit'];

export type EnterpriseFormValues = Partial<Record<Field, string | boolean | null | undefined>>;

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The form's values as the registry holds them: blanks as null, no class unless a key unit. */
export function toEnterpriseBody(v: EnterpriseFormValues): NewEnterprise {
  const isKey = v.isKeyEnergyUnit === true;
  return {
    name: str(v.name) ?? '',
    uscc: str(v.uscc)?.toUpperCase() ?? '',
    regionCode: str(v.regionCode) ?? '',
    industry: str(v.industry),
    industryCode: str(v.industryCode),
    isKeyEnergyUnit: isKey,
    keyUnitClass: isKey ? ((str(v.keyUnitClass) as 'key' | 'designatable' | null) ?? 'key') : null,
    isKeyPollutantUnit: v.isKeyPollutantUnit === true,
    energyManager: str(v.energyManager),
    energyManagerPhone: str(v.energyManagerPhone),
    contact: str(v.contact),
  };
}

/** Only what changed, so a patch never sends (and the server never refuses) a field the user did not touch. */
export function enterprisePatch(before: Enterprise, v: EnterpriseFormValues): EnterpriseChange {
  const after = toEnterpriseBody(v);
  const patch: Record<string, unknown> = {};
  for (const f of ENTERPRISE_FIELDS) if (after[f] !== before[f]) patch[f] = after[f];
  return patch as EnterpriseChange;
}

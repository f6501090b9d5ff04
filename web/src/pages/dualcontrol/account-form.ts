import { fractionToPercent, percentToFraction } from './levels';
import type { Account, NewAccount } from './queries';

/** The fields of the energy-data form, named as the API names them (so server field errors land on them). */
export const ACCOUNT_FIELDS = ['periodKey', 'gdpCurrent', 'gdpGrowth', 'energy', 'coal', 'nonFossil', 'renewableElectricity', 'feedstock', 'listedProjects', 'note', 'correctionReason'] as const;

/** What the form holds: GDP growth in % (the API takes a fraction); empty numbers are null. */
export type AccountFormValues = {
  periodKey: string;
  gdpCurrent?: number | null;
  gdpGrowthPercent?: number | null;
  energy?: number | null;
  coal?: number | null;
  nonFossil?: number | null;
  renewableElectricity?: number | null;
  feedstock?: number | null;
  listedProjects?: number | null;
  note?: string;
  correctionReason?: string;
};

const BASE_YEAR = 2020;

/** The base year (an annual 2020) carries current-price GDP; any later period its real growth. */
export function isBasePeriod(periodKey: string | undefined): boolean {
  return periodKey === String(BASE_YEAR);
}

const num = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

/**
 * The API body from the form: growth % → fraction; the base year sends its GDP but no growth, a later period the
 * reverse; empty optional amounts go as their defaults. A missing energy figure is left for the server to name.
 */
export function toAccountBody(regionCode: string, v: AccountFormValues, isCorrection: boolean): NewAccount {
  const base = isBasePeriod(v.periodKey);
  return {
    regionCode,
    periodKey: v.periodKey.trim(),
    gdpCurrent: base ? num(v.gdpCurrent) : null,
    gdpGrowth: base ? null : percentToFraction(num(v.gdpGrowthPercent)),
    energy: num(v.energy) as number,
    coal: num(v.coal),
    nonFossil: num(v.nonFossil) ?? 0,
    renewableElectricity: num(v.renewableElectricity) ?? 0,
    feedstock: num(v.feedstock) ?? 0,
    listedProjects: num(v.listedProjects) ?? 0,
    note: v.note?.trim() ?? '',
    correctionReason: isCorrection ? (v.correctionReason?.trim() ?? null) : null,
  };
}

/** The form prefilled from a revision (to correct or resubmit it): growth fraction → %. */
export function formValuesOf(a: Account): AccountFormValues {
  return {
    periodKey: a.periodKey,
    gdpCurrent: a.gdpCurrent,
    gdpGrowthPercent: fractionToPercent(a.gdpGrowth),
    energy: a.energy,
    coal: a.coal,
    nonFossil: a.nonFossil,
    renewableElectricity: a.renewableElectricity,
    feedstock: a.feedstock,
    listedProjects: a.listedProjects,
    note: a.note,
  };
}

/** A server error on gdpGrowth belongs to the form's % field. */
export function formFieldOf(apiField: string): string {
  return apiField === 'gdpGrowth' ? 'gdpGrowthPercent' : apiField;
}

/** Where a period's revisions stand: the latest, whether it waits for review, whether one was approved. */
export function periodState(accounts: readonly Account[], regionCode: string, periodKey: string) {
  const own = accounts.filter((a) => a.regionCode === regionCode && a.periodKey === periodKey).sort((a, b) => b.revision - a.revision);
  const latest = own[0] ?? null;
  return { latest, isPending: latest?.status === 'submitted', hasApproved: own.some((a) => a.status === 'approved') };
}

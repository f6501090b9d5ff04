import { FACTORS } from '../../../../src/domain/hj212/codes';
import type { FactorLimit, Medium } from '../../../../src/domain/monitoring/model';
import type { Basis, Edition, Encryption, LengthMode } from './labels';
import type { NewStation, Station } from './queries';

/** One factor row of the form: the limit and where it comes from; empty numbers are no limit. */
export type FactorRow = Partial<{ code: string; unit: string; upper: number | null; lower: number | null; basis: Basis; source: string }>;

export type StationFormValues = Partial<{
  mn: string;
  name: string;
  enterpriseId: number | null;
  regionCode: string;
  medium: Medium;
  st: string;
  outlet: string;
  longitude: number | null;
  latitude: number | null;
  factors: FactorRow[];
  o2Reference: number | null;
  rtdIntervalS: number | null;
  minIntervalMin: number | null;
  edition: Edition;
  encryption: Encryption;
  lengthMode: LengthMode;
  bareLf: boolean;
  maxConnections: number;
  active: boolean;
}>;

const text = (s: string | null | undefined) => s?.trim() ?? '';
const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The HJ 212 system code a medium uploads with by default: 32 waste water, 31 flue gas (HJ 212-2017 Table 5). */
export const defaultSt = (m: Medium) => (m === 'water' ? '32' : '31');

/** What a new station starts with: the protocol's usual switches (hj212-2025.md §6.1: auto edition, SM4 accepted). */
export function newStationValues(regionCode: string | null): StationFormValues {
  return { regionCode: regionCode ?? undefined, medium: 'water', st: '32', factors: [], edition: 'auto', encryption: 'accept', lengthMode: 'plaintext', bareLf: false, maxConnections: 1, active: true };
}

/** A factor row from the form as the API's limit: the unit from the standard's table when left empty. */
export function toFactorLimit(r: FactorRow): FactorLimit {
  const code = text(r.code);
  return { code, unit: text(r.unit) || (FACTORS[code]?.unit ?? ''), upper: num(r.upper), lower: num(r.lower), basis: r.basis ?? 'measured', source: text(r.source) };
}

/** The body of a station from the form: texts trimmed, empty numbers null, factor rows without a code dropped. */
export function toStationBody(v: StationFormValues): NewStation {
  const medium = v.medium ?? 'water';
  return {
    mn: text(v.mn),
    name: text(v.name),
    enterpriseId: v.enterpriseId ?? null,
    regionCode: v.regionCode ?? '',
    medium,
    st: text(v.st) || defaultSt(medium),
    outlet: text(v.outlet).toUpperCase(),
    longitude: num(v.longitude),
    latitude: num(v.latitude),
    factors: (v.factors ?? []).filter((r) => text(r?.code) !== '').map(toFactorLimit),
    o2Reference: medium === 'air' ? num(v.o2Reference) : null,
    rtdIntervalS: num(v.rtdIntervalS),
    minIntervalMin: num(v.minIntervalMin),
    edition: v.edition ?? 'auto',
    encryption: v.encryption ?? 'accept',
    lengthMode: v.lengthMode ?? 'plaintext',
    bareLf: v.bareLf ?? false,
    maxConnections: num(v.maxConnections) ?? 1,
    active: v.active ?? true,
  };
}

/** A stored station as the form's values (to edit it); the secrets are not among them. */
export function stationFormValues(s: Station): StationFormValues {
  return {
    mn: s.mn,
    name: s.name,
    enterpriseId: s.enterpriseId,
    regionCode: s.regionCode,
    medium: s.medium,
    st: s.st,
    outlet: s.outlet,
    longitude: s.longitude,
    latitude: s.latitude,
    factors: s.factors.map((f) => ({ ...f })),
    o2Reference: s.o2Reference,
    rtdIntervalS: s.rtdIntervalS,
    minIntervalMin: s.minIntervalMin,
    edition: s.edition,
    encryption: s.encryption,
    lengthMode: s.lengthMode,
    bareLf: s.bareLf,
    maxConnections: s.maxConnections,
    active: s.active,
  };
}

/** The secrets form: a new PW and up to two SM4 keys (current, previous); what is left empty is not sent, so it stays as it was. */
export type SecretsFormValues = Partial<{ pw: string; key1: string; key2: string; clearKeys: boolean }>;

export function toSecretsBody(v: SecretsFormValues): { pw?: string; sm4Keys?: string[] } {
  const pw = v.pw?.trim();
  const keys = [v.key1, v.key2].map((k) => k?.trim() ?? '').filter((k) => k !== '');
  return { ...(pw ? { pw } : {}), ...(keys.length || v.clearKeys ? { sm4Keys: v.clearKeys ? [] : keys } : {}) };
}

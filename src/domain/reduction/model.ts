import { z } from 'zod';

/**
 * 重点工程减排量核算 (reduction.md): the vocabulary shared by the accounting engine, the CLI, the API and
 * the web app. Formula IDs and parameter names are the method page's own (§3), so a figure can be traced
 * back to its formula by name.
 */

/** The four 14th-FYP total-control pollutants (reduction.md §1) [V]. */
export const POLLUTANTS = ['COD', 'NH3-N', 'NOx', 'VOCs'] as const;
export type Pollutant = (typeof POLLUTANTS)[number];
export const Pollutant = z.enum(POLLUTANTS);

/** Formula IDs of reduction.md §3, plus NET: a pipe network, which has no tonnage of its own (it counts at its receiving plant's W1). */
export const METHODS = ['W1', 'G1', 'A1', 'A2', 'A3', 'A4', 'W4', 'W5', 'V1', 'V2', 'NET'] as const;
export type MethodId = (typeof METHODS)[number];

/**
 * 工程类型: every project type of reduction.md §1/§3, the formula that accounts it and the pollutants it may
 * claim. The list is the method page's, so it is code, not reference data; the thresholds are reference data.
 */
export const MEASURE_TYPES = {
  'sewage-plant': { method: 'W1', medium: 'water', pollutants: ['COD', 'NH3-N'] },
  'sewage-network': { method: 'NET', medium: 'water', pollutants: ['COD', 'NH3-N'] },
  'black-odorous-water': { method: 'W1', medium: 'water', pollutants: ['COD', 'NH3-N'] },
  'water-reuse': { method: 'G1', medium: 'water', pollutants: ['COD', 'NH3-N'] },
  'industrial-wastewater': { method: 'G1', medium: 'water', pollutants: ['COD', 'NH3-N'] },
  'landfill-leachate': { method: 'G1', medium: 'water', pollutants: ['COD', 'NH3-N'] },
  'livestock-farm': { method: 'W4', medium: 'water', pollutants: ['COD', 'NH3-N'] },
  'rural-sewage': { method: 'W5', medium: 'water', pollutants: ['COD', 'NH3-N'] },
  'rural-sewage-metered': { method: 'W1', medium: 'water', pollutants: ['COD', 'NH3-N'] },
  'ultra-low-emission-cems': { method: 'A1', medium: 'air', pollutants: ['NOx'] },
  'boiler-kiln-cems': { method: 'A1', medium: 'air', pollutants: ['NOx', 'VOCs'] },
  'boiler-kiln-factor': { method: 'A2', medium: 'air', pollutants: ['NOx'] },
  'industrial-deep-treatment': { method: 'G1', medium: 'air', pollutants: ['NOx', 'VOCs'] },
  'structure-closure': { method: 'A3', medium: 'both', pollutants: ['COD', 'NH3-N', 'NOx', 'VOCs'] },
  'coal-boiler-elimination': { method: 'A3', medium: 'air', pollutants: ['NOx'] },
  'old-vehicle-elimination': { method: 'A4', medium: 'air', pollutants: ['NOx', 'VOCs'] },
  'vocs-source-substitution': { method: 'V1', medium: 'air', pollutants: ['VOCs'] },
  'vocs-end-of-pipe': { method: 'V2', medium: 'air', pollutants: ['VOCs'] },
  'vocs-ldar-tank-loading': { method: 'G1', medium: 'air', pollutants: ['VOCs'] },
} as const satisfies Record<string, { method: MethodId; medium: 'water' | 'air' | 'both'; pollutants: readonly Pollutant[] }>;
export type MeasureType = keyof typeof MEASURE_TYPES;
export const MeasureType = z.enum(Object.keys(MEASURE_TYPES) as [MeasureType, ...MeasureType[]]);

/**
 * 工程状态 (reduction.md §6 dispatch): as the county reports it each month. 'verified' is never reported:
 * a project shows as verified once the bureau approved a dispatch in which it was operating.
 */
export const PROJECT_STATUSES = ['planned', 'under-construction', 'completed', 'trial', 'operating', 'stopped'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Evidence kinds a method needs before its project can be accepted (reduction.md §4, ECER's list [E]). */
export const EVIDENCE_KINDS = [
  'acceptance',
  'online-monitoring',
  'permit-report',
  'network-record',
  'permit',
  'cems-data',
  'production-statistics',
  'fuel-records',
  'factor-table',
  'reagent-invoices',
  'closure-document',
  'power-cut-proof',
  'dismantling-photos',
  'baseline-record',
  'deregistration-proof',
  'registration-data',
  'stock-ledger',
  'land-agreement',
  'household-roster',
  'operation-ledger',
  'effluent-tests',
  'purchase-invoices',
  'msds-test-report',
  'collection-design',
  'efficiency-test',
  'carbon-replacement',
  'solvent-ledger',
  'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Per pollutant: a map keyed by pollutant. An efficiency may be one number for all pollutants (§4). */
const NonNeg = z.number().finite();
const PerPollutant = z.partialRecord(Pollutant, NonNeg);
const Efficiency = z.union([NonNeg, PerPollutant]);

/**
 * Method inputs (reduction.md §3), named as there. Ranges are NOT checked by the schema: C4
 * (PARAMETER_OUT_OF_RANGE) is an accounting outcome with a reason, not a malformed input.
 */
export const MethodParams = {
  W1: z.object({ q_p_m3: NonNeg, cin_p_mg_l: PerPollutant, cout_p_mg_l: PerPollutant, q0_m3_d: NonNeg.default(0), cin0_mg_l: PerPollutant.default({}), cout0_mg_l: PerPollutant.default({}) }),
  G1: z.object({ a2020: NonNeg, a_p: NonNeg, e2020_t: PerPollutant, e_p_t: PerPollutant }),
  A1: z.object({ v_p_nm3: NonNeg, c0_mg_nm3: PerPollutant, c_p_mg_nm3: PerPollutant, missing_hours_share: NonNeg.default(0) }),
  A2: z.object({ a_p: NonNeg, g_kg_per_unit: PerPollutant, eta0: Efficiency, eta_p: Efficiency, factor_source: z.string().max(200).default('') }),
  A3: z.object({ e2020_t: PerPollutant, e_sub_p_t: PerPollutant.default({}) }),
  A4: z.object({ n_vehicles: NonNeg, l_km_per_year: NonNeg, ef_old_g_km: PerPollutant, ef_rep_g_km: PerPollutant, vins: z.array(z.string().trim().min(1).max(17)).default([]) }),
  W4: z.object({ n_head: NonNeg, g_g_per_head_day: PerPollutant, eta0: Efficiency, eta_p: Efficiency }),
  W5: z.object({ p_persons: NonNeg, g_g_per_person_day: PerPollutant, eta0: Efficiency, eta_p: Efficiency }),
  V1: z.object({ m0_t: NonNeg, w0: NonNeg, capture0: NonNeg, removal0: NonNeg, p0: NonNeg, m_p_t: NonNeg, w_p: NonNeg, capture_p: NonNeg, removal_p: NonNeg, p_p: NonNeg }),
  V2: z.object({ g_p_t: NonNeg, capture0: NonNeg, removal0: NonNeg, capture_p: NonNeg, removal_p: NonNeg }),
  NET: z.object({ receiving_plant: z.string().trim().min(1).max(200), km_built: NonNeg.default(0) }),
} as const satisfies Record<MethodId, z.ZodType>;
export type MethodParamsOf<M extends MethodId> = z.infer<(typeof MethodParams)[M]>;

const IsoDate = z.iso.date();

/**
 * One project as the engine accounts it for one year: the CLI reads an array of these, the service builds
 * them from the registry and the project's verified dispatch. `id` is the caller's (the CLI echoes it).
 */
export const ProjectInput = z.object({
  id: z.string().min(1).max(100),
  year: z.number().int().min(2021).max(2100),
  measureType: MeasureType,
  regionCode: z.string().max(16).default(''),
  /** The facility: USCC and outlet (排放口编号 DA001/DW001) or plant code. Duplicate checks key on these. */
  uscc: z.string().max(18).default(''),
  outlet: z.string().max(50).default(''),
  pollutants: z.array(Pollutant).min(1),
  status: z.enum(PROJECT_STATUSES),
  /** The event date that starts counting (T1): stable operation, closure or deregistration. */
  eventDate: IsoDate.nullable().default(null),
  /** The day the project stopped, if it did; counting ends there. */
  endDate: IsoDate.nullable().default(null),
  params: z.record(z.string(), z.unknown()),
  /** 总量替代来源: tonnes named as a new project's offset, deducted per pollutant (C7), with the approval number. */
  offsets: z.partialRecord(Pollutant, z.object({ t: NonNeg, approvalNo: z.string().min(1).max(100) })).default({}),
  /** An approval cites this project as an offset source but its tonnage was not entered (C7: returned). */
  offsetCitedWithoutTonnage: z.boolean().default(false),
  /** 填报削减量: the county's claimed tonnes per pollutant (C6). */
  claimed_t: PerPollutant.default({}),
  /** The facility's own 2020 figure (执行报告/statistics) per pollutant, and why the project's baseline differs (C3). */
  reported_e2020_t: PerPollutant.default({}),
  baselineExplanation: z.string().max(2000).default(''),
  /** Evidence kinds on file; when present, missing kinds of the method's list give MISSING_EVIDENCE. */
  evidence: z.array(z.enum(EVIDENCE_KINDS)).optional(),
});
export type ProjectInput = z.infer<typeof ProjectInput>;

/** Reason codes of reduction.md §5, plus the checks' sub-cases. */
export const REJECTION_CODES = [
  'DUPLICATE_FACILITY_MEASURE',
  'DUPLICATE_VEHICLE',
  'CROSS_REGION',
  'NETWORK_COUNTED_SEPARATELY',
  'SHARED_STREAM_OVERLAP',
  'EXCEEDS_BASELINE',
  'BASELINE_MISMATCH',
  'PARAMETER_OUT_OF_RANGE',
  'NOT_COUNTABLE',
  'MISSING_EVIDENCE',
  'CLAIM_MISMATCH',
  'OFFSET_MISSING',
  'POLLUTANT_NOT_APPLICABLE',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];
export type Flag = 'REVIEW_NEGATIVE';

/** Why a project (or one of its pollutants) gives nothing: the code, a Chinese reason, and the input field at fault. */
export type Rejection = { code: RejectionCode; reason: string; field: string | null };

export type PollutantResult = {
  pollutant: Pollutant;
  /** R before offsets, tonnes rounded half-up to 0.001 (§2). */
  reduction_t: number;
  offset_t: number;
  /** What counts toward the target: R − offset, or 0 when rejected. */
  countable_t: number;
  /** The pre-project emission of the same period the C3 cap compares with, tonnes; null where the method has none. */
  baseline_t: number | null;
  flags: Flag[];
  rejection: Rejection | null;
};

export type ProjectResult = {
  id: string;
  year: number;
  method: MethodId;
  /** T1: first day counted, the days counted in the year, and their share f of the year. */
  countStart: string | null;
  countedDays: number;
  f: number;
  /** A rejection of the whole project (NOT_COUNTABLE, a duplicate, …); each pollutant then carries it too. */
  rejection: Rejection | null;
  pollutants: PollutantResult[];
};

/** 核算规则: the thresholds of reduction.md §5–§6, as reference data (key `reduction-rules`). */
export const ReductionRulesValue = z.object({
  /** C3: a baseline that differs from the facility's 2020 report by more than this share needs an explanation [E 5 %]. */
  baselineTolerance: z.number().min(0).max(1),
  /** C6: a claim may differ from the recomputed figure by max(claimAbsTolerance t, claimRelTolerance × R) [E]. */
  claimAbsTolerance: z.number().min(0),
  claimRelTolerance: z.number().min(0).max(1),
  /** A1: CEMS data with more than this share of hours missing cannot be used (permit spec. annex E, S11). */
  cemsMaxMissingShare: z.number().min(0).max(1),
  /** §6 levels: yellow from this share of the expected progress, green from the expected progress [E]. */
  yellowFrom: z.number().gt(0).lt(1),
  /** §6 expected cumulative progress per year when no annual plan says otherwise [E linear]. */
  expectedByYear: z.record(z.string().regex(/^\d{4}$/), z.number().min(0).max(1)),
  /** Monitoring cross-check: measured mean vs claimed concentration beyond this share is a contradiction [E]. */
  monitoringTolerance: z.number().min(0).max(1),
  /** Monthly dispatch: a month's dispatch is due on this day of the next month [E; cadence unverified, §6]. */
  dispatchDueDay: z.number().int().min(1).max(28),
  /** The plan indicators that hold each pollutant's city target (Ganzhou: I03–I06). */
  targetIndicators: z.record(Pollutant, z.string().min(1)),
});
export type ReductionRules = z.infer<typeof ReductionRulesValue>;

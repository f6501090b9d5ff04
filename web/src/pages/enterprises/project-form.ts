import type { NewProject, Project } from './queries';

export const PROJECT_FIELDS = ['name', 'regionCode', 'industry', 'stage', 'annualEnergyTce', 'annualEmissions', 'energyReviewStatus', 'energyReviewNo', 'eiaStatus', 'eiaNo', 'finding', 'disposal', 'followUp'] as const;
export const STAGES = ['planned', 'under-construction', 'built'] as const;
export const APPROVALS = ['approved', 'pending', 'none'] as const;
export const DISPOSALS = ['keep', 'rectify', 'stop-construction', 'phase-out', 'pending'] as const;

export type ProjectFormValues = Partial<{
  name: string;
  regionCode: string;
  industry: string;
  stage: (typeof STAGES)[number];
  annualEnergyTce: number | null;
  annualEmissions: string;
  energyReviewStatus: (typeof APPROVALS)[number];
  energyReviewNo: string;
  eiaStatus: (typeof APPROVALS)[number];
  eiaNo: string;
  finding: string;
  disposal: (typeof DISPOSALS)[number];
  followUp: string;
}>;

const text = (s: string | undefined | null) => s?.trim() ?? '';
const orNull = (s: string | undefined | null) => text(s) || null;

/** The body of a 两高一低 project from the form; the server requires the approval number once approved. */
export function toProjectBody(v: ProjectFormValues): NewProject {
  return {
    name: text(v.name),
    enterpriseId: null,
    regionCode: v.regionCode ?? '',
    industry: text(v.industry),
    stage: v.stage ?? 'planned',
    annualEnergyTce: typeof v.annualEnergyTce === 'number' ? v.annualEnergyTce : null,
    annualEmissions: text(v.annualEmissions),
    energyReviewStatus: v.energyReviewStatus ?? 'none',
    energyReviewNo: orNull(v.energyReviewNo),
    eiaStatus: v.eiaStatus ?? 'none',
    eiaNo: orNull(v.eiaNo),
    finding: text(v.finding),
    disposal: v.disposal ?? 'pending',
    followUp: text(v.followUp),
  };
}

/** A stored project as the form's values (to edit it). */
export function projectFormValues(p: Project): ProjectFormValues {
  return {
    ...p,
    stage: p.stage as ProjectFormValues['stage'],
    energyReviewStatus: p.energyReviewStatus as ProjectFormValues['energyReviewStatus'],
    eiaStatus: p.eiaStatus as ProjectFormValues['eiaStatus'],
    disposal: p.disposal as ProjectFormValues['disposal'],
    energyReviewNo: p.energyReviewNo ?? undefined,
    eiaNo: p.eiaNo ?? undefined,
  };
}

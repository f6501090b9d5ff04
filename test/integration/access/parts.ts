import { MATRIX as citizenReports } from './citizen-reports';
import { MATRIX as participation } from './participation';
import { MATRIX as publications } from './publications';
import { MATRIX as supervisionCapacity } from './supervision-capacity';
import { MATRIX as supervisionInspections } from './supervision-inspections';
import { MATRIX as supervisionInstitutions } from './supervision-institutions';
import type { Case } from './types';

/** The routes of the modules listed by part (issues #10 public, #11 supervision), one file per part. */
export const PART_MATRIX: Record<string, Case> = { ...publications, ...citizenReports, ...participation, ...supervisionInspections, ...supervisionInstitutions, ...supervisionCapacity };

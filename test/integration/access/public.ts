import { MATRIX as citizenReports } from './citizen-reports';
import { MATRIX as participation } from './participation';
import { MATRIX as publications } from './publications';
import type { Case } from './types';

/** The public module's routes (issue #10), one file per part. */
export const PUBLIC_MATRIX: Record<string, Case> = { ...publications, ...citizenReports, ...participation };

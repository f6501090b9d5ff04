import type { Case } from './types';

/** Who may call the capacity routes of the supervision module (issue #11). */
export const MATRIX: Record<string, Case> = {};

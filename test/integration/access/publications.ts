import type { Case } from './types';

/** Who may call the publications routes of the public module (issue #10). */
export const MATRIX: Record<string, Case> = {};

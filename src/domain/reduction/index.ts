export * from './model';
export { Dec, tonnes } from './decimal';
export { countedPeriod, countedRange, daysInYear, firstOfNextMonth, isLeapYear } from './period';
export { type PriorClaims, accountProject, accountProjects } from './account';
export { splitByPotential } from './allocation';
export { completionOf, progressLevel } from './progress';
export { EVIDENCE_BY_METHOD, missingEvidence } from './evidence';
export { compareWithMonitoring } from './monitoring';
export { dispatchDueDate, isDispatchOverdue } from './dispatch';

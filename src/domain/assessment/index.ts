export * from './model';
export { scoreAssessment } from './score';
export { type PointsDelta, type YearComparison, compareYears, rankResults } from './rank';

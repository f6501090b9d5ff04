import type { IndicatorSpec } from './plan-file';

/** A plan as the product shows it: a tree of chapters → sections → tasks and indicators. */
export type DeptRef = { id: number; name: string };

export type TaskNode = {
  id: number;
  code: string;
  text: string;
  lead: DeptRef[];
  cooperating: DeptRef[];
  /** Regions the task names (点名); all regions implement it when the plan says so. */
  namedRegions: string[];
};

/** An indicator as stored, with its owners resolved to departments. */
export type IndicatorNode = Omit<IndicatorSpec, 'departments'> & { id: number; departments: DeptRef[] };

export type SectionNode = {
  id: number;
  no: number;
  title: string;
  quote: string;
  isKeyProject: boolean;
  responsibilityQuote: string | null;
  tasks: TaskNode[];
  indicators: IndicatorNode[];
};

export type ChapterNode = { id: number; no: number; title: string; sections: SectionNode[] };

export type PlanSummary = {
  code: string;
  name: string;
  regionCode: string;
  periodStart: number;
  periodEnd: number;
  baselineYear: number;
  parentName: string | null;
  parentDocNumber: string | null;
  preamble: string;
  allRegionsImplement: boolean;
  allRegionsQuote: string | null;
};

export type PlanTree = PlanSummary & { chapters: ChapterNode[] };

/** Where an item sits in the plan, for lists outside the tree. */
export type Placement = { chapterNo: number; chapterTitle: string; sectionNo: number; sectionTitle: string; isKeyProject: boolean };

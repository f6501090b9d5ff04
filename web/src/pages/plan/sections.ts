import type { PlanTree, Section } from './queries';

export type SectionRef = { chapterNo: number; chapterTitle: string; section: Section };

/** Every section with its chapter, in plan order. */
export function sectionsOf(tree: Pick<PlanTree, 'chapters'>): SectionRef[] {
  return tree.chapters.flatMap((c) => c.sections.map((section) => ({ chapterNo: c.no, chapterTitle: c.title, section })));
}

/** Section id by “chapterNo.sectionNo”, to open a search result's section. */
export function sectionIdByPlacement(tree: Pick<PlanTree, 'chapters'>): Map<string, number> {
  return new Map(sectionsOf(tree).map((r) => [`${r.chapterNo}.${r.section.no}`, r.section.id]));
}

/**
 * 专家回避 (conflicts of interest) when an expert is assigned to review an enterprise, a 两高一低 project or an
 * inspection (issue #11 item 3): a relation the expert declared with the enterprise, the expert working for it, or
 * the expert being unavailable. Each conflict is a code stored with the assignment.
 */
export const EXPERT_RELATIONS = ['employer', 'shareholder', 'consultant', 'relative', 'other'] as const;
export type ExpertRelationKind = (typeof EXPERT_RELATIONS)[number];

export type ExpertConflict = `relation:${ExpertRelationKind}` | 'organisation' | 'unavailable';

export type ConflictExpert = {
  available: boolean;
  organisation: string;
  relations: readonly { enterpriseId: number; relation: string }[];
};

/** Names compared as people write them: no spaces, full-width brackets as half-width, case folded. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .toLowerCase();
}

/** Whether the expert's organisation is the enterprise, or contains its name (e.g. "某公司技术中心"). */
export function isSameOrganisation(organisation: string, enterpriseName: string): boolean {
  const org = normaliseName(organisation);
  const name = normaliseName(enterpriseName);
  return org.length > 0 && name.length > 0 && org.includes(name);
}

/** The conflicts of an expert reviewing the enterprise (null when the subject has no enterprise), in a fixed order. */
export function findExpertConflicts(expert: ConflictExpert, enterprise: { id: number; name: string } | null): ExpertConflict[] {
  const found: ExpertConflict[] = [];
  if (enterprise) {
    const kinds = new Set(expert.relations.filter((r) => r.enterpriseId === enterprise.id).map((r) => r.relation));
    for (const k of EXPERT_RELATIONS) if (kinds.has(k)) found.push(`relation:${k}`);
    if (isSameOrganisation(expert.organisation, enterprise.name)) found.push('organisation');
  }
  if (!expert.available) found.push('unavailable');
  return found;
}

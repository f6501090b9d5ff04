import type { Grade } from '../../../../src/domain/assessment/model';
import { ASSESSMENT_STATUSES, type AssessmentStatus } from '../../../../src/modules/assessment/schemas';
import type { MessageKey } from '../../../../src/i18n/index';
import type { Me } from '../auth/queries';
import { isMessageKey } from '../../app/i18n-context';
import type { Action, Assessment, SubjectRow } from './queries';

export const gradeKey = (g: Grade): MessageKey => `assessment.grade.${g}`;
export const statusKey = (s: AssessmentStatus): MessageKey => `assessment.status.${s}`;
export const actionKey = (a: Action): MessageKey => `assessment.action.${a}`;
export const groupKey = (g: 'target' | 'measures' | 'deduction'): MessageKey => `assessment.group.${g}`;

/** A history entry's action ('open', 'submit-self', …); one the catalog does not know reads as 操作. */
export function historyKey(action: string): MessageKey {
  const key = `assessment.action.${action}`;
  return isMessageKey(key) ? key : 'assessment.action.other';
}

export const GRADE_TAG: Record<Grade, string> = { exceeded: 'green', completed: 'blue', basic: 'gold', incomplete: 'red' };
export const GRADE_COLOUR: Record<Grade, string> = { exceeded: '#389e0d', completed: '#1677ff', basic: '#d4b106', incomplete: '#cf1322' };

/** Where the process stands, for the Steps: the index of the status. */
export const statusIndex = (s: AssessmentStatus) => ASSESSMENT_STATUSES.indexOf(s);

type Who = Pick<Me, 'role' | 'regionCode'>;

/** The steering office (and the admin standing in) runs the process. */
export const isSteering = (me: Who) => me.role === 'steering' || me.role === 'admin';

/**
 * The process steps the viewer may take now (the server checks again): the self-assessor (a county, or a department
 * in a department assessment: the server marks its own subject) submits its self-assessment, the steering office
 * opens review, consolidates, sends for approval and publishes, the city government approves or returns.
 */
export function allowedActions(me: Who, a: Pick<Assessment, 'status' | 'ownSubjectKey'> & { subjects: ReadonlyArray<Pick<SubjectRow, 'key' | 'selfSubmittedAt'>> }): Action[] {
  const out: Action[] = [];
  const own = a.subjects.find((s) => s.key === a.ownSubjectKey);
  if (a.status === 'self' && (me.role === 'county' || me.role === 'department') && own && own.selfSubmittedAt === null) out.push('submit-self');
  if (isSteering(me)) {
    if (a.status === 'self') out.push('open-review');
    if (a.status === 'review') out.push('consolidate');
    if (a.status === 'consolidation') out.push('submit-approval');
    if (a.status === 'approved') out.push('publish');
  }
  if (me.role === 'admin' && a.status === 'approval') out.push('approve', 'return');
  return out;
}

/** Points as "96.50", for "{value} 分". */
export const fmt2 = (v: number) => v.toFixed(2);

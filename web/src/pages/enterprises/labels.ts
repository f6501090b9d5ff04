import type { MessageKey } from '../../../../src/i18n/index';
import { isMessageKey } from '../../app/i18n-context';
import type { EnergyReport } from './queries';

type Status = EnergyReport['status'];

/** A report's status as the review stages read: 待县级审核, 待市级审核, 已审核, 已退回, 已被更正. */
export const statusKey = (s: Status): MessageKey => `ent.status.${s}`;
export const STATUS_COLOR: Record<Status, string> = { submitted: 'blue', 'county-approved': 'cyan', approved: 'green', returned: 'volcano', superseded: 'default' };

const HISTORY = ['submit', 'correct', 'county-approve', 'approve', 'return'] as const;
/** A step of a report's history; an action the catalog does not know reads as the generic 操作. */
export const historyLabelKey = (action: string): MessageKey => (HISTORY.includes(action as (typeof HISTORY)[number]) ? `ent.action.${action as (typeof HISTORY)[number]}` : 'ent.action.other');

export type EfficiencyClass = 'benchmark' | 'between' | 'below-baseline';
export const classKey = (c: EfficiencyClass): MessageKey => `ent.eff.${c}`;
export const CLASS_COLOR: Record<EfficiencyClass, string> = { benchmark: 'green', between: 'gold', 'below-baseline': 'red' };

export type ProjectWarning = 'energy-review-missing' | 'eia-missing' | 'disposal-pending';
export const warningKey = (w: ProjectWarning): MessageKey => `ent.warn.${w}`;

/** The catalog key of a code the server sends as a plain string (stage, approval, disposal); unknown codes read as 操作. */
export function codeKey(prefix: 'ent.stage' | 'ent.approval' | 'ent.disposal', code: string): MessageKey {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? key : 'ent.action.other';
}

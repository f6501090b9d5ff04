import type { EvidenceKind, MeasureType, MethodId, Pollutant, ProjectStatus, RejectionCode } from '../../../../src/domain/reduction/model';
import type { MessageKey } from '../../../../src/i18n/index';
import { isMessageKey } from '../../app/i18n-context';

/** 达到序时进度 / 略低于序时进度 / 明显滞后 (reduction.md §6, ECER's own rule: never a 晴雨表); none: no allocation to judge against. */
export type Level = 'green' | 'yellow' | 'red' | 'none';
export type DispatchStatus = 'submitted' | 'approved' | 'returned' | 'superseded';

export const pollutantKey = (p: Pollutant): MessageKey => `reduction.pollutant.${p}`;
export const typeKey = (t: MeasureType): MessageKey => `reduction.type.${t}`;
export const methodKey = (m: MethodId): MessageKey => `reduction.method.${m}`;
export const statusKey = (s: ProjectStatus | 'verified'): MessageKey => `reduction.status.${s}`;
export const dispatchStatusKey = (s: DispatchStatus | null): MessageKey => `reduction.dispatchStatus.${s ?? 'none'}`;
export const rejectionKey = (c: RejectionCode): MessageKey => `reduction.reject.${c}`;
export const evidenceKey = (k: EvidenceKind): MessageKey => `reduction.evidence.${k}`;
export const levelKey = (l: Level): MessageKey => `reduction.level.${l}`;

/** A step of a dispatch's history (填报, 更正, 核查通过, 退回); an action the catalog does not know reads as 操作. */
export function historyLabelKey(action: string): MessageKey {
  const key = `reduction.action.${action}`;
  return isMessageKey(key) ? key : 'reduction.action.other';
}

/** A level's colour on the map and the bar chart; no allocation is grey, never green. */
export const LEVEL_COLOUR: Record<Level, string> = { green: '#389e0d', yellow: '#d4b106', red: '#cf1322', none: '#bfbfbf' };
/** The same as an AntD Tag/Progress colour name. */
export const LEVEL_TAG: Record<Level, string> = { green: 'green', yellow: 'gold', red: 'red', none: 'default' };

export const STATUS_TAG: Record<ProjectStatus | 'verified', string> = {
  planned: 'default',
  'under-construction': 'processing',
  completed: 'cyan',
  trial: 'gold',
  operating: 'blue',
  stopped: 'volcano',
  verified: 'green',
};
export const DISPATCH_TAG: Record<DispatchStatus, string> = { submitted: 'blue', approved: 'green', returned: 'volcano', superseded: 'default' };

/** The date a dispatch's T1 event is (reduction.md §2): stable operation, closure or deregistration, by method. */
export function eventDateKey(method: MethodId): MessageKey {
  if (method === 'A3') return 'reduction.dispatch.eventDateClosure';
  if (method === 'A4') return 'reduction.dispatch.eventDateVehicle';
  return 'reduction.dispatch.eventDate';
}

/**
 * 重点用能单位能源管理负责人培训 (plan 四（五）: one energy manager per key unit, trained): whether the unit's recorded
 * manager attended training this year, only in an earlier year, or never; `no-manager` when the unit has none.
 */
export const TRAINING_STATUSES = ['no-manager', 'never', 'earlier', 'this-year'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export type ManagerAttendance = { name: string; attended: boolean; eventDate: string };

/** The training status in `year` of the manager named `manager`, from the unit's attendance rows (dates YYYY-MM-DD). */
export function energyManagerTrainingStatus(manager: string | null, attendance: readonly ManagerAttendance[], year: number): { status: TrainingStatus; lastTrainedOn: string | null } {
  const name = manager?.replace(/\s+/g, '') ?? '';
  if (!name) return { status: 'no-manager', lastTrainedOn: null };
  // Only the manager now recorded counts: a predecessor's training does not carry over to a new manager.
  const dates = attendance
    .filter((a) => a.attended && a.name.replace(/\s+/g, '') === name && Number(a.eventDate.slice(0, 4)) <= year)
    .map((a) => a.eventDate)
    .sort();
  const last = dates.at(-1) ?? null;
  if (!last) return { status: 'never', lastTrainedOn: null };
  return { status: Number(last.slice(0, 4)) === year ? 'this-year' : 'earlier', lastTrainedOn: last };
}

/** Stub of the supervision tab (issue #11): 培训与能源管理负责人 (C); replaced by its owner. */
export function TrainingTab() {
  return null;
}

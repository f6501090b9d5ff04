/** Stub of the supervision tab (issue #11): 专家库 (C); replaced by its owner. */
export function ExpertsTab() {
  return null;
}

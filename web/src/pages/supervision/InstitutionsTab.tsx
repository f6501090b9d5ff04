/** Stub of the supervision tab (issue #11): 公共机构 (B); replaced by its owner. */
export function InstitutionsTab() {
  return null;
}

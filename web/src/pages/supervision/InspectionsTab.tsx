/** Stub of the supervision tab (issue #11): 节能监察 (A); replaced by its owner. */
export function InspectionsTab() {
  return null;
}

/** Stub of the staff-side tab (issue #10); replaced by its owner. */
export function CommitmentsTab() {
  return null;
}

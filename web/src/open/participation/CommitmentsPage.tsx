/** Stub of the public list of voluntary commitments and the form to make one (issue #10). */
export function CommitmentsPage() {
  return null;
}

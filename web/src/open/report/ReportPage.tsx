/** Stubs of the citizen report pages (issue #10): file a report; follow it with the tracking number and token. */
export function ReportPage() {
  return null;
}
export function TrackPage() {
  return null;
}

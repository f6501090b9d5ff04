/** Stub of the public news and campaigns page (issue #10). */
export function NewsPage() {
  return null;
}

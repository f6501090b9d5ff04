/** Messages of issue #10: 公开与参与 — staff shell (English). */
export const publicShell = {
  'public.title': 'Public transparency and participation',
  'public.tab.reports': 'Reports and suggestions',
  'public.tab.publications': 'Publishing',
  'public.tab.commitments': 'Voluntary commitments',
  'public.tab.mine': 'My voluntary commitments',
  'public.tab.news': 'News and campaigns',
  'public.openSite': 'Open the public site (no login)',
};

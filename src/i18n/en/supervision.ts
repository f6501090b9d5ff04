/** Messages of issue #11: the supervision page shell (English). */
export const supervisionShell = {
  'supervision.title': 'Supervision and capacity',
  'supervision.tab.inspections': 'Inspections',
  'supervision.tab.orders': 'Rectification orders',
  'supervision.tab.institutions': 'Public institutions',
  'supervision.tab.experts': 'Experts',
  'supervision.tab.training': 'Training',
};

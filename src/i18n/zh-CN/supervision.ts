/** Messages of issue #11: the supervision page shell (zh-CN, the source language). */
export const supervisionShell = {
  'supervision.title': '节能监察与能力建设',
  'supervision.tab.inspections': '节能监察',
  'supervision.tab.orders': '整改通知',
  'supervision.tab.institutions': '公共机构',
  'supervision.tab.experts': '专家库',
  'supervision.tab.training': '培训',
} as const;

/** Messages of issue #10: 公开与参与 — staff shell (zh-CN, the source language). */
export const publicShell = {
  'public.title': '公开与参与',
  'public.tab.reports': '举报与建议',
  'public.tab.publications': '信息发布',
  'public.tab.commitments': '自愿承诺',
  'public.tab.mine': '我的自愿承诺',
  'public.tab.news': '新闻与活动',
  'public.openSite': '打开公众页面（无需登录）',
} as const;

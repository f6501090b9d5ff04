/** Messages of issue #10: citizen reports (举报/建议) (zh-CN, the source language). */
export const publicReports = {

} as const;

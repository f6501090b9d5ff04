/** Messages of issue #10: published datasets, open data and the public home page (zh-CN, the source language). */
export const publicData = {

} as const;

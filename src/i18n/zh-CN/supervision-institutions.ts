/** Messages of issue #11: public institutions, use against quota, 节约型机关 (zh-CN, the source language). */
export const supervisionInstitutions = {

} as const;

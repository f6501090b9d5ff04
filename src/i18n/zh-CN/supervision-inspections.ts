/** Messages of issue #11: inspections, rectification orders and case transfers (zh-CN, the source language). */
export const supervisionInspections = {

} as const;

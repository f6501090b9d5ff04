/** Messages of issue #11: experts, conflicts of interest, training and energy managers (zh-CN, the source language). */
export const supervisionCapacity = {

} as const;

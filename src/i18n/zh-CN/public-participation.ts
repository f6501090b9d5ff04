/** Messages of issue #10: voluntary commitments, news and campaigns (zh-CN, the source language). */
export const publicParticipation = {

} as const;

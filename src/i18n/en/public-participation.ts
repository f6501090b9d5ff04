/** Messages of issue #10: voluntary commitments, news and campaigns (English). */
export const publicParticipation = {

};

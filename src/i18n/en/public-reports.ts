/** Messages of issue #10: citizen reports (举报/建议) (English). */
export const publicReports = {

};

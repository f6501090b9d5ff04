/** Messages of issue #10: published datasets, open data and the public home page (English). */
export const publicData = {

};

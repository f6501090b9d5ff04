/** Messages of issue #11: public institutions, use against quota, 节约型机关 (English). */
export const supervisionInstitutions = {

};

/** Messages of issue #11: inspections, rectification orders and case transfers (English). */
export const supervisionInspections = {

};

/** Messages of issue #11: experts, conflicts of interest, training and energy managers (English). */
export const supervisionCapacity = {

};

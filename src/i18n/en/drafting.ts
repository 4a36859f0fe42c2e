/** Interface messages for the drafting commands. */
export const drafting = {};

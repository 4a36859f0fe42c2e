/** Interface messages for the incident commands. */
export const incident = {};

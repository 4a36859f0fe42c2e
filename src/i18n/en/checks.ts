/** Interface messages for the checks commands. */
export const checks = {};

/** Interface messages for the exercise commands. */
export const exercise = {};

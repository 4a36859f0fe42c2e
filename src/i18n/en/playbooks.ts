/** Interface messages for the playbooks commands. */
export const playbooks = {};

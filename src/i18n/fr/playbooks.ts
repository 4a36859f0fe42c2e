import type { playbooks as en } from "../en/playbooks.js";

export const playbooks: typeof en = {};

import type { checks as en } from "../en/checks.js";

export const checks: typeof en = {};

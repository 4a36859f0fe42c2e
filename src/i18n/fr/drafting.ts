import type { drafting as en } from "../en/drafting.js";

export const drafting: typeof en = {};

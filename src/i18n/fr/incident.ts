import type { incident as en } from "../en/incident.js";

export const incident: typeof en = {};

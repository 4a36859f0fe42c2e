import type { exercise as en } from "../en/exercise.js";

export const exercise: typeof en = {};

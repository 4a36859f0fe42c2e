/**
 * The interface message catalogs, one per language, assembled from one file per
 * area so that each command's messages sit together. French must have every
 * key English has: the type checker enforces it (`typeof en` in each fr file).
 */
import type { Lang } from "../lang.js";
import { checks as enChecks } from "./en/checks.js";
import { common as enCommon } from "./en/common.js";
import { drafting as enDrafting } from "./en/drafting.js";
import { exercise as enExercise } from "./en/exercise.js";
import { facts as enFacts } from "./en/facts.js";
import { incident as enIncident } from "./en/incident.js";
import { playbooks as enPlaybooks } from "./en/playbooks.js";
import { checks as frChecks } from "./fr/checks.js";
import { common as frCommon } from "./fr/common.js";
import { drafting as frDrafting } from "./fr/drafting.js";
import { exercise as frExercise } from "./fr/exercise.js";
import { facts as frFacts } from "./fr/facts.js";
import { incident as frIncident } from "./fr/incident.js";
import { playbooks as frPlaybooks } from "./fr/playbooks.js";

const en = { common: enCommon, playbooks: enPlaybooks, incident: enIncident, drafting: enDrafting, checks: enChecks, facts: enFacts, exercise: enExercise };
export type Messages = typeof en;
const fr: Messages = { common: frCommon, playbooks: frPlaybooks, incident: frIncident, drafting: frDrafting, checks: frChecks, facts: frFacts, exercise: frExercise };

const catalogs: Record<Lang, Messages> = { en, fr };

export function messages(lang: Lang): Messages {
  return catalogs[lang];
}

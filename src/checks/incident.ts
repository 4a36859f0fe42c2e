/**
 * What the checks need to know about an incident, from its state as the engine
 * computed it: every fact with its value, whether it is confirmed and how sensitive
 * it is, and whether the authorities have confirmed the motive (the motive_confirmed flag).
 */
import type { IncidentState } from "../engine/types.js";
import type { BasePlaybook } from "../playbook/schema.js";
import type { CheckContext, CheckFact } from "./checks.js";

export function incidentCheckContext(
  playbook: Pick<BasePlaybook, "facts">,
  state: Pick<IncidentState, "facts" | "flags">,
  lang: CheckContext["lang"],
  audience: CheckContext["audience"] = "public",
): CheckContext {
  const declared = new Map(playbook.facts.map((f) => [f.id, f]));
  const facts: CheckFact[] = Object.values(state.facts).map((fact) => {
    const def = declared.get(fact.id);
    return {
      id: fact.id,
      value: fact.value,
      confirmed: fact.confirmed,
      ...(def?.sensitive ? { sensitive: def.sensitive } : {}),
      ...(def ? { public: def.public } : {}),
    };
  });
  return { lang, motiveConfirmed: state.flags.motive_confirmed === true, facts, audience };
}

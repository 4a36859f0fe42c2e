/**
 * What the checks need to know about a text's context: every fact with its value,
 * whether it is confirmed and how sensitive it is (from the playbook's declaration),
 * and whether the authorities have confirmed the motive (the motive_confirmed flag).
 * One builder for an incident's state and for a draft's render input.
 */
import type { IncidentState } from "../engine/types.js";
import type { BasePlaybook, Fact } from "../playbook/schema.js";
import type { CheckContext, CheckFact } from "./checks.js";

export function checkContextOf(input: {
  facts: Readonly<Record<string, { value: unknown; confirmed: boolean }>>;
  declared: readonly Pick<Fact, "id" | "sensitive">[];
  flags: Readonly<Record<string, unknown>>;
  lang: CheckContext["lang"];
  audience: CheckContext["audience"];
}): CheckContext {
  const sensitive = new Map(input.declared.map((f) => [f.id, f.sensitive]));
  const facts: CheckFact[] = Object.entries(input.facts).map(([id, fact]) => {
    const kind = sensitive.get(id);
    return { id, value: fact.value, confirmed: fact.confirmed, ...(kind ? { sensitive: kind } : {}) };
  });
  return { lang: input.lang, motiveConfirmed: input.flags.motive_confirmed === true, facts, audience: input.audience ?? "public" };
}

export function incidentCheckContext(
  playbook: Pick<BasePlaybook, "facts">,
  state: Pick<IncidentState, "facts" | "flags">,
  lang: CheckContext["lang"],
  audience: CheckContext["audience"] = "public",
): CheckContext {
  return checkContextOf({ facts: state.facts, declared: playbook.facts, flags: state.flags, lang, audience });
}

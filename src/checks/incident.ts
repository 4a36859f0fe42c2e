/**
 * What the checks need to know about an incident, from its playbook and journal:
 * every fact with its value, whether it is confirmed and how sensitive it is, and
 * whether the authorities have confirmed the motive (the motive_confirmed flag).
 */
import { collectRecords } from "../engine/records.js";
import type { JournalEvent } from "../journal/events.js";
import type { ResolvedPlaybook } from "../playbook/types.js";
import type { CheckContext, CheckFact } from "./checks.js";

export function incidentCheckContext(
  playbook: ResolvedPlaybook,
  events: JournalEvent[],
  t0: Date,
  lang: CheckContext["lang"],
  audience: CheckContext["audience"] = "public",
): CheckContext {
  const records = collectRecords(playbook, events, t0);
  const declared = new Map(playbook.facts.map((f) => [f.id, f]));
  const facts: CheckFact[] = Object.values(records.facts).map((state) => {
    const def = declared.get(state.id);
    return {
      id: state.id,
      value: state.value,
      confirmed: state.confirmed,
      ...(def?.sensitive ? { sensitive: def.sensitive } : {}),
      ...(def ? { public: def.public } : {}),
    };
  });
  return { lang, motiveConfirmed: records.flags.motive_confirmed === true, facts, audience };
}

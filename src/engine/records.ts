/**
 * What the journal says, folded in journal order: facts, decisions and their effects,
 * task resolutions, drafts, notes. The engine turns these into step states.
 */
import { eventTime, type JournalEvent } from "../journal/events.js";
import type { DecisionStep } from "../playbook/schema.js";
import type { ResolvedPlaybook } from "../playbook/types.js";
import type { FactState, IncidentState } from "./types.js";

export interface Resolution {
  state: "done" | "skipped";
  by: string;
  at: string;
  note?: string;
}

export interface Records {
  facts: Record<string, FactState>;
  decisions: IncidentState["decisions"];
  flags: IncidentState["flags"];
  /** step id -> the last open/close a chosen option applied to it */
  effects: Map<string, "open" | "close">;
  /** `stepId` or `stepId#n` -> how it was resolved (absent: open) */
  resolutions: Map<string, Resolution>;
  /** statement step id -> its drafts, oldest first */
  drafts: Map<string, { file: string; by: string; at: string }[]>;
  notes: IncidentState["notes"];
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function collectRecords(playbook: ResolvedPlaybook, events: JournalEvent[], t0: Date): Records {
  const steps = new Map(playbook.phases.flatMap((p) => p.steps.map((s) => [s.id, s] as const)));
  const facts: Record<string, FactState> = {};
  for (const fact of playbook.facts) facts[fact.id] = { id: fact.id, value: undefined, confirmed: false };
  const builtIn = (id: string, value: string, at: string) => {
    facts[id] = { id, value, confirmed: true, confirmedBy: "incident", confirmedAt: at, setBy: "incident", setAt: at };
  };
  builtIn("attack_time", t0.toISOString(), t0.toISOString());

  // decisions in the order of their latest choice: a revisited decision acts last
  const decisions = new Map<string, IncidentState["decisions"][string]>();
  const resolutions = new Map<string, Resolution>();
  const drafts = new Map<string, { file: string; by: string; at: string }[]>();
  const notes: IncidentState["notes"] = [];
  // a plain id on a repeating task means its first occurrence
  const key = (step: string, occurrence?: number) => {
    const s = steps.get(step);
    return s?.kind === "task" && s.repeat ? `${step}#${occurrence ?? 1}` : step;
  };

  for (const event of events) {
    const at = eventTime(event);
    const by = event.by;
    const e = event as JournalEvent;
    switch (e.type) {
      case "incident.opened": {
        const d = (e as JournalEvent<"incident.opened">).data;
        builtIn("city", d.city, at);
        builtIn("timezone", d.timeZone, at);
        builtIn("lang", d.lang, at);
        break;
      }
      case "fact.set": {
        const d = (e as JournalEvent<"fact.set">).data;
        const old = facts[d.fact];
        const keep = old?.confirmed && sameValue(old.value, d.value);
        facts[d.fact] = {
          id: d.fact,
          value: d.value,
          confirmed: Boolean(d.confirmedBy) || Boolean(keep),
          ...(d.confirmedBy ? { confirmedBy: d.confirmedBy, confirmedAt: at } : keep ? { confirmedBy: old?.confirmedBy, confirmedAt: old?.confirmedAt } : {}),
          setBy: by,
          setAt: at,
        };
        break;
      }
      case "fact.confirmed": {
        const d = (e as JournalEvent<"fact.confirmed">).data;
        const old = facts[d.fact] ?? { id: d.fact, value: undefined, confirmed: false };
        facts[d.fact] = { ...old, confirmed: true, confirmedBy: d.by, confirmedAt: at };
        break;
      }
      case "decision.made": {
        const d = (e as JournalEvent<"decision.made">).data;
        decisions.delete(d.step);
        decisions.set(d.step, { option: d.option, why: d.why, by, at });
        break;
      }
      case "task.done":
      case "task.skipped":
      case "task.reopened": {
        const d = (e as JournalEvent<"task.done" | "task.skipped" | "task.reopened">).data;
        const k = key(d.step, d.occurrence);
        if (e.type === "task.reopened") resolutions.delete(k);
        else if (e.type === "task.skipped") resolutions.set(k, { state: "skipped", by, at, note: (d as { reason: string }).reason });
        else resolutions.set(k, { state: "done", by, at, ...((d as { note?: string }).note ? { note: (d as { note?: string }).note } : {}) });
        break;
      }
      case "draft.created": {
        const d = (e as JournalEvent<"draft.created">).data;
        if (d.step) drafts.set(d.step, [...(drafts.get(d.step) ?? []), { file: d.file, by, at }]);
        break;
      }
      case "note.added": {
        const d = (e as JournalEvent<"note.added">).data;
        notes.push({ text: d.text, by, at, ...(d.step ? { step: d.step } : {}) });
        break;
      }
      default:
        break;
    }
  }

  const flags: IncidentState["flags"] = {};
  const effects = new Map<string, "open" | "close">();
  for (const [stepId, decision] of decisions) {
    const step = steps.get(stepId);
    // a choice the playbook no longer offers stays recorded but has no effect
    const option = step?.kind === "decision" ? (step as DecisionStep).options.find((o) => o.id === decision.option) : undefined;
    if (!option) continue;
    Object.assign(flags, option.set ?? {});
    for (const id of option.open ?? []) effects.set(id, "open");
    for (const id of option.close ?? []) effects.set(id, "close");
  }
  return { facts, decisions: Object.fromEntries(decisions), flags, effects, resolutions, drafts, notes };
}

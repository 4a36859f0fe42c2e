/**
 * An incident's first journal entries: opened, the facts given at start, then the
 * answers file's decisions, ticks and skips. Ticks are checked against the state
 * those decisions produce (a step a decision closed cannot be ticked), all before
 * anything is written, so the opening goes to the journal in one write.
 */
import { computeState, resolveStepRef } from "../engine/engine.js";
import { isRespondError, RespondError } from "../errors.js";
import { messages } from "../i18n/index.js";
import type { JournalEvent, NewEvent } from "../journal/events.js";
import type { ResolvedPlaybook } from "../playbook/types.js";
import type { Incident } from "../workspace/incident.js";
import type { AnsweredFact, Answers } from "./answers.js";
import { confirmedOnEntry } from "./facts.js";

export interface Opening {
  playbook: ResolvedPlaybook;
  /** the incident.yaml about to be written */
  incident: Incident;
  /** who opened it: the author of every entry that names no one else */
  user: string;
  facts: AnsweredFact[];
  answers?: Answers;
}

export function openingEvents(opening: Opening, now: Date): NewEvent[] {
  const { playbook, incident, user: by } = opening;
  const at = now.toISOString();
  const declared = new Map(playbook.facts.map((f) => [f.id, f]));
  const events: NewEvent[] = [
    {
      type: "incident.opened",
      data: {
        playbook: incident.playbook.id,
        playbookVersion: incident.playbook.version,
        playbookHash: incident.playbook.hash,
        t0: incident.t0,
        city: incident.city,
        lang: incident.lang,
        timeZone: incident.timeZone,
        mode: incident.mode,
      },
      by,
      at,
    },
    ...opening.facts.map((f): NewEvent => {
      const def = declared.get(f.id);
      const confirmedBy = def ? confirmedOnEntry(def, f.confirmedBy, by) : f.confirmedBy;
      return { type: "fact.set", data: { fact: f.id, value: f.value, ...(confirmedBy ? { confirmedBy } : {}) }, by, at };
    }),
  ];
  const answers = opening.answers;
  if (!answers) return events;
  for (const d of answers.decisions) events.push({ type: "decision.made", data: { step: d.step, option: d.option, why: d.why }, by: d.by ?? by, at });

  const t0 = new Date(incident.t0);
  const stateNow = () =>
    computeState({ playbook, t0, timeZone: incident.timeZone, now, events: events.map((e, i): JournalEvent => ({ ...e, v: 1, id: `planned-${i}` }) as JournalEvent) });
  const resolveTask = (list: string, ref: string) => {
    try {
      const step = resolveStepRef(stateNow(), ref, "any");
      if (step.state !== "open") throw new RespondError("usage", `it is already ${step.state}.`);
      return { step: step.stepId, ...(step.occurrence ? { occurrence: step.occurrence } : {}) };
    } catch (error) {
      if (isRespondError(error)) throw new RespondError("invalid-input", messages(incident.lang).incident.answersStep(answers.file, list, ref, error.message), error.hint ? { hint: error.hint } : {});
      throw error;
    }
  };
  for (const t of answers.done) events.push({ type: "task.done", data: { ...resolveTask("done", t.ref), ...(t.note ? { note: t.note } : {}) }, by: t.by ?? by, at });
  for (const s of answers.skipped) events.push({ type: "task.skipped", data: { ...resolveTask("skipped", s.ref), reason: s.reason }, by: s.by ?? by, at });
  return events;
}

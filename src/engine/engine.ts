/**
 * The engine: playbook + journal events + now -> the state of the response.
 * Pure: no IO, no clock. The journal is the only truth, read in its own order
 * (not by time), so a state is the same however often it is recomputed.
 */
import type { JournalEvent } from "../journal/events.js";
import type { ConditionContext } from "../playbook/conditions.js";
import { evaluate } from "../playbook/conditions.js";
import type { Phase, Step } from "../playbook/schema.js";
import type { ResolvedPlaybook } from "../playbook/types.js";
import { collectRecords, type Records } from "./records.js";
import { dueTime } from "./time.js";
import type { IncidentState, PhaseState, StepState } from "./types.js";

export { resolveStepRef, validateDecision } from "./refs.js";

export interface EngineInput {
  playbook: ResolvedPlaybook;
  t0: Date;
  timeZone: string;
  events: JournalEvent[];
  now: Date;
  /** include preparedness phases (exercises) */
  preparedness?: boolean;
}

/** A repeating task cannot run away: a year of hourly briefings is far beyond any playbook. */
const MAX_OCCURRENCES = 10_000;

export function computeState(input: EngineInput): IncidentState {
  const { playbook, t0, timeZone, now } = input;
  const records = collectRecords(playbook, input.events, t0);
  const phases = playbook.phases.filter((p) => input.preparedness || !p.preparedness);
  const ctx: ConditionContext = {
    facts: Object.fromEntries(Object.entries(records.facts).map(([id, f]) => [id, f.value])),
    decisions: Object.fromEntries(Object.entries(records.decisions).map(([id, d]) => [id, d.option])),
    flags: records.flags,
  };
  const steps: StepState[] = [];
  for (const phase of phases) {
    for (const step of phase.steps) steps.push(...stepStates(step, phase.id, input, records, ctx));
  }
  const phaseStates = phases.map((p) => phaseState(p, t0, timeZone, now));
  return {
    now,
    t0,
    phase: currentPhase(phaseStates, phases, t0, now),
    phases: phaseStates,
    steps,
    facts: records.facts,
    decisions: records.decisions,
    flags: records.flags,
    notes: records.notes,
  };
}

function stepStates(step: Step, phase: string, input: EngineInput, records: Records, ctx: ConditionContext): StepState[] {
  const { t0, timeZone, now } = input;
  const closedBy = closure(step, records, ctx);
  const first = step.due ? dueTime(t0, step.due, timeZone) : null;
  const base = (id: string, due: Date | null, occurrence?: number): StepState => {
    const resolution = records.resolutions.get(id);
    const state: StepState = {
      id,
      stepId: step.id,
      ...(occurrence === undefined ? {} : { occurrence }),
      kind: step.kind,
      phase,
      owner: step.owner,
      state: "open",
      due,
      overdue: false,
      notes: records.notes.filter((n) => n.step === id || n.step === step.id).map(({ text, by, at }) => ({ text, by, at })),
    };
    const decision = records.decisions[step.id];
    const drafts = records.drafts.get(step.id);
    if (step.kind === "statement") state.drafts = (drafts ?? []).map((d) => d.file);
    if (step.kind === "decision" && decision) {
      state.state = "decided";
      state.decision = decision;
    } else if (resolution) {
      state.state = resolution.state;
      state.resolution = { by: resolution.by, at: resolution.at, ...(resolution.note ? { note: resolution.note } : {}) };
    } else if (step.kind === "statement" && drafts?.[0]) {
      // the first draft settles the step: who drafted it, when, and which file
      state.state = "done";
      state.resolution = { by: drafts[0].by, at: drafts[0].at, note: drafts[0].file };
    } else if (closedBy) {
      state.state = "closed";
      state.closedBy = closedBy;
    }
    state.overdue = state.state === "open" && due !== null && due.getTime() < now.getTime();
    return state;
  };
  if (step.kind !== "task" || !step.repeat) return [base(step.id, first)];

  const until = dueTime(t0, step.repeat.until, timeZone);
  const occurrences: StepState[] = [];
  let due = first ?? t0;
  for (let n = 1; due.getTime() <= until.getTime() && n <= MAX_OCCURRENCES; n++) {
    occurrences.push(base(`${step.id}#${n}`, due, n));
    due = dueTime(due, step.repeat.every, timeZone);
  }
  return occurrences;
}

/** Why a step does not apply now, if it does not. */
function closure(step: Step, records: Records, ctx: ConditionContext): StepState["closedBy"] {
  const effect = records.effects.get(step.id);
  if (effect === "close") return "decision";
  if (step.starts === "closed" && effect !== "open") return "dormant";
  if (step.when && !evaluate(step.when, ctx)) return "condition";
  return undefined;
}

function phaseState(phase: Phase, t0: Date, timeZone: string, now: Date): PhaseState {
  const start = dueTime(t0, phase.window.from, timeZone);
  const end = phase.window.to ? dueTime(t0, phase.window.to, timeZone) : null;
  const status = now < start ? "upcoming" : end && now >= end ? "past" : "current";
  return { id: phase.id, start, end, status };
}

/**
 * The latest-starting live phase whose window holds now; after every window, the
 * last one begun; before T0, none. Windows are [start, end).
 */
function currentPhase(states: PhaseState[], phases: Phase[], t0: Date, now: Date): string | null {
  if (now < t0) return null;
  const live = states.filter((_, i) => !phases[i]!.preparedness);
  const latest = (list: PhaseState[]) =>
    list.reduce<PhaseState | undefined>((best, p) => (!best || p.start >= best.start ? p : best), undefined)?.id ?? null;
  const current = live.filter((p) => p.status === "current");
  if (current.length > 0) return latest(current);
  return latest(live.filter((p) => p.start <= now));
}

/** The engine's output: everything a screen, a status line or a report needs. */
import type { StepKind } from "../playbook/schema.js";

export type StepStateName = "open" | "done" | "skipped" | "decided" | "closed";

export interface StepState {
  /** step id, or `stepId#n` for the n-th occurrence of a repeating task */
  id: string;
  stepId: string;
  /** 1-based occurrence of a repeating task */
  occurrence?: number;
  kind: StepKind;
  phase: string;
  owner: string;
  state: StepStateName;
  /** T0 + due offset (+ n-1 periods), or null when the step has no due time */
  due: Date | null;
  overdue: boolean;
  /** why a closed step is closed: its `when` does not hold, a decision closed it, or it is dormant */
  closedBy?: "condition" | "decision" | "dormant";
  /** for decided steps */
  decision?: { option: string; why: string; by: string; at: string };
  /** for done / skipped steps */
  resolution?: { by: string; at: string; note?: string };
  /** for statement steps: drafts made so far (file names) */
  drafts?: string[];
  /** notes attached to this step */
  notes: { text: string; by: string; at: string }[];
}

export interface FactState {
  id: string;
  value: string | number | string[] | undefined;
  confirmed: boolean;
  confirmedBy?: string;
  confirmedAt?: string;
  setBy?: string;
  setAt?: string;
}

export interface PhaseState {
  id: string;
  start: Date;
  end: Date | null;
  /** "current" when now is in its window; phases can overlap */
  status: "past" | "current" | "upcoming";
}

export interface IncidentState {
  now: Date;
  t0: Date;
  /** the current phase: the latest-starting phase whose window holds now */
  phase: string | null;
  phases: PhaseState[];
  steps: StepState[];
  facts: Record<string, FactState>;
  decisions: Record<string, { option: string; why: string; by: string; at: string }>;
  flags: Record<string, string | number | boolean>;
  notes: { text: string; by: string; at: string; step?: string }[];
}

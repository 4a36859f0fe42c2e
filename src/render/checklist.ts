/**
 * The printable checklist: the incident's steps by phase, with their state from the
 * journal (done or decided, by whom, when), due times and owners, filtered by phase
 * and/or role. The model is computed here; the wording lives in the checklist
 * template of each language, so the same rules (and the same sandbox) apply.
 */
import { RespondError } from "../errors.js";
import { pick } from "../lang.js";
import { formatTime, sinceT0 } from "../engine/time.js";
import type { IncidentState, StepState } from "../engine/types.js";
import type { ResolvedPlaybook } from "../playbook/types.js";
import type { Step } from "../playbook/schema.js";
import { dict } from "./context.js";
import { htmlPage, markdownToHtml, tidy } from "./format.js";
import { loadTemplateSync, runTemplate } from "./template.js";

export interface ChecklistOptions {
  lang: string;
  timeZone: string;
  phase?: string;
  role?: string;
  format: "md" | "html" | "json";
  /** shown in the heading when given */
  city?: string;
  /** templates root (default: the shipped templates) */
  dir?: string;
}

export interface ChecklistStep {
  id: string;
  title: string;
  kind: string;
  owner: string;
  ownerName: string;
  state: string;
  /** done, decided or skipped: the box is ticked */
  ticked: boolean;
  done: boolean;
  decided: boolean;
  skipped: boolean;
  overdue: boolean;
  due: string;
  dueIso: string | null;
  dueSince: string;
  by: string;
  when: string;
  note: string;
  decision: string;
  why: string;
}

export interface ChecklistPhase {
  id: string;
  title: string;
  status: string;
  current: boolean;
  steps: ChecklistStep[];
}

export interface ChecklistModel {
  title: string;
  playbook: { id: string; version: string };
  city: string;
  now: string;
  elapsed: string;
  selection: { phase: string; role: string };
  phases: ChecklistPhase[];
  empty: boolean;
  counts: { open: number; ticked: number; overdue: number };
}

function stepIndex(playbook: ResolvedPlaybook): Map<string, Step> {
  const index = new Map<string, Step>();
  for (const phase of playbook.phases) for (const step of phase.steps) index.set(step.id, step);
  return index;
}

export function checklistModel(state: IncidentState, playbook: ResolvedPlaybook, options: ChecklistOptions): ChecklistModel {
  const lang = options.lang === "fr" ? "fr" : "en";
  const steps = stepIndex(playbook);
  const roleName = (id: string) => pick(playbook.roles.find((r) => r.id === id)?.name ?? id, lang);
  const when = (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : formatTime(date, options.timeZone, lang, "day");
  };

  if (options.phase && !playbook.phases.some((p) => p.id === options.phase)) {
    throw new RespondError("usage", `There is no phase '${options.phase}' in this playbook.`, { hint: `Phases: ${playbook.phases.map((p) => p.id).join(", ")}` });
  }
  if (options.role && !playbook.roles.some((r) => r.id === options.role)) {
    throw new RespondError("usage", `There is no role '${options.role}' in this playbook.`, { hint: `Roles: ${playbook.roles.map((r) => r.id).join(", ")}` });
  }

  const toStep = (s: StepState): ChecklistStep => {
    const step = steps.get(s.stepId);
    const base = step ? pick(step.title, lang) : s.stepId;
    const title = s.occurrence ? `${base} (${s.occurrence})` : base;
    const option = s.decision && step?.kind === "decision" ? step.options.find((o) => o.id === s.decision!.option) : undefined;
    const by = s.decision?.by ?? s.resolution?.by ?? "";
    const at = s.decision?.at ?? s.resolution?.at ?? "";
    return {
      id: s.id,
      title,
      kind: s.kind,
      owner: s.owner,
      ownerName: roleName(s.owner),
      state: s.state,
      ticked: s.state === "done" || s.state === "decided" || s.state === "skipped",
      done: s.state === "done",
      decided: s.state === "decided",
      skipped: s.state === "skipped",
      overdue: s.overdue && s.state === "open",
      due: s.due ? formatTime(s.due, options.timeZone, lang, "day") : "",
      dueIso: s.due ? s.due.toISOString() : null,
      dueSince: s.due ? sinceT0(state.t0, s.due) : "",
      by,
      when: at ? when(at) : "",
      note: s.resolution?.note ?? "",
      decision: option ? pick(option.label, lang) : (s.decision?.option ?? ""),
      why: s.decision?.why ?? "",
    };
  };

  const phases: ChecklistPhase[] = [];
  for (const phase of state.phases) {
    if (options.phase && phase.id !== options.phase) continue;
    const def = playbook.phases.find((p) => p.id === phase.id);
    const phaseSteps = state.steps
      .filter((s) => s.phase === phase.id && s.state !== "closed")
      .filter((s) => !options.role || s.owner === options.role)
      .map(toStep);
    if (phaseSteps.length === 0) continue;
    phases.push({ id: phase.id, title: def ? pick(def.title, lang) : phase.id, status: phase.status, current: phase.id === state.phase, steps: phaseSteps });
  }
  const all = phases.flatMap((p) => p.steps);
  return {
    title: pick(playbook.title, lang),
    playbook: { id: playbook.id, version: playbook.version },
    city: options.city ?? "",
    now: formatTime(state.now, options.timeZone, lang, "full"),
    elapsed: sinceT0(state.t0, state.now),
    selection: {
      phase: options.phase ? pick(playbook.phases.find((p) => p.id === options.phase)!.title, lang) : "",
      role: options.role ? roleName(options.role) : "",
    },
    phases,
    empty: all.length === 0,
    counts: { open: all.filter((s) => !s.ticked).length, ticked: all.filter((s) => s.ticked).length, overdue: all.filter((s) => s.overdue).length },
  };
}

/** Deep copy into prototype-free objects, the only shape templates are given. */
function bare(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(bare);
  if (value && typeof value === "object") return dict(Object.entries(value).map(([k, v]) => [k, bare(v)]));
  return value;
}

export function renderChecklist(state: IncidentState, playbook: ResolvedPlaybook, options: ChecklistOptions): string {
  const model = checklistModel(state, playbook, options);
  if (options.format === "json") return `${JSON.stringify(model, null, 2)}\n`;
  const template = loadTemplateSync("checklist", options.lang, options.dir ? { dir: options.dir } : {});
  const settings = { lang: options.lang, timeZone: options.timeZone, t0: state.t0, known: new Set<string>() };
  const markdown = tidy(runTemplate(template, bare(model), settings, options.format === "html"));
  return options.format === "html" ? htmlPage(markdownToHtml(markdown), model.title, options.lang) : markdown;
}

/**
 * What the walk and `respond status` show, as plain functions of the incident state:
 * lines of text, at most `width` columns, coloured only through `paint` (a chalk
 * instance at level 0 when colour is off). No printing, no prompting here.
 */
import type { ChalkInstance } from "chalk";
import { formatTime, sinceT0 } from "../engine/time.js";
import type { IncidentState, StepState } from "../engine/types.js";
import type { Messages } from "../i18n/index.js";
import { pick, type Lang } from "../lang.js";
import type { BasePlaybook, Phase, Step } from "../playbook/schema.js";

export type IncidentMessages = Messages["incident"];

export interface View {
  playbook: BasePlaybook;
  lang: Lang;
  timeZone: string;
  city: string;
  msg: IncidentMessages;
  paint: ChalkInstance;
  width: number;
  /** the workspace folder, for the commands we suggest */
  dir: string;
}

const HOUR = 3_600_000;
/** How far ahead "due soon" looks, on the home screen, in the status and in the walk's order. */
const HORIZON_HOURS = 6;

export function stepDef(view: Pick<View, "playbook">, stepId: string): Step | undefined {
  for (const phase of view.playbook.phases) for (const step of phase.steps) if (step.id === stepId) return step;
  return undefined;
}

function phaseDef(view: View, phaseId: string | null): Phase | undefined {
  return view.playbook.phases.find((p) => p.id === phaseId);
}

function roleName(view: View, roleId: string): string {
  const role = view.playbook.roles.find((r) => r.id === roleId);
  return role ? pick(role.name, view.lang) : roleId;
}

/** The longest a role's name gets where space is short, when the playbook gives no short name. */
const SHORT_ROLE = 20;

/** The role's short name, for one-line lists; its name, shortened, when it has none. */
export function roleShort(view: View, roleId: string): string {
  const role = view.playbook.roles.find((r) => r.id === roleId);
  return truncate(role?.short ? pick(role.short, view.lang) : roleName(view, roleId), SHORT_ROLE);
}

/** The step's title, with its occurrence for a repeating task. */
export function stepTitle(view: View, step: StepState): string {
  const def = stepDef(view, step.stepId);
  const title = def ? pick(def.title, view.lang) : step.stepId;
  return step.occurrence ? `${title} (${view.msg.occurrence(step.occurrence)})` : title;
}

/** `1h45`, `35 min`, `3 days`: how far a time is from now, for a person. */
function span(msg: IncidentMessages, ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return msg.minutes(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h${String(minutes % 60).padStart(2, "0")}`;
  return msg.days(Math.floor(hours / 24));
}

const localDay = (date: Date, timeZone: string): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);

/** `due 19:00, 1h45 late` or `due Thu 14 May, 09:00, in 3 days`. */
function dueText(view: View, step: StepState, now: Date): string {
  if (!step.due) return view.msg.noDueTime;
  const sameDay = localDay(step.due, view.timeZone) === localDay(now, view.timeZone);
  const when = formatTime(step.due, view.timeZone, view.lang, sameDay ? "clock" : "day");
  const diff = step.due.getTime() - now.getTime();
  if (step.state !== "open") return view.msg.dueAt(when);
  if (Math.abs(diff) < 60_000) return view.msg.dueNow(when);
  return diff < 0 ? view.msg.dueLate(when, span(view.msg, diff)) : view.msg.dueIn(when, span(view.msg, diff));
}

/** `1h45 late`, `in 3h`, `now`: for one-line lists. */
export function shortDue(view: View, step: StepState, now: Date): string {
  if (!step.due) return view.msg.noDueTime;
  const diff = step.due.getTime() - now.getTime();
  if (Math.abs(diff) < 60_000) return view.msg.nowShort;
  return diff < 0 ? view.msg.lateShort(span(view.msg, diff)) : view.msg.inShort(span(view.msg, diff));
}

/** Cut a text into lines of at most `width` characters, on spaces. */
function wrap(text: string, width: number, indent = ""): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(indent + line);
  }
  return lines;
}

/** Soonest first; undated steps after the dated ones, in playbook order. */
function byUrgency(a: StepState, b: StepState): number {
  const da = a.due?.getTime() ?? Infinity;
  const db = b.due?.getTime() ?? Infinity;
  return da === db ? 0 : da < db ? -1 : 1;
}

export interface Sections {
  overdue: StepState[];
  dueSoon: StepState[];
  decisions: StepState[];
  /** open steps of phases already started, with no due time or due later */
  other: StepState[];
  /** open steps of phases not started yet */
  later: StepState[];
}

/** Sort the open steps into what the home screen and the status show. */
export function sections(state: IncidentState, options: { horizonHours: number; role?: string }): Sections {
  const started = new Set(state.phases.filter((p) => p.status !== "upcoming").map((p) => p.id));
  const horizon = state.now.getTime() + options.horizonHours * HOUR;
  const result: Sections = { overdue: [], dueSoon: [], decisions: [], other: [], later: [] };
  const open = state.steps.filter((s) => s.state === "open" && (!options.role || s.owner === options.role)).sort(byUrgency);
  for (const step of open) {
    if (step.overdue) result.overdue.push(step);
    else if (step.due && step.due.getTime() <= horizon) result.dueSoon.push(step);
    else if (step.kind === "decision" && started.has(step.phase)) result.decisions.push(step);
    else if (started.has(step.phase)) result.other.push(step);
    else result.later.push(step);
  }
  return result;
}

/** Every open step in the order the walk offers them. */
export function openSteps(state: IncidentState): StepState[] {
  const s = sections(state, { horizonHours: HORIZON_HOURS });
  return [...s.overdue, ...s.dueSoon, ...s.decisions, ...s.other, ...s.later];
}

/** The next step the walk suggests: the most urgent open step not put off for later. */
export function nextStep(state: IncidentState, later: ReadonlySet<string>): StepState | undefined {
  return openSteps(state).find((step) => !later.has(step.id));
}

function header(view: View, state: IncidentState): string[] {
  const { msg, paint } = view;
  const phase = phaseDef(view, state.phase);
  const phaseText = phase ? pick(phase.title, view.lang) : msg.noPhase;
  return [
    paint.bold(`${view.city} · ${sinceT0(state.t0, state.now)} · ${phaseText}`),
    paint.dim(msg.attackAndNow(formatTime(state.t0, view.timeZone, view.lang, "day"), formatTime(state.now, view.timeZone, view.lang, "day"))),
  ];
}

function marker(view: View, step: StepState): string {
  if (step.overdue) return view.paint.red("!");
  return step.kind === "decision" ? view.paint.yellow("?") : step.kind === "statement" ? view.paint.cyan("»") : "-";
}

/** Shorten a text to `max` characters, with an ellipsis when cut. */
export const truncate = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`);

/**
 * One step as a line (or two when it does not fit): marker, title, due. `compact`
 * keeps it to one line, shortening the title, so the home screen fits a terminal.
 */
export function stepLine(view: View, step: StepState, now: Date, indent = "    ", compact = false): string[] {
  const title = stepTitle(view, step);
  const kind = step.kind === "task" ? "" : view.msg.kindPrefix(view.msg.kind[step.kind]);
  const dueShown = compact ? shortDue(view, step, now) : dueText(view, step, now);
  const plainDue = step.due ? `  (${dueShown})` : "";
  const room = view.width - indent.length - 2 - plainDue.length;
  const shown = compact ? truncate(`${kind}${title}`, room) : `${kind}${title}`;
  const due = step.due ? `  ${view.paint.dim(`(${dueShown})`)}` : "";
  const head = `${indent}${marker(view, step)} ${shown}`;
  if (compact || head.length + plainDue.length <= view.width) return [head + due];
  return [...wrap(`${kind}${title}`, view.width, `${indent}  `).map((l, i) => (i === 0 ? `${indent}${marker(view, step)} ${l.trimStart()}` : l)), `${indent}  ${view.paint.dim(dueText(view, step, now))}`];
}

function grouped(view: View, steps: StepState[], now: Date): string[] {
  const lines: string[] = [];
  for (const owner of [...new Set(steps.map((s) => s.owner))]) {
    lines.push(`  ${view.paint.bold(roleName(view, owner))}`);
    for (const step of steps.filter((s) => s.owner === owner)) lines.push(...stepLine(view, step, now));
  }
  return lines;
}

/** The readable status: every open step that is late, due soon or to decide, by owner. */
export function overview(view: View, state: IncidentState, options: { role?: string } = {}): string[] {
  const { msg, paint } = view;
  const s = sections(state, { horizonHours: HORIZON_HOURS, ...(options.role ? { role: options.role } : {}) });
  const lines = header(view, state);
  if (options.role) lines.push(paint.dim(msg.onlyRole(roleName(view, options.role))));
  lines.push("");
  if (s.overdue.length) lines.push(paint.red.bold(msg.overdue(s.overdue.length)), ...grouped(view, s.overdue, state.now), "");
  if (s.dueSoon.length) lines.push(paint.bold(msg.dueSoon(HORIZON_HOURS, s.dueSoon.length)), ...grouped(view, s.dueSoon, state.now), "");
  if (s.decisions.length) lines.push(paint.bold(msg.openDecisions(s.decisions.length)), ...grouped(view, s.decisions, state.now), "");
  if (!s.overdue.length && !s.dueSoon.length && !s.decisions.length) lines.push(msg.nothingUrgent(HORIZON_HOURS), "");
  const rest = s.other.length + s.later.length;
  if (rest) lines.push(...wrap(msg.alsoOpen(s.other.length, s.later.length), view.width).map((l) => paint.dim(l)));
  return lines;
}

/** `  ! Title  (1h45 late · Crisis lead)`: one line; the title is shortened, never the due time or the role. */
function itemLine(view: View, step: StepState, now: Date): string {
  const due = step.due ? `${shortDue(view, step, now)} · ` : "";
  const about = `${due}${roleShort(view, step.owner)}`;
  const title = truncate(stepTitle(view, step), view.width - 4 - 4 - about.length); // marker, spaces and brackets
  return `  ${marker(view, step)} ${title}  ${view.paint.dim(`(${about})`)}`;
}

/** `  Communications (6)  » Issue the holding statement · in 59 min`: the role column is as wide as its longest label. */
function roleLines(view: View, steps: StepState[], now: Date): string[] {
  const owners = [...new Set(steps.map((step) => step.owner))];
  const labels = owners.map((owner) => `${roleShort(view, owner)} (${steps.filter((step) => step.owner === owner).length})`);
  const column = Math.max(...labels.map((l) => l.length));
  return owners.map((owner, i) => {
    const first = steps.find((step) => step.owner === owner) as StepState;
    const when = ` · ${shortDue(view, first, now)}`;
    const title = truncate(stepTitle(view, first), view.width - 2 - column - 4 - when.length);
    return `  ${(labels[i] as string).padEnd(column)}  ${marker(view, first)} ${title}${view.paint.dim(when)}`;
  });
}

/** Up to `max` lines: the first steps, then how many more when they do not all fit. */
function capped(view: View, steps: StepState[], now: Date, max: number): string[] {
  const shown = steps.length > max ? max - 1 : steps.length;
  const lines = steps.slice(0, shown).map((step) => itemLine(view, step, now));
  if (steps.length > shown) lines.push(`    ${view.paint.dim(view.msg.andMore(steps.length - shown))}`);
  return lines;
}

/** The height the home screen aims for, so the menu fits below it in a terminal. */
const HOME_LINES = 20;

/**
 * The walk's home screen, about 20 lines so the menu fits below it: late steps first
 * (as many as there is room for, then a count), one line per role with work in the
 * next hours (every role, so no one's urgent work hides behind another's, even past
 * 20 lines), then the open decisions, most urgent first.
 */
export function homeScreen(view: View, state: IncidentState): string[] {
  const { msg, paint } = view;
  const s = sections(state, { horizonHours: HORIZON_HOURS });
  const roles = s.dueSoon.length ? roleLines(view, s.dueSoon, state.now) : [];
  const also = s.other.length + s.later.length ? wrap(msg.alsoOpen(s.other.length, s.later.length), view.width).map((l) => paint.dim(l)) : [];

  // what is left once the header, the roles and the closing line are placed; late work first
  let room = HOME_LINES - 3 - (roles.length ? roles.length + 2 : 0) - also.length;
  const decisionsWanted = s.decisions.length ? 2 + Math.min(s.decisions.length, 2) : 0;
  const overdueMax = Math.max(2, Math.min(6, room - decisionsWanted - 2));
  const overdue = s.overdue.length ? capped(view, s.overdue, state.now, overdueMax) : [];
  room -= overdue.length ? overdue.length + 2 : 0;
  const decisions = s.decisions.length ? capped(view, s.decisions, state.now, Math.max(2, Math.min(4, room - 2))) : [];

  const lines = [...header(view, state), ""];
  if (overdue.length) lines.push(paint.red.bold(msg.overdue(s.overdue.length)), ...overdue, "");
  if (roles.length) lines.push(paint.bold(msg.nextByOwner(HORIZON_HOURS, s.dueSoon.length)), ...roles, "");
  if (decisions.length) lines.push(paint.bold(msg.openDecisions(s.decisions.length)), ...decisions, "");
  if (!overdue.length && !roles.length && !decisions.length) lines.push(msg.nothingUrgent(HORIZON_HOURS), "");
  lines.push(...also);
  return lines;
}

/** `--all`: every step, phase by phase, with its state. */
export function fullList(view: View, state: IncidentState, options: { role?: string } = {}): string[] {
  const { msg, paint } = view;
  const lines = header(view, state);
  for (const phase of view.playbook.phases) {
    const steps = state.steps.filter((s) => s.phase === phase.id && (!options.role || s.owner === options.role));
    if (!steps.length) continue;
    lines.push("", paint.bold(pick(phase.title, view.lang)));
    for (const step of steps) {
      const stateText = step.state === "open" ? (step.overdue ? paint.red(msg.state.overdue) : msg.state.open) : paint.dim(msg.state[step.state]);
      const title = `${step.kind === "task" ? "" : msg.kindPrefix(msg.kind[step.kind])}${stepTitle(view, step)}`;
      lines.push(...wrap(title, view.width - 16, "  ").map((l, i) => (i === 0 ? `${l.padEnd(view.width - 16)} ${stateText}` : l)));
      lines.push(paint.dim(`      ${roleName(view, step.owner)}${step.due ? ` · ${dueText(view, step, state.now)}` : ""}`));
    }
  }
  return lines;
}

/** A step in full: what, who, when, guidance; a decision's question and options. */
export function stepScreen(view: View, state: IncidentState, step: StepState): string[] {
  const { msg, paint, width } = view;
  const def = stepDef(view, step.stepId);
  const lines: string[] = ["", paint.bold(`${msg.kindPrefix(msg.kind[step.kind])}${stepTitle(view, step)}`)];
  lines.push(`${msg.owner(roleName(view, step.owner))}${step.due ? ` · ${dueText(view, step, state.now)}` : ""}`);
  if (def?.guidance) lines.push("", ...wrap(pick(def.guidance, view.lang), width, "  "));
  if (def?.kind === "decision") {
    lines.push("", paint.bold(pick(def.question, view.lang)));
    def.options.forEach((option, i) => {
      lines.push(`  ${i + 1}. ${pick(option.label, view.lang)}`);
      if (option.guidance) lines.push(...wrap(pick(option.guidance, view.lang), width, "     ").map((l) => paint.dim(l)));
    });
  }
  if (def?.kind === "statement") {
    lines.push("", msg.statementFor(msg.audience(def.audience), msg.channel(def.channel)));
    lines.push(msg.draftWith(draftCommand(view, def.template)));
  }
  if (step.decision) lines.push("", msg.decidedLine(optionLabel(view, step.stepId, step.decision.option), step.decision.by, step.decision.why));
  if (step.notes.length) {
    lines.push("", paint.bold(msg.notesHeading));
    for (const note of step.notes) lines.push(...wrap(`${formatTime(new Date(note.at), view.timeZone, view.lang, "day")}, ${note.by}: ${note.text}`, width, "  "));
  }
  if (def?.source) lines.push(...wrap(msg.source(Array.isArray(def.source) ? def.source.join("; ") : def.source), width).map((l) => paint.dim(l)));
  return lines;
}

export function optionLabel(view: View, stepId: string, optionId: string): string {
  const def = stepDef(view, stepId);
  const option = def?.kind === "decision" ? def.options.find((o) => o.id === optionId) : undefined;
  return option ? pick(option.label, view.lang) : optionId;
}

/** Quote a path for a shell only when it needs it. */
export function shellArg(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export function draftCommand(view: View, template: string): string {
  return `respond draft ${template} --dir ${shellArg(view.dir)}`;
}

export function resumeCommand(dir: string): string {
  return `respond walk --dir ${shellArg(dir)}`;
}

/** What a decision (or another terminal) changed: steps that opened or closed. */
export function changes(view: View, before: IncidentState, after: IncidentState): string[] {
  const was = new Map(before.steps.map((s) => [s.id, s.state]));
  const opened = after.steps.filter((s) => s.state === "open" && was.get(s.id) !== "open" && was.get(s.id) !== undefined);
  const added = after.steps.filter((s) => s.state === "open" && !was.has(s.id) && !s.occurrence);
  const closed = after.steps.filter((s) => s.state === "closed" && was.get(s.id) === "open");
  const lines: string[] = [];
  const list = (steps: StepState[]) => steps.slice(0, 8).map((s) => `    ${stepTitle(view, s)}`);
  if (opened.length + added.length) lines.push(`  ${view.msg.nowOpen}`, ...list([...opened, ...added]));
  if (closed.length) lines.push(`  ${view.msg.nowClosed}`, ...list(closed));
  return lines;
}

/**
 * The interactive walk: a home screen (what is late, what is due, what to decide),
 * then one step at a time. Every answer is written to the journal before the walk
 * says "Saved", and the state is recomputed from the journal after each one, so a
 * second terminal's entries show up and nothing lives only in memory.
 */
import { join } from "node:path";
import { isRespondError, RespondError } from "../errors.js";
import type { IncidentState, StepState } from "../engine/types.js";
import type { NewEvent } from "../journal/events.js";
import { messages } from "../i18n/index.js";
import { pick } from "../lang.js";
import type { Draft } from "../render/draft.js";
import { draftBaseName, draftCreatedData, draftIncident, saveDraftInWorkspace } from "../render/incident.js";
import { askName, isPromptExit, required, type Prompter } from "./prompter.js";
import { decisionChoices, homeChoices, pickChoices, stepChoices, type StepChoice } from "./menus.js";
import { changes, draftCommand, homeScreen, nextStep, optionLabel, resumeCommand, stepDef, stepScreen, stepTitle, type View } from "./screens.js";

export interface WalkSession {
  view: View;
  print(line?: string): void;
  /** re-read the journal and compute the state at the current time */
  refresh(): Promise<IncidentState>;
  /** append to the journal; resolves once the entries are on disk */
  save(events: NewEvent[]): Promise<void>;
  /** the current time: the clock, or --now */
  now(): Date;
}

export interface WalkOptions {
  /** who is at the keyboard, when already asked (by `respond start`) */
  user?: string;
  /** offered as the default when asking the name */
  defaultUser: string;
}

export async function runWalk(session: WalkSession, prompter: Prompter, options: WalkOptions): Promise<void> {
  try {
    await walk(session, prompter, options);
  } catch (error) {
    if (isPromptExit(error)) throw cancelled(session);
    throw error;
  }
}

/** Ctrl-C: what is recorded is on disk already; say so and how to come back. */
function cancelled(session: WalkSession): RespondError {
  return new RespondError("cancelled", session.view.msg.cancelled(resumeCommand(session.view.dir)));
}

async function walk(session: WalkSession, prompter: Prompter, options: WalkOptions): Promise<void> {
  const { view, print } = session;
  const { msg, paint } = view;
  const user = options.user ?? (await askName(prompter, msg, options.defaultUser));
  const later = new Set<string>();

  for (;;) {
    const state = await session.refresh();
    print();
    for (const line of homeScreen(view, state)) print(line);
    const next = nextStep(state, later);
    if (!next) print(msg.allCaughtUp);
    const choice = await prompter.select({ message: msg.whatNow, choices: homeChoices(view, next) });

    if (choice.kind === "quit") {
      print();
      print(paint.green(msg.quitSaved));
      print(msg.resumeWith(resumeCommand(view.dir)));
      return;
    }
    if (choice.kind === "note") {
      const text = await prompter.input({ message: msg.noteText, validate: required(msg.noteRequired) });
      if (await save(session, prompter, [{ type: "note.added", data: { text }, by: user, at: session.now().toISOString() }])) print(paint.green(msg.savedNote));
      continue;
    }
    let id: string | undefined = choice.kind === "step" ? choice.id : undefined;
    if (choice.kind === "pick") id = await pickStep(session, prompter, state);
    if (id === undefined) continue;
    const outcome = await stepLoop(session, prompter, user, id);
    if (outcome === "later") later.add(id);
  }
}

async function pickStep(session: WalkSession, prompter: Prompter, state: IncidentState): Promise<string | undefined> {
  const { view } = session;
  return prompter.select({ message: view.msg.pickStep, choices: pickChoices(view, state) });
}

/** The step as it is in the journal now; undefined (and said) when someone else got there first. */
async function current(session: WalkSession, id: string): Promise<{ state: IncidentState; step: StepState } | undefined> {
  const state = await session.refresh();
  const step = state.steps.find((s) => s.id === id);
  if (step?.state === "open") return { state, step };
  if (step) {
    const by = step.decision?.by ?? step.resolution?.by ?? "";
    session.print(session.view.paint.yellow(session.view.msg.alreadyHandled(stepTitle(session.view, step), session.view.msg.state[step.state], by)));
  }
  return undefined;
}

/** One step, until it is dealt with or the person goes back. Returns how it ended. */
async function stepLoop(session: WalkSession, prompter: Prompter, user: string, id: string): Promise<StepChoice | "decided"> {
  const { view, print } = session;
  const { msg, paint } = view;
  for (;;) {
    const found = await current(session, id);
    if (!found) return "home";
    const { state, step } = found;
    for (const line of stepScreen(view, state, step)) print(line);
    const ref = { step: step.stepId, ...(step.occurrence ? { occurrence: step.occurrence } : {}) };

    if (step.kind === "decision") {
      const decided = await decide(session, prompter, state, step);
      if (decided) return "decided";
      return "home";
    }

    const choice = await prompter.select({ message: msg.whatNow, choices: stepChoices(view, step) });
    const title = stepTitle(view, step);
    switch (choice) {
      case "done":
        if (await save(session, prompter, [{ type: "task.done", data: ref, by: user, at: session.now().toISOString() }])) print(paint.green(msg.savedDone(title)));
        return "done";
      case "skip": {
        const reason = await prompter.input({ message: msg.skipReason, validate: required(msg.reasonRequired) });
        if (await save(session, prompter, [{ type: "task.skipped", data: { ...ref, reason }, by: user, at: session.now().toISOString() }])) print(paint.green(msg.savedSkipped(title)));
        return "skip";
      }
      case "pending": {
        const def = stepDef(view, step.stepId);
        const template = def?.kind === "statement" ? def.template : step.stepId;
        if (await save(session, prompter, [{ type: "statement.pending", data: { step: step.stepId, template }, by: user, at: session.now().toISOString() }])) {
          print(paint.green(msg.savedPending(title)));
          print(msg.draftWith(draftCommand(view, template)));
        }
        return "later";
      }
      case "draft":
        if (await draftNow(session, prompter, user, state, step)) return "done";
        continue;
      case "note": {
        const text = await prompter.input({ message: msg.noteText, validate: required(msg.noteRequired) });
        if (await save(session, prompter, [{ type: "note.added", data: { text, step: step.stepId }, by: user, at: session.now().toISOString() }])) print(paint.green(msg.savedNote));
        continue;
      }
      case "later":
      case "home":
        return choice;
    }
  }
}

/**
 * A statement step drafted on the spot, exactly as `respond draft` does it: saved in
 * drafts/, recorded as draft.created (which marks the step done). Says where the file
 * is, what is still to confirm and what the checks found. False when nothing was recorded.
 */
async function draftNow(session: WalkSession, prompter: Prompter, user: string, state: IncidentState, step: StepState): Promise<boolean> {
  const { view, print } = session;
  const { paint } = view;
  const dm = messages(view.lang).drafting;
  const def = stepDef(view, step.stepId);
  if (def?.kind !== "statement") return false;
  let draft: Draft;
  let file: string;
  try {
    draft = draftIncident(view.playbook, state, { city: view.city, timeZone: view.timeZone, lang: view.lang }, { template: def.template, format: "md" });
    file = await saveDraftInWorkspace(view.dir, draftBaseName(def.template, view.lang, session.now(), view.timeZone), "md", draft.text);
  } catch (error) {
    if (!isRespondError(error) || error.code === "cancelled") throw error;
    print(paint.red(dm.walkNotDrafted));
    print(error.message);
    if (error.hint) print(error.hint);
    return false;
  }
  const data = draftCreatedData(draft, { step: step.stepId, lang: view.lang, format: "md", file });
  if (!(await save(session, prompter, [{ type: "draft.created", data, by: user, at: session.now().toISOString() }]))) {
    print(paint.yellow(dm.fileNotRecorded(file)));
    return false;
  }
  print(paint.green(dm.walkDrafted(join(view.dir, file))));
  print(dm.walkToConfirm(data.missing.length));
  if (data.missing.length > 0) print(dm.walkStillToConfirm(data.missing));
  if (draft.findings.length === 0) print(dm.walkClean);
  else {
    print(paint.yellow(dm.findings(draft.findings.length)));
    for (const f of draft.findings) {
      print(dm.finding(f.line, f.col, f.text, f.why));
      if (f.suggestion) print(dm.suggestion(f.suggestion));
    }
  }
  print(paint.dim(dm.reviewReminder));
  return true;
}

async function decide(session: WalkSession, prompter: Prompter, before: IncidentState, step: StepState): Promise<boolean> {
  const { view, print } = session;
  const { msg, paint } = view;
  const def = stepDef(view, step.stepId);
  if (def?.kind !== "decision") return false;
  const option = await prompter.select({ message: pick(def.question, view.lang), choices: decisionChoices(view, def) });
  if (option === undefined) return false;
  const who = await prompter.input({ message: msg.whoDecides, validate: required(msg.whoRequired) });
  const why = await prompter.input({ message: msg.why, validate: required(msg.whyRequired) });
  if (!(await prompter.confirm({ message: msg.confirmDecision(optionLabel(view, step.stepId, option), who), default: true }))) {
    print(msg.decisionNotRecorded);
    return false;
  }
  // someone may have decided in another terminal while this one was typing
  if (!(await current(session, step.id))) return false;
  const event: NewEvent = { type: "decision.made", data: { step: step.stepId, option, why }, by: who, at: session.now().toISOString() };
  if (!(await save(session, prompter, [event]))) return false;
  print(paint.green(msg.savedDecision(stepTitle(view, step), optionLabel(view, step.stepId, option))));
  for (const line of changes(view, before, await session.refresh())) print(line);
  return true;
}

/**
 * Write, and say plainly when it did not work. A full disk or a lock held by another
 * terminal is not the end of the walk: offer to try again; the answer is kept meanwhile.
 */
async function save(session: WalkSession, prompter: Prompter, events: NewEvent[]): Promise<boolean> {
  const { msg, paint } = session.view;
  for (;;) {
    try {
      await session.save(events);
      return true;
    } catch (error) {
      if (!isRespondError(error) || (error.code !== "io" && error.code !== "locked")) throw error;
      session.print(paint.red(error.message));
      if (error.hint) session.print(error.hint);
      if (!(await prompter.confirm({ message: msg.tryAgain, default: true }))) {
        session.print(paint.yellow(msg.notSaved));
        return false;
      }
    }
  }
}

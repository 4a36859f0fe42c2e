/**
 * The walk's non-interactive twins: `respond decide`, `done`, `skip` and `note`.
 * Each checks the id against the state, appends one event, and says "Saved" only
 * once the journal has it on disk.
 */
import { resolveStepRef, validateDecision } from "../../engine/engine.js";
import type { StepState } from "../../engine/types.js";
import { RespondError } from "../../errors.js";
import type { NewEvent } from "../../journal/events.js";
import { isPromptExit, required } from "../../prompts/prompter.js";
import { changes, optionLabel, stepDef, stepTitle } from "../../prompts/screens.js";
import type { CliContext } from "../context.js";
import { incidentView, openIncident, resolveAuthor, type OpenIncident } from "../incident.js";

interface Common {
  dir?: string;
  by?: string;
}

function text(ctx: CliContext, flag: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "") throw new RespondError("usage", ctx.msg.incident.blankFlag(flag));
  return value.trim();
}

async function save(ctx: CliContext, opened: OpenIncident, event: NewEvent, saved: string): Promise<void> {
  await opened.append([event]);
  ctx.out.line(ctx.out.color.green(saved));
}

/** A task or statement to tick or set aside; a step already resolved is left as it is. */
function resolvable(ctx: CliContext, opened: OpenIncident, ref: string): StepState | undefined {
  const step = resolveStepRef(opened.state, ref, "any");
  const view = incidentView(ctx, opened);
  if (step.kind === "decision") throw new RespondError("usage", opened.msg.incident.notAStatementOrTask(step.stepId));
  if (step.state !== "open") {
    ctx.out.line(opened.msg.incident.alreadyRecorded(stepTitle(view, step), opened.msg.incident.state[step.state], step.resolution?.by ?? ""));
    return undefined;
  }
  return step;
}

const occurrence = (step: StepState) => ({ step: step.stepId, ...(step.occurrence ? { occurrence: step.occurrence } : {}) });

export async function decide(ctx: CliContext, args: string[], options: Common & { why?: string }): Promise<number> {
  const [id = "", optionId = ""] = args;
  const opened = await openIncident(ctx, options);
  const msg = opened.msg.incident;
  validateDecision(opened.playbook, id, optionId);
  const step = resolveStepRef(opened.state, id, "decision");
  const view = incidentView(ctx, opened);
  const option = optionId.trim();
  if (step.decision?.option === option) {
    ctx.out.line(msg.alreadyRecorded(stepTitle(view, step), msg.state.decided, step.decision.by));
    return 0;
  }
  const by = resolveAuthor(ctx, options.by);
  const why = text(ctx, "--why", options.why) ?? (await askWhy(ctx, opened));
  if (step.decision) ctx.out.warn(msg.decisionChanged(stepTitle(view, step), optionLabel(view, step.stepId, step.decision.option)));
  const before = opened.state;
  await save(ctx, opened, { type: "decision.made", data: { step: step.stepId, option, why }, by, at: opened.now().toISOString() }, msg.savedDecision(stepTitle(view, step), optionLabel(view, step.stepId, option)));
  for (const line of changes(view, before, await opened.refresh())) ctx.out.line(line);
  return 0;
}

/** A decision's reason is part of the record: asked in a terminal, required otherwise. */
async function askWhy(ctx: CliContext, opened: OpenIncident): Promise<string> {
  const msg = opened.msg.incident;
  if (!ctx.interactive) throw new RespondError("missing-answer", msg.decideNeedsWhy, { hint: msg.decideNeedsWhyHint });
  const { terminalPrompter } = await import("../../prompts/prompter.js");
  try {
    return await terminalPrompter({ paint: ctx.out.color, lang: opened.lang }).input({ message: msg.why, validate: required(msg.whyRequired) });
  } catch (error) {
    if (isPromptExit(error)) throw new RespondError("cancelled", opened.msg.common.cancelled);
    throw error;
  }
}

export async function done(ctx: CliContext, args: string[], options: Common & { note?: string }): Promise<number> {
  const opened = await openIncident(ctx, options);
  const note = text(ctx, "--note", options.note);
  const step = resolvable(ctx, opened, args[0] ?? "");
  if (!step) return 0;
  const by = resolveAuthor(ctx, options.by);
  const title = stepTitle(incidentView(ctx, opened), step);
  await save(ctx, opened, { type: "task.done", data: { ...occurrence(step), ...(note ? { note } : {}) }, by, at: opened.now().toISOString() }, opened.msg.incident.savedDone(title));
  return 0;
}

export async function skip(ctx: CliContext, args: string[], options: Common & { reason?: string }): Promise<number> {
  const opened = await openIncident(ctx, options);
  const reason = text(ctx, "--reason", options.reason);
  if (!reason) throw new RespondError("usage", opened.msg.incident.blankFlag("--reason"));
  const step = resolvable(ctx, opened, args[0] ?? "");
  if (!step) return 0;
  const by = resolveAuthor(ctx, options.by);
  const title = stepTitle(incidentView(ctx, opened), step);
  await save(ctx, opened, { type: "task.skipped", data: { ...occurrence(step), reason }, by, at: opened.now().toISOString() }, opened.msg.incident.savedSkipped(title));
  return 0;
}

export async function note(ctx: CliContext, args: string[], options: Common & { step?: string }): Promise<number> {
  const opened = await openIncident(ctx, options);
  const body = text(ctx, "TEXT", args[0] ?? "");
  if (!body) throw new RespondError("usage", opened.msg.incident.noteRequired);
  let step: string | undefined;
  if (options.step !== undefined) {
    const ref = options.step.trim();
    // a note may concern any step, closed ones too: only the id must exist
    if (!stepDef(opened, ref.split("#")[0] ?? "")) resolveStepRef(opened.state, ref, "any");
    step = ref;
  }
  const by = resolveAuthor(ctx, options.by);
  await save(ctx, opened, { type: "note.added", data: { text: body, ...(step ? { step } : {}) }, by, at: opened.now().toISOString() }, opened.msg.incident.savedNote);
  return 0;
}

/**
 * The walk's menus as plain functions of the state, so a test can measure them: every
 * label fits one terminal line, next to the cursor inquirer draws before it.
 */
import type { IncidentState, StepState } from "../engine/types.js";
import { messages } from "../i18n/index.js";
import { pick } from "../lang.js";
import type { DecisionStep } from "../playbook/schema.js";
import type { Choice } from "./prompter.js";
import { openSteps, stepLine, stepTitle, truncate, type View } from "./screens.js";

export type HomeChoice = { kind: "step"; id: string } | { kind: "pick" } | { kind: "note" } | { kind: "quit" };
export type StepChoice = "done" | "skip" | "later" | "note" | "pending" | "draft" | "home";

/** Inquirer puts `❯ ` before each choice: a label longer than this wraps onto a second line. */
const labelWidth = (view: View): number => Math.min(view.width, 80) - 2;

const fit = (view: View, label: string): string => truncate(label, labelWidth(view));

/** The home screen's menu: the suggested next step first. */
export function homeChoices(view: View, next: StepState | undefined): Choice<HomeChoice>[] {
  const { msg } = view;
  const choices: Choice<HomeChoice>[] = [];
  if (next) choices.push({ value: { kind: "step", id: next.id }, name: fit(view, msg.nextStep(stepTitle(view, next))) });
  choices.push({ value: { kind: "pick" }, name: fit(view, msg.chooseStep) });
  choices.push({ value: { kind: "note" }, name: fit(view, msg.addNote) });
  choices.push({ value: { kind: "quit" }, name: fit(view, msg.saveQuit) });
  return choices;
}

/** Every open step, one line each; a long title is shortened so the due time stays whole. */
export function pickChoices(view: View, state: IncidentState): Choice<string | undefined>[] {
  const narrow: View = { ...view, width: labelWidth(view) };
  const choices: Choice<string | undefined>[] = openSteps(state).map((s) => ({ value: s.id, name: stepLine(narrow, s, state.now, "", true).join(" ").trim() }));
  choices.push({ value: undefined, name: fit(view, view.msg.backHome) });
  return choices;
}

/** What can be done with an open task or statement. */
export function stepChoices(view: View, step: StepState): Choice<StepChoice>[] {
  const { msg } = view;
  const choices: Choice<StepChoice>[] =
    step.kind === "statement"
      ? [
          { value: "draft", name: messages(view.lang).drafting.walkDraftNow },
          { value: "pending", name: msg.statementPending },
          { value: "done", name: msg.statementDone },
          { value: "later", name: msg.later },
          { value: "note", name: msg.noteOnStep },
          { value: "home", name: msg.backHome },
        ]
      : [
          { value: "done", name: msg.taskDone },
          { value: "skip", name: msg.taskSkip },
          { value: "later", name: msg.later },
          { value: "note", name: msg.noteOnStep },
          { value: "home", name: msg.backHome },
        ];
  return choices.map((c) => ({ ...c, name: fit(view, c.name) }));
}

/** A decision's options, each with its guidance, and a way back. */
export function decisionChoices(view: View, def: DecisionStep): Choice<string | undefined>[] {
  const choices: Choice<string | undefined>[] = def.options.map((o) => ({
    value: o.id,
    name: fit(view, pick(o.label, view.lang)),
    ...(o.guidance ? { description: pick(o.guidance, view.lang) } : {}),
  }));
  choices.push({ value: undefined, name: fit(view, view.msg.notNow) });
  return choices;
}

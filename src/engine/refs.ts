/**
 * Step ids typed by a person (`respond done ID`, `respond decide ID OPTION`): found,
 * or refused with what they probably meant and what they can use instead.
 */
import { RespondError } from "../errors.js";
import { didYouMean } from "../suggest.js";
import type { DecisionOption, DecisionStep, StepKind } from "../playbook/schema.js";
import type { ResolvedPlaybook } from "../playbook/types.js";
import type { IncidentState, StepState } from "./types.js";

export type StepWant = StepKind | "any";

const COMMAND: Record<StepKind, string> = {
  task: "respond done",
  decision: "respond decide",
  statement: "respond draft",
};

function listOpen(state: IncidentState, want: StepWant): string {
  const open = state.steps.filter((s) => s.state === "open" && (want === "any" || s.kind === want)).map((s) => s.id);
  if (open.length === 0) return "Nothing of that kind is open now.";
  const shown = open.slice(0, 12).join(", ");
  return `Open now: ${shown}${open.length > 12 ? ` and ${open.length - 12} more (see \`respond status\`)` : ""}.`;
}

const CLOSED_WHY: Record<NonNullable<StepState["closedBy"]>, string> = {
  decision: "a decision closed it",
  dormant: "it only opens after a decision that has not been taken",
  condition: "it does not apply to this incident as things stand",
};

export function resolveStepRef(state: IncidentState, ref: string, want: StepWant): StepState {
  const typed = ref.trim();
  const [stepId = "", occurrence] = typed.split("#");
  const matches = occurrence === undefined ? state.steps.filter((s) => s.stepId === stepId) : state.steps.filter((s) => s.id === typed);
  const kindWord = want === "any" ? "step" : want;
  if (matches.length === 0) {
    const known = [...new Set(state.steps.map((s) => s.stepId))];
    if (occurrence !== undefined && known.includes(stepId)) {
      const count = state.steps.filter((s) => s.stepId === stepId).length;
      throw new RespondError("usage", `"${stepId}" has occurrences #1 to #${count}; there is no #${occurrence}.`);
    }
    const guess = didYouMean(stepId, known);
    throw new RespondError("usage", `There is no ${kindWord} "${typed}" in this playbook.${guess ? ` Did you mean "${guess}"?` : ""}`, {
      hint: listOpen(state, want),
    });
  }
  const step = matches.length === 1 ? matches[0]! : (matches.find((s) => s.state === "open") ?? matches[matches.length - 1]!);
  if (want !== "any" && step.kind !== want) {
    throw new RespondError("usage", `"${step.stepId}" is a ${step.kind}, not a ${want}.`, {
      hint: `Use \`${COMMAND[step.kind]} ${step.stepId}\` for it.`,
    });
  }
  if (step.state === "closed") {
    throw new RespondError("usage", `"${step.id}" is closed: ${CLOSED_WHY[step.closedBy ?? "condition"]}.`, {
      hint: listOpen(state, want),
    });
  }
  return step;
}

/** The option chosen for a decision step, or a usage error listing the valid ones. */
export function validateDecision(playbook: ResolvedPlaybook, stepId: string, optionId: string): DecisionOption {
  const steps = playbook.phases.flatMap((p) => p.steps);
  const step = steps.find((s) => s.id === stepId);
  if (!step || step.kind !== "decision") {
    const decisions = steps.filter((s) => s.kind === "decision").map((s) => s.id);
    const guess = didYouMean(stepId, decisions);
    throw new RespondError("usage", step ? `"${stepId}" is a ${step.kind}, not a decision.` : `There is no decision "${stepId}" in this playbook.${guess ? ` Did you mean "${guess}"?` : ""}`, {
      hint: `Decisions: ${decisions.join(", ")}.`,
    });
  }
  const options = (step as DecisionStep).options;
  const option = options.find((o) => o.id === optionId.trim());
  if (!option) {
    const guess = didYouMean(optionId, options.map((o) => o.id));
    throw new RespondError("usage", `"${optionId}" is not an option of the decision "${stepId}".${guess ? ` Did you mean "${guess}"?` : ""}`, {
      hint: `The options are: ${options.map((o) => o.id).join(", ")}.`,
    });
  }
  return option;
}

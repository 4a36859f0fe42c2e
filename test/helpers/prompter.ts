/**
 * A Prompter that answers from a script, for driving the walk without a terminal.
 * It fails on any question the script does not expect (wrong kind, wrong message,
 * or one too many), and it still runs our validators: an answer the script marks as
 * refused must be refused, and the final answer must be accepted.
 */
import type { ConfirmQuestion, InputQuestion, Prompter, SelectQuestion } from "../../src/prompts/prompter.js";

type Match = string | RegExp;

export type ScriptStep =
  | { select: Match; pick: Match; before?: () => Promise<void> | void }
  | { input: Match; type: string; refused?: string[]; before?: () => Promise<void> | void }
  | { confirm: Match; answer: boolean }
  | { cancel: "select" | "input" | "confirm"; at: Match };

const matches = (m: Match, text: string) => (typeof m === "string" ? text.includes(m) : m.test(text));

class ExitPromptError extends Error {
  override name = "ExitPromptError";
}

export interface ScriptedPrompter extends Prompter {
  /** every question asked, in order */
  asked: string[];
  /** what the validators said about refused answers */
  refusals: string[];
  /** fails when part of the script was not used */
  finished(): void;
}

export function scriptedPrompter(script: ScriptStep[]): ScriptedPrompter {
  const queue = [...script];
  const asked: string[] = [];
  const refusals: string[] = [];
  const take = (kind: "select" | "input" | "confirm", message: string): ScriptStep => {
    asked.push(`${kind}: ${message}`);
    const step = queue.shift();
    if (!step) throw new Error(`Unexpected question (script is over): ${kind} "${message}"`);
    if ("cancel" in step) {
      if (step.cancel !== kind || !matches(step.at, message)) throw new Error(`Unexpected question: ${kind} "${message}", the script wanted to cancel at ${step.cancel} ${String(step.at)}`);
      throw new ExitPromptError("User force closed the prompt with SIGINT");
    }
    const expected = "select" in step ? "select" : "input" in step ? "input" : "confirm";
    const m = "select" in step ? step.select : "input" in step ? step.input : step.confirm;
    if (expected !== kind || !matches(m, message)) throw new Error(`Unexpected question: ${kind} "${message}"; the script expected ${expected} ${String(m)}`);
    return step;
  };
  return {
    asked,
    refusals,
    async select<V>(q: SelectQuestion<V>): Promise<V> {
      const step = take("select", q.message) as Extract<ScriptStep, { select: Match }>;
      await step.before?.();
      const choice = q.choices.find((c) => matches(step.pick, c.name));
      if (!choice) throw new Error(`No choice matches ${String(step.pick)} in "${q.message}": ${q.choices.map((c) => c.name).join(" | ")}`);
      return choice.value;
    },
    async input(q: InputQuestion): Promise<string> {
      const step = take("input", q.message) as Extract<ScriptStep, { input: Match }>;
      await step.before?.();
      // as inquirer does: an empty answer takes the default, then the validator runs
      const valueOf = (typed: string) => (typed === "" && q.default !== undefined ? q.default : typed);
      for (const typed of step.refused ?? []) {
        const verdict = q.validate ? q.validate(valueOf(typed)) : true;
        if (verdict === true) throw new Error(`"${typed}" was accepted for "${q.message}", the script expected a refusal`);
        refusals.push(verdict);
      }
      const value = valueOf(step.type);
      const verdict = q.validate ? q.validate(value) : true;
      if (verdict !== true) throw new Error(`"${step.type}" was refused for "${q.message}": ${verdict}`);
      return value.trim();
    },
    async confirm(q: ConfirmQuestion): Promise<boolean> {
      const step = take("confirm", q.message) as Extract<ScriptStep, { confirm: Match }>;
      return step.answer;
    },
    finished() {
      if (queue.length) throw new Error(`The script has ${queue.length} unused step(s), first: ${JSON.stringify(queue[0], (_k, v) => (v instanceof RegExp ? String(v) : v))}`);
    },
  };
}

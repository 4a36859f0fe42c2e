/**
 * The questions respond asks, behind one small interface. This folder is the only
 * place that imports @inquirer/prompts; tests drive the walk with a scripted
 * Prompter that fails on an unexpected question and still runs our validators.
 */

export interface Choice<V> {
  value: V;
  name: string;
  description?: string;
}

export interface SelectQuestion<V> {
  message: string;
  choices: Choice<V>[];
  default?: V;
}

export interface InputQuestion {
  message: string;
  default?: string;
  /** true when acceptable, else the message to show; our validators, run by every Prompter */
  validate?: (value: string) => true | string;
}

export interface ConfirmQuestion {
  message: string;
  default?: boolean;
}

export interface Prompter {
  select<V>(question: SelectQuestion<V>): Promise<V>;
  input(question: InputQuestion): Promise<string>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
}

/** Ctrl-C at a prompt. Classified by name: the bundle may hold two copies of the class. */
export function isPromptExit(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "ExitPromptError";
}

/** A validator that refuses blanks, for answers the record needs. */
export const required =
  (message: string) =>
  (value: string): true | string =>
    value.trim() === "" ? message : true;

/** The real thing: @inquirer/prompts, loaded only when a question is asked. */
export function terminalPrompter(): Prompter {
  const inquirer = () => import("@inquirer/prompts");
  return {
    async select<V>(q: SelectQuestion<V>): Promise<V> {
      const { select } = await inquirer();
      return select<V>({
        message: q.message,
        choices: q.choices.map((c) => ({ value: c.value, name: c.name, ...(c.description ? { description: c.description } : {}) })),
        ...(q.default !== undefined ? { default: q.default } : {}),
        pageSize: 12,
        loop: false,
      });
    },
    async input(q: InputQuestion): Promise<string> {
      const { input } = await inquirer();
      const answer = await input({
        message: q.message,
        ...(q.default !== undefined && q.default !== "" ? { default: q.default } : {}),
        ...(q.validate ? { validate: q.validate } : {}),
      });
      return answer.trim();
    },
    async confirm(q: ConfirmQuestion): Promise<boolean> {
      const { confirm } = await inquirer();
      return confirm({ message: q.message, default: q.default ?? true });
    },
  };
}

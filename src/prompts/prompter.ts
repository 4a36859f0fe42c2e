/**
 * The questions respond asks, behind one small interface. This folder is the only
 * place that imports @inquirer/prompts; tests drive the walk with a scripted
 * Prompter that fails on an unexpected question and still runs our validators.
 */
import type { ChalkInstance } from "chalk";
import { messages, type Messages } from "../i18n/index.js";
import type { Lang } from "../lang.js";

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
  /** the language changed (chosen at the start): inquirer's own words follow it */
  setLang?(lang: Lang): void;
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

/** Who is at the keyboard, for the log: the same question in `respond start` and in the walk. */
export function askName(prompter: Prompter, msg: Messages["incident"], defaultUser: string): Promise<string> {
  return prompter.input({ message: msg.askName, default: defaultUser, validate: required(msg.nameRequired) });
}

export interface TerminalOptions {
  /** chalk at level 0 when colour is off (--no-color, NO_COLOR, not a terminal) */
  paint: ChalkInstance;
  /** the language of inquirer's own words (key help, yes/no) */
  lang: Lang;
}

/**
 * Inquirer colours its prompts with node's styleText, which ignores --no-color and
 * writes its help line in English: both come from this theme instead.
 */
export function inquirerTheme(paint: ChalkInstance, lang: Lang) {
  const words = messages(lang).incident.prompt;
  const action = (name: string) => (name === "navigate" ? words.navigate : name === "select" ? words.select : name);
  return {
    prefix: { idle: paint.blue("?"), done: paint.green("✔") },
    style: {
      answer: (text: string) => paint.cyan(text),
      message: (text: string) => paint.bold(text),
      error: (text: string) => paint.red(`> ${text}`),
      defaultAnswer: (text: string) => paint.dim(`(${text})`),
      help: (text: string) => paint.dim(text),
      highlight: (text: string) => paint.cyan(text),
      key: (text: string) => paint.cyan.bold(`<${text}>`),
      description: (text: string) => paint.cyan(text),
      disabled: (text: string) => paint.dim(text),
      keysHelpTip: (keys: [string, string][]) => keys.map(([key, name]) => `${paint.bold(key)} ${paint.dim(action(name))}`).join(paint.dim(" • ")),
      // the default side of y/N: upper-cased, so it shows without colour too
      confirmDefault: (text: string) => text.toUpperCase(),
    },
    keywords: { yes: words.yes, no: words.no, error: () => words.yesOrNo },
  };
}

/** The real thing: @inquirer/prompts, loaded only when a question is asked. */
export function terminalPrompter(options: TerminalOptions): Prompter {
  const inquirer = () => import("@inquirer/prompts");
  let lang = options.lang;
  return {
    setLang(next: Lang) {
      lang = next;
    },
    async select<V>(q: SelectQuestion<V>): Promise<V> {
      const { select } = await inquirer();
      return select<V>({
        message: q.message,
        choices: q.choices.map((c) => ({ value: c.value, name: c.name, ...(c.description ? { description: c.description } : {}) })),
        ...(q.default !== undefined ? { default: q.default } : {}),
        pageSize: 12,
        loop: false,
        theme: inquirerTheme(options.paint, lang),
      });
    },
    async input(q: InputQuestion): Promise<string> {
      const { input } = await inquirer();
      const answer = await input({
        message: q.message,
        ...(q.default !== undefined && q.default !== "" ? { default: q.default } : {}),
        ...(q.validate ? { validate: q.validate } : {}),
        theme: inquirerTheme(options.paint, lang),
      });
      return answer.trim();
    },
    async confirm(q: ConfirmQuestion): Promise<boolean> {
      const { confirm } = await inquirer();
      return confirm({ message: q.message, default: q.default ?? true, theme: inquirerTheme(options.paint, lang) });
    },
  };
}

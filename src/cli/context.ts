/**
 * What every command receives besides its own options: where it runs, the clock,
 * the language, how to print, and whether it may ask questions.
 */
import { RespondError } from "../errors.js";
import { isLang, type Lang } from "../lang.js";
import { messages, type Messages } from "../i18n/index.js";
import { createOutput, type Output } from "./output.js";

export interface GlobalOptions {
  now?: string;
  lang?: string;
  color?: boolean;
  interactive?: boolean;
  /** `respond start --answers`: the answers come from the file, so nothing is asked */
  answers?: string;
}

export interface CliContext {
  cwd: string;
  out: Output;
  /** the language asked for with --lang; commands fall back to the incident's language */
  langFlag: Lang | undefined;
  lang: Lang;
  msg: Messages;
  /** --now as typed, resolved by the command once it knows T0 (it may be `T+25h`) */
  nowFlag: string | undefined;
  /** the wall clock: the only place the CLI reads it */
  clock: () => Date;
  /** decided once: a terminal on stdin, and neither --answers nor --no-interactive */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
}

export function createContext(globals: GlobalOptions, env: NodeJS.ProcessEnv = process.env): CliContext {
  const langFlag = globals.lang ?? (env.RESPOND_LANG || undefined);
  if (langFlag !== undefined && !isLang(langFlag)) {
    throw new RespondError("usage", messages("en").common.badLang(langFlag));
  }
  const lang: Lang = langFlag ?? "en";
  return {
    cwd: process.cwd(),
    out: createOutput({ noColor: globals.color === false, env }),
    langFlag,
    lang,
    msg: messages(lang),
    nowFlag: globals.now,
    clock: () => new Date(),
    interactive: globals.interactive !== false && globals.answers === undefined && Boolean(process.stdin.isTTY),
    env,
  };
}

/**
 * The entry point: parse, run one command, turn the outcome into an exit status.
 * The only module that calls process.exit, and the one top-level error handler.
 */
import { CommanderError } from "commander";
import { EXIT, formatIssue, isRespondError, type RespondError } from "../errors.js";
import { messages } from "../i18n/index.js";
import { isLang, type Lang } from "../lang.js";
import { createContext, type CliContext } from "./context.js";
import { createOutput } from "./output.js";
import { buildProgram, runners } from "./program.js";

declare const RESPOND_VERSION: string;
const version = typeof RESPOND_VERSION === "string" ? RESPOND_VERSION : "0.0.0-dev";

/** Show a known error: what happened, every issue with its position, what to do. */
function reportKnown(error: RespondError, ctx: CliContext | undefined, lang: Lang): void {
  const out = ctx?.out ?? createOutput({ noColor: process.argv.includes("--no-color") });
  const msg = messages(lang).common;
  out.warn(out.color.red(error.message));
  const shown = error.issues.slice(0, 200);
  for (const issue of shown) out.warn(`  ${formatIssue(issue)}`);
  if (error.issues.length > shown.length) out.warn(`  … ${error.issues.length - shown.length} more`);
  if (error.hint) out.warn(`${msg.whatToDo} ${error.hint}`);
}

function reportBug(error: unknown, lang: Lang): void {
  const out = createOutput({ noColor: true });
  const msg = messages(lang).common;
  out.warn(msg.internalError);
  out.warn(msg.internalHint(version));
  if (process.env.RESPOND_DEBUG) out.warn(error instanceof Error ? (error.stack ?? error.message) : String(error));
}

/** The language for error messages before (or without) a context. */
function guessLang(argv: string[]): Lang {
  const i = argv.indexOf("--lang");
  const fromFlag = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
  const candidate = fromFlag ?? process.env.RESPOND_LANG;
  return isLang(candidate) ? candidate : "en";
}

/** A reader that stopped reading (`respond status | head`) is not an error: stop quietly. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(EXIT.ok);
    throw error;
  });
}

export async function main(argv: string[] = process.argv): Promise<number> {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  let ctx: CliContext | undefined;
  let status: number = EXIT.ok;
  const program = buildProgram(version, async ({ command, args, options, globals }) => {
    ctx = createContext(globals);
    const run = await runners[command]();
    status = await run(ctx, args, options);
  });
  try {
    await program.parseAsync(argv);
    return status;
  } catch (error) {
    const lang = ctx?.lang ?? guessLang(argv);
    if (error instanceof CommanderError) {
      // help and version are not failures; anything else commander rejects is usage
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return EXIT.ok;
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isRespondError(error)) {
      reportKnown(error, ctx, lang);
      return error.exitCode;
    }
    reportBug(error, lang);
    return EXIT.failure;
  }
}

const code = await main();
// process.exit does not wait for a pipe to drain: flush both streams first, or long
// output piped to another program would be cut short
const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write("", () => resolve()));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);

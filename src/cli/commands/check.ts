/**
 * `respond check FILE|-`: the statement checks on any text. Findings print as
 * `FILE:line:col  rule  "words"` with why and a suggestion; exit 0 when clean,
 * 1 with findings (as linters do), 2 when the input cannot be checked.
 */
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { checkStatement, type CheckContext, type Finding } from "../../checks/checks.js";
import { incidentCheckContext } from "../../checks/context.js";
import { EXIT, RespondError } from "../../errors.js";
import { messages, type Messages } from "../../i18n/index.js";
import type { Lang } from "../../lang.js";
import { findWorkspace } from "../../workspace/workspace.js";
import type { CliContext } from "../context.js";
import { openIncident } from "../incident.js";

/** A statement is a page or two; anything this big is the wrong file. */
export const MAX_CHECK_BYTES = 1024 * 1024;

export interface CheckOptions {
  json?: boolean;
  dir?: string;
}

export interface CheckResult {
  file: string;
  lang: Lang;
  /** the incident folder the facts came from, if any */
  incident: string | undefined;
  findings: Finding[];
  warnings: string[];
}

export async function run(ctx: CliContext, args: string[], options: CheckOptions): Promise<number> {
  const file = args[0] ?? "-";
  const result = await check(ctx, file, options);
  const msg = messages(result.lang).checks;
  if (options.json) {
    ctx.out.json({ file: result.file, lang: result.lang, incident: result.incident ?? null, findings: result.findings });
  } else {
    for (const w of result.warnings) ctx.out.warn(w);
    print(ctx, result, file === "-" ? msg.stdinName : file, messages(result.lang));
  }
  return result.findings.length > 0 ? EXIT.failure : EXIT.ok;
}

export async function check(ctx: CliContext, file: string, options: CheckOptions): Promise<CheckResult> {
  const fallback = messages(ctx.lang).checks;
  const text = file === "-" ? await readStdin(ctx, fallback) : await readText(resolve(ctx.cwd, file), file, fallback);
  const warnings: string[] = [];
  const dir = options.dir !== undefined ? resolve(ctx.cwd, options.dir) : await findWorkspace(ctx.cwd);
  let checkCtx: CheckContext;
  if (dir !== undefined) {
    // the same incident, playbook snapshot and journal warnings as every incident command
    const opened = await openIncident(ctx, { dir });
    const lang = opened.lang;
    checkCtx = incidentCheckContext(opened.playbook, opened.state, lang);
    warnings.push(messages(lang).checks.withIncident(dir));
  } else {
    const lang = ctx.langFlag ?? "en";
    checkCtx = { lang, motiveConfirmed: false, facts: [], audience: "public" };
    warnings.push(messages(lang).checks.withoutIncident);
  }
  return { file, lang: checkCtx.lang, incident: dir, findings: checkStatement(text, checkCtx), warnings };
}

function print(ctx: CliContext, result: CheckResult, shown: string, msg: Messages): void {
  const { out } = ctx;
  const m = msg.checks;
  for (const f of result.findings) {
    const rule = f.severity === "error" ? out.color.red(f.rule) : out.color.yellow(f.rule);
    const words = f.rule === "missing-essentials" ? f.text : `"${f.text}"`;
    out.line(`${out.color.bold(`${shown}:${f.line}:${f.col}`)}  ${rule}  ${words}`);
    out.line(`  ${m.why} ${f.why}`);
    out.line(`  ${m.suggestion} ${f.suggestion}`);
    out.line();
  }
  if (result.findings.length === 0) {
    out.line(out.color.green(m.clean(shown)));
    return;
  }
  const errors = result.findings.filter((f) => f.severity === "error").length;
  out.line(m.summary(shown, errors, result.findings.length - errors));
  out.line(m.safetyNet);
}

function decode(bytes: Buffer, shown: string, msg: Messages["checks"]): string {
  const bad = () => new RespondError("invalid-input", msg.notText(shown), { hint: msg.notTextHint });
  if (bytes.includes(0)) throw bad();
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw bad();
  }
}

async function readText(path: string, shown: string, msg: Messages["checks"]): Promise<string> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") throw new RespondError("usage", msg.notFound(shown), { hint: msg.notFoundHint });
    throw new RespondError("invalid-input", msg.unreadable(shown, error.code ?? error.message), { hint: msg.unreadableHint });
  });
  if (info.isDirectory()) throw new RespondError("usage", msg.isFolder(shown), { hint: msg.isFolderHint });
  if (info.size > MAX_CHECK_BYTES) throw new RespondError("invalid-input", msg.tooLarge(shown, MAX_CHECK_BYTES / 1024), { hint: msg.tooLargeHint });
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new RespondError("invalid-input", msg.unreadable(shown, error.code ?? error.message), { hint: msg.unreadableHint });
  });
  return decode(bytes, shown, msg);
}

async function readStdin(ctx: CliContext, msg: Messages["checks"]): Promise<string> {
  if (process.stdin.isTTY) ctx.out.warn(msg.typeNow);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_CHECK_BYTES) throw new RespondError("invalid-input", msg.tooLarge(msg.stdinName, MAX_CHECK_BYTES / 1024), { hint: msg.tooLargeHint });
    chunks.push(buf);
  }
  return decode(Buffer.concat(chunks), msg.stdinName, msg);
}

/**
 * `respond draft TEMPLATE [--lang] [--format md|txt|html] [--out FILE] [--strict]`
 *
 * Two modes, one renderer (render/draft.ts):
 * - with --facts FILE: drafting outside an incident. The draft goes to stdout, or to
 *   --out (0600; a previous file there is kept aside, never overwritten).
 * - otherwise, inside the incident (found from the current folder, or --dir): the
 *   facts, flags and decisions come from the journal (public templates use confirmed
 *   facts only), the draft is saved as <workspace>/drafts/<template>-<lang>-<YYYYMMDD-HHmm>.<ext>
 *   (0600, never overwritten: -2, -3 are added) or to --out, a `draft.created` entry
 *   is written to the journal (which marks the matching open statement step done), and
 *   the draft text is also printed to stdout unless --out is given.
 *
 * In both modes stdout carries only the draft text, so `respond draft x > file` works;
 * where it was saved, the facts still to confirm and the checks' findings go to stderr.
 * --strict: exit 2 and nothing saved or recorded when a fact is missing or unconfirmed.
 */
import { existsSync } from "node:fs";
import { chmod, rename, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { RespondError } from "../../errors.js";
import { pick } from "../../lang.js";
import type { BasePlaybook } from "../../playbook/schema.js";
import { draftFromInput, type Draft } from "../../render/draft.js";
import { readFactsFile } from "../../render/facts-file.js";
import { draftBaseName, draftCreatedData, draftIncident, saveDraftInWorkspace, statementStepFor } from "../../render/incident.js";
import { shownPath } from "../../paths.js";
import type { Format } from "../../render/types.js";
import type { CliContext } from "../context.js";
import { openIncident, resolveAuthor, resolveClock } from "../incident.js";

export async function run(ctx: CliContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const [templateId = ""] = args;
  const format = (options.format as Format | undefined) ?? "md";
  if (typeof options.facts === "string") return fromFactsFile(ctx, templateId, format, options.facts, options);
  return inIncident(ctx, templateId, format, options);
}

async function fromFactsFile(ctx: CliContext, templateId: string, format: Format, factsFile: string, options: Record<string, unknown>): Promise<number> {
  const input = await readFactsFile(factsFile, {
    cwd: ctx.cwd,
    ...(ctx.langFlag ? { lang: ctx.langFlag } : {}),
    now: ctx.clock(),
    defaultTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  // --now may be T+25h: read against the facts file's attack time
  input.now = resolveClock(ctx, input.timeZone, input.t0)();

  const draft = draftFromInput(templateId, input, { format, lang: String(input.lang) });
  if (options.strict && incomplete(draft)) return refuse(ctx, draft, ctx.msg.drafting.strictHint);

  if (typeof options.out === "string") await writeOut(ctx, options.out, draft.text);
  else process.stdout.write(draft.text);
  report(ctx, draft);
  return 0;
}

async function inIncident(ctx: CliContext, templateId: string, format: Format, options: Record<string, unknown>): Promise<number> {
  const opened = await openIncident(ctx, { dir: options.dir });
  // the incident's language, unless --lang says otherwise
  const local: CliContext = { ...ctx, msg: opened.msg };
  const msg = opened.msg.drafting;
  const author = resolveAuthor(ctx, options.by);
  const { incident, playbook, state } = opened;
  const draft = draftIncident(playbook, state, { city: incident.city, timeZone: incident.timeZone, lang: opened.lang }, { template: templateId, format });
  if (options.strict && incomplete(draft)) return refuse(local, draft, msg.strictHintIncident);

  let file: string;
  if (typeof options.out === "string") {
    const path = await writeOut(local, options.out, draft.text);
    file = shownPath(path, opened.dir);
  } else {
    const base = draftBaseName(draft.template.info.id, opened.lang, opened.now(), incident.timeZone);
    file = await saveDraftInWorkspace(opened.dir, base, format, draft.text);
    process.stdout.write(draft.text);
    ctx.out.warn(ctx.out.color.green(msg.savedAs(file)));
  }

  const step = statementStepFor(playbook, state, draft.template.info.id);
  try {
    await opened.append([{ type: "draft.created", data: draftCreatedData(draft, { ...(step ? { step } : {}), lang: opened.lang, format, file }), by: author, at: opened.now().toISOString() }]);
  } catch (error) {
    ctx.out.warn(ctx.out.color.red(msg.fileNotRecorded(file)));
    throw error;
  }
  ctx.out.warn(step ? msg.recorded(stepTitle(playbook, step, opened.lang)) : msg.recordedNoStep);
  report(local, draft);
  if (incomplete(draft)) ctx.out.warn(msg.confirmWith);
  return 0;
}

function stepTitle(playbook: BasePlaybook, id: string, lang: string): string {
  const step = playbook.phases.flatMap((p) => p.steps).find((s) => s.id === id);
  return step ? pick(step.title, lang) : id;
}

const incomplete = (draft: Draft) => draft.missing.length > 0 || draft.unconfirmed.length > 0;

function refuse(ctx: CliContext, draft: Draft, hint: string): number {
  report(ctx, draft);
  ctx.out.warn(ctx.out.color.red(ctx.msg.drafting.strictFailed));
  ctx.out.warn(`${ctx.msg.common.whatToDo} ${hint}`);
  return 2;
}

/** --out: 0600, and a draft someone may have edited is never overwritten: the old one moves aside. */
async function writeOut(ctx: CliContext, out: string, text: string): Promise<string> {
  const msg = ctx.msg.drafting;
  const file = resolve(ctx.cwd, out);
  let kept: string | undefined;
  try {
    kept = await keepPrevious(file);
    await writeFile(file, text, { mode: 0o600 });
    await chmod(file, 0o600);
  } catch (error) {
    throw new RespondError("io", msg.cannotWrite(out, (error as NodeJS.ErrnoException).code ?? (error as Error).message), { cause: error });
  }
  ctx.out.warn(msg.written(out));
  if (kept) ctx.out.warn(msg.previousKept(kept));
  return file;
}

function report(ctx: CliContext, draft: Draft): void {
  const msg = ctx.msg.drafting;
  const { yellow } = ctx.out.color;
  if (draft.missing.length) ctx.out.warn(yellow(msg.missing(draft.missing)));
  if (draft.unconfirmed.length) ctx.out.warn(yellow(msg.unconfirmed(draft.unconfirmed)));
  const limit = draft.template.info.limit;
  if (limit && draft.length > limit) ctx.out.warn(yellow(msg.overLimit(draft.length, limit)));
  if (draft.findings.length) {
    ctx.out.warn(yellow(msg.findings(draft.findings.length)));
    for (const f of draft.findings) {
      ctx.out.warn(msg.finding(f.line, f.col, f.text, f.why));
      if (f.suggestion) ctx.out.warn(msg.suggestion(f.suggestion));
    }
  }
  ctx.out.warn(ctx.out.color.dim(msg.reviewReminder));
}

async function keepPrevious(file: string): Promise<string | undefined> {
  if (!existsSync(file)) return undefined;
  let n = 1;
  while (existsSync(`${file}.~${n}~`)) n++;
  await rename(file, `${file}.~${n}~`);
  return `${file}.~${n}~`;
}

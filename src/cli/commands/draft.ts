/**
 * `respond draft TEMPLATE --facts FILE [--format] [--out] [--strict]`: a statement
 * drafted from a facts file, checked, printed (or written to --out, 0600). Missing or
 * unconfirmed facts and the checks' findings go to stderr as calm warnings.
 * Incident mode (facts from the journal, saved in the workspace) is wired later
 * through the same draftFromInput.
 */
import { existsSync } from "node:fs";
import { chmod, rename, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseTime } from "../../engine/time.js";
import { RespondError } from "../../errors.js";
import { draftFromInput, type Draft } from "../../render/draft.js";
import { readFactsFile } from "../../render/facts-file.js";
import type { Format } from "../../render/types.js";
import type { CliContext } from "../context.js";

export async function run(ctx: CliContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const msg = ctx.msg.drafting;
  const [templateId = ""] = args;
  const format = (options.format as Format | undefined) ?? "md";
  if (typeof options.facts !== "string") {
    throw new RespondError("not-built", msg.incidentModeLater, { hint: msg.incidentModeHint });
  }

  const { input } = await readFactsFile(options.facts, {
    cwd: ctx.cwd,
    ...(ctx.langFlag ? { lang: ctx.langFlag } : {}),
    now: ctx.clock(),
    defaultTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  if (ctx.nowFlag !== undefined) {
    const now = parseTime(ctx.nowFlag, { timeZone: input.timeZone, t0: input.t0 });
    if (!now) throw new RespondError("usage", msg.badNow(ctx.nowFlag));
    input.now = now;
  }

  const draft = draftFromInput(templateId, input, { format, lang: String(input.lang) });
  const incomplete = draft.missing.length > 0 || draft.unconfirmed.length > 0;
  if (options.strict && incomplete) {
    report(ctx, draft);
    ctx.out.warn(ctx.out.color.red(msg.strictFailed));
    ctx.out.warn(`${ctx.msg.common.whatToDo} ${msg.strictHint}`);
    return 2;
  }

  if (typeof options.out === "string") {
    const file = resolve(ctx.cwd, options.out);
    const kept = await keepPrevious(file);
    await writeFile(file, draft.text, { mode: 0o600 });
    await chmod(file, 0o600);
    ctx.out.warn(msg.written(options.out));
    if (kept) ctx.out.warn(msg.previousKept(kept));
  } else {
    process.stdout.write(draft.text);
  }
  report(ctx, draft);
  return 0;
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

/** A draft someone may have edited is never overwritten: the old one moves aside. */
async function keepPrevious(file: string): Promise<string | undefined> {
  if (!existsSync(file)) return undefined;
  let n = 1;
  while (existsSync(`${file}.~${n}~`)) n++;
  await rename(file, `${file}.~${n}~`);
  return `${file}.~${n}~`;
}

/**
 * `respond checklist [--phase ID] [--role ROLE] [--format md|html|json] [--out FILE]`:
 * the incident's checklist as it stands now (states from the journal, due times,
 * owners), printed to stdout or written to --out (0600: it names people and may
 * name victims' families). An unknown phase or role is a usage error listing the
 * valid ids.
 */
import { chmod, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { RespondError } from "../../errors.js";
import { renderChecklist } from "../../render/checklist.js";
import type { CliContext } from "../context.js";
import { openIncident } from "../incident.js";

type ChecklistFormat = "md" | "html" | "json";

export async function run(ctx: CliContext, _args: string[], options: Record<string, unknown>): Promise<number> {
  const opened = await openIncident(ctx, { dir: options.dir });
  const msg = opened.msg.drafting;
  const { playbook, incident } = opened;
  const phase = typeof options.phase === "string" ? options.phase : undefined;
  const role = typeof options.role === "string" ? options.role : undefined;
  if (phase !== undefined && !playbook.phases.some((p) => p.id === phase)) {
    throw new RespondError("usage", msg.unknownPhase(phase), { hint: msg.phasesAre(playbook.phases.map((p) => p.id)) });
  }
  if (role !== undefined && !playbook.roles.some((r) => r.id === role)) {
    throw new RespondError("usage", msg.unknownRole(role), { hint: msg.rolesAre(playbook.roles.map((r) => r.id)) });
  }

  const format = (options.format as ChecklistFormat | undefined) ?? "md";
  const text = renderChecklist(opened.state, playbook, {
    lang: opened.lang,
    timeZone: incident.timeZone,
    format,
    city: incident.city,
    ...(phase ? { phase } : {}),
    ...(role ? { role } : {}),
  });

  if (typeof options.out === "string") {
    const file = resolve(ctx.cwd, options.out);
    try {
      await writeFile(file, text, { mode: 0o600 });
      await chmod(file, 0o600);
    } catch (error) {
      throw new RespondError("io", msg.cannotWrite(options.out, (error as NodeJS.ErrnoException).code ?? (error as Error).message), { cause: error });
    }
    ctx.out.warn(msg.checklistWritten(options.out));
  } else {
    process.stdout.write(text);
  }
  return 0;
}

/** `respond templates list [--json]`: the statement and checklist templates, by language. */
import { listTemplates } from "../../render/template.js";
import type { CliContext } from "../context.js";

export async function run(ctx: CliContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const msg = ctx.msg.drafting;
  const list = await listTemplates(ctx.langFlag ? { lang: ctx.langFlag } : {});
  if (options.json) {
    ctx.out.json(list);
    return 0;
  }
  if (list.length === 0) {
    ctx.out.line(msg.noTemplates);
    return 0;
  }
  const c = msg.columns;
  const rows = list.map((t) => [t.id, t.title, t.public ? t.audience : `${t.audience} (${msg.internal})`, t.channel, t.limit ? String(t.limit) : "-", t.languages.join(", ")]);
  const header = [c.id, c.title, c.audience, c.channel, c.limit, c.languages];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ");
  ctx.out.line(ctx.out.color.bold(line(header)));
  for (const row of rows) ctx.out.line(line(row));
  ctx.out.line();
  ctx.out.line(ctx.out.color.dim(msg.templatesHint));
  return 0;
}

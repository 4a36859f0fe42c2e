/** `respond walk`: resume the interactive walk through an incident. */
import { RespondError } from "../../errors.js";
import type { WalkSession } from "../../prompts/walk.js";
import type { CliContext } from "../context.js";
import { incidentView, openIncident, resolveAuthor, type OpenIncident } from "../incident.js";

export function walkSession(ctx: CliContext, opened: OpenIncident): WalkSession {
  return {
    view: incidentView(ctx, opened),
    print: (line = "") => ctx.out.line(line),
    refresh: () => opened.refresh(),
    save: async (events) => {
      await opened.append(events);
    },
    now: opened.now,
  };
}

export async function run(ctx: CliContext, _args: string[], options: { dir?: string; by?: string }): Promise<number> {
  const opened = await openIncident(ctx, options);
  if (!ctx.interactive) {
    throw new RespondError("usage", opened.msg.incident.walkNeedsTerminal, { hint: opened.msg.incident.walkNeedsTerminalHint });
  }
  const [{ terminalPrompter }, { runWalk }] = await Promise.all([import("../../prompts/prompter.js"), import("../../prompts/walk.js")]);
  // --by answers "Your name, for the log" up front, as it does for start
  const user = resolveAuthor(ctx, options.by);
  const who = options.by === undefined ? { defaultUser: user } : { user, defaultUser: user };
  await runWalk(walkSession(ctx, opened), terminalPrompter({ paint: ctx.out.color, lang: opened.lang }), who);
  return 0;
}

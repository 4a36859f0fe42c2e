/**
 * What every incident command does first: find the workspace, open it, load its
 * playbook (the workspace's snapshot of it, see workspace/snapshot.ts), read the
 * journal (saying calmly what is damaged), and settle the time and the author.
 * The state is always recomputed from the journal on disk.
 */
import { userInfo } from "node:os";
import { resolve } from "node:path";
import { computeState } from "../engine/engine.js";
import { parseTime } from "../engine/time.js";
import type { IncidentState } from "../engine/types.js";
import { RespondError } from "../errors.js";
import { messages, type Messages } from "../i18n/index.js";
import { appendEvents, readJournal } from "../journal/journal.js";
import type { JournalEvent, NewEvent } from "../journal/events.js";
import type { Lang } from "../lang.js";
import type { ResolvedPlaybook } from "../playbook/types.js";
import type { View } from "../prompts/screens.js";
import { incidentPlaybook } from "../workspace/snapshot.js";
import { findWorkspace, listWorkspaces, openWorkspace, type Incident } from "../workspace/workspace.js";
import type { CliContext } from "./context.js";

export interface OpenIncident {
  dir: string;
  incident: Incident;
  playbook: ResolvedPlaybook;
  t0: Date;
  /** --lang, else the incident's language */
  lang: Lang;
  msg: Messages;
  events: JournalEvent[];
  /** the state at `now()`, from the events last read */
  state: IncidentState;
  /** --now (fixed), else the clock */
  now(): Date;
  /** read the journal again and recompute the state at now() */
  refresh(): Promise<IncidentState>;
  append(events: NewEvent[]): Promise<JournalEvent[]>;
}

/** --by, else $RESPOND_USER, else the login name. */
export function resolveAuthor(ctx: CliContext, by?: unknown): string {
  if (typeof by === "string") {
    if (by.trim() === "") throw new RespondError("usage", ctx.msg.incident.blankFlag("--by"));
    return by.trim();
  }
  const fromEnv = ctx.env.RESPOND_USER?.trim();
  if (fromEnv) return fromEnv;
  try {
    return userInfo().username || "unknown";
  } catch {
    return "unknown";
  }
}

/** A clock for this command: --now when given (read against T0), else the wall clock. */
export function resolveClock(ctx: CliContext, timeZone: string, t0?: Date): () => Date {
  if (ctx.nowFlag === undefined) return ctx.clock;
  const fixed = parseTime(ctx.nowFlag, { timeZone, ...(t0 ? { t0 } : {}) });
  if (!fixed) throw new RespondError("usage", ctx.msg.common.badTime("--now", ctx.nowFlag));
  return () => fixed;
}

export async function locateWorkspace(ctx: CliContext, dirOption: unknown): Promise<string> {
  if (typeof dirOption === "string" && dirOption !== "") return resolve(ctx.cwd, dirOption);
  const found = await findWorkspace(ctx.cwd);
  if (found) return found;
  const all = await listWorkspaces(ctx.cwd);
  if (all.length > 1) throw new RespondError("usage", ctx.msg.incident.severalWorkspaces(all), { hint: ctx.msg.incident.severalWorkspacesHint });
  throw new RespondError("usage", ctx.msg.incident.noWorkspace, { hint: ctx.msg.incident.noWorkspaceHint });
}

export async function openIncident(ctx: CliContext, options: { dir?: unknown }): Promise<OpenIncident> {
  const dir = await locateWorkspace(ctx, options.dir);
  const { incident, warnings } = await openWorkspace(dir);
  const lang: Lang = ctx.langFlag ?? incident.lang;
  const msg = messages(lang);
  for (const warning of warnings) ctx.out.warn(ctx.out.color.yellow(warning));

  // the snapshot is the playbook as it was at opening; loaded by ref (an older
  // workspace, a damaged copy) it may have changed since, and that is said
  const loaded = await incidentPlaybook(dir, incident, { cwd: ctx.cwd });
  for (const warning of loaded.warnings) ctx.out.warn(ctx.out.color.yellow(warning));
  const playbook = loaded.playbook;
  if (loaded.from === "ref" && playbook.hash !== incident.playbook.hash) ctx.out.warn(ctx.out.color.yellow(msg.incident.playbookChanged(incident.playbook.id)));

  const t0 = new Date(incident.t0);
  const now = resolveClock({ ...ctx, msg }, incident.timeZone, t0);
  const compute = (events: JournalEvent[]) => computeState({ playbook, t0, timeZone: incident.timeZone, events, now: now() });

  const seen = new Set<string>();
  const read = async (): Promise<JournalEvent[]> => {
    const { events, problems } = await readJournal(dir);
    // a long walk re-reads often: say each problem once
    for (const p of problems) {
      const key = `${p.kind}:${p.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ctx.out.warn(ctx.out.color.yellow(msg.incident.journalProblem(p.line, p.message)));
    }
    return events;
  };

  const events = await read();
  const opened: OpenIncident = {
    dir,
    incident,
    playbook,
    t0,
    lang,
    msg,
    events,
    state: compute(events),
    now,
    async refresh() {
      opened.events = await read();
      opened.state = compute(opened.events);
      return opened.state;
    },
    append: (list) => appendEvents(dir, list),
  };
  return opened;
}

/** What the screens need to show this incident. */
export function incidentView(ctx: CliContext, opened: Pick<OpenIncident, "dir" | "incident" | "playbook" | "lang" | "msg">): View {
  return {
    playbook: opened.playbook,
    lang: opened.lang,
    timeZone: opened.incident.timeZone,
    city: opened.incident.city,
    msg: opened.msg.incident,
    paint: ctx.out.color,
    width: Math.min(ctx.out.width, 80),
    dir: opened.dir,
  };
}

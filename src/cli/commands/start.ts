/**
 * `respond start`: open a new incident workspace. The answers come from the person
 * (in a terminal), or from flags and an answers file (never both: interactivity is
 * decided once). Everything is checked before anything is written, and the opening
 * entries go to the journal in one write: an incident is opened whole or not at all.
 */
import { randomUUID } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { isTimeZone, parseTime } from "../../engine/time.js";
import { RespondError } from "../../errors.js";
import { messages } from "../../i18n/index.js";
import { parseAnswers, type Answers } from "../../incident/answers.js";
import { factLabel } from "../../incident/facts.js";
import { openingEvents } from "../../incident/opening.js";
import type { NewEvent } from "../../journal/events.js";
import { appendEvents } from "../../journal/journal.js";
import type { Lang } from "../../lang.js";
import { listPlaybooks, loadPlaybook } from "../../playbook/load.js";
import { looksLikePath } from "../../playbook/registry.js";
import type { ResolvedPlaybook } from "../../playbook/types.js";
import { overview, resumeCommand, shellArg } from "../../prompts/screens.js";
import type { StartAnswers } from "../../prompts/start.js";
import { createWorkspace, INCIDENTS_FOLDER, workspaceName, type Incident } from "../../workspace/workspace.js";
import type { CliContext } from "../context.js";
import { incidentView, openIncident, resolveAuthor } from "../incident.js";
import { walkSession } from "./walk.js";

export interface StartOptions {
  dir?: string;
  answers?: string;
  at?: string;
  city?: string;
  tz?: string;
  by?: string;
}

/** Everything needed to open the incident, however it was gathered. */
export interface StartPlan extends StartAnswers {
  playbook: ResolvedPlaybook;
  ref: string;
  answers?: Answers;
}

const DEFAULT_PLAYBOOK = "city-response";

export async function run(ctx: CliContext, args: string[], options: StartOptions): Promise<number> {
  const msg = ctx.msg.incident;
  // the context decided it: a terminal, and neither --answers nor --no-interactive
  const interactive = ctx.interactive;
  const by = options.by === undefined ? undefined : resolveAuthor(ctx, options.by);

  const ref = args[0] ?? (interactive ? await choosePlaybook(ctx) : DEFAULT_PLAYBOOK);
  const playbook = await loadPlaybook(ref, { cwd: ctx.cwd });
  if (options.tz !== undefined && !isTimeZone(options.tz)) throw new RespondError("usage", msg.badTzFlag(options.tz));
  if (options.dir !== undefined) await refuseExisting(ctx, resolve(ctx.cwd, options.dir));

  const defaultTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const zoneGuess = options.tz ?? defaultTimeZone;
  const at = options.at === undefined ? undefined : parseTime(options.at, { timeZone: zoneGuess });
  if (options.at !== undefined && !at) throw new RespondError("usage", ctx.msg.common.badTime("--at", options.at));
  // the answers file is read once, and parsed against a time: its attack time defaults to now
  const answersText = options.answers === undefined ? undefined : await readAnswers(ctx, options.answers);
  const answersAt = (now: Date): Answers | undefined =>
    answersText === undefined
      ? undefined
      : parseAnswers(answersText, options.answers as string, playbook, { ...(options.tz ? { timeZone: options.tz } : {}), ...(at ? { at } : {}), defaultTimeZone, now });
  let now = ctx.clock();
  if (ctx.nowFlag !== undefined) {
    // `--now T+30m` is read against the attack time, which may be in the answers file
    const t0 = at ?? answersAt(now)?.t0;
    const fixed = parseTime(ctx.nowFlag, { timeZone: zoneGuess, ...(t0 ? { t0 } : {}) });
    if (!fixed) throw new RespondError("usage", ctx.msg.common.badTime("--now", ctx.nowFlag));
    now = fixed;
  }
  const storedRef = looksLikePath(ref) ? (isAbsolute(ref) ? ref : resolve(ctx.cwd, ref)) : ref;

  let plan: StartPlan;
  if (interactive) {
    const [{ terminalPrompter, isPromptExit }, { askStart }] = await Promise.all([import("../../prompts/prompter.js"), import("../../prompts/start.js")]);
    try {
      const answered = await askStart(
        terminalPrompter({ paint: ctx.out.color, lang: ctx.lang }),
        playbook,
        { ...(by ? { user: by } : {}), ...(ctx.langFlag ? { lang: ctx.langFlag } : {}), ...(options.city?.trim() ? { city: options.city.trim() } : {}), ...(options.tz ? { timeZone: options.tz } : {}), ...(at ? { t0: at } : {}) },
        { lang: ctx.lang, timeZone: defaultTimeZone, user: resolveAuthor(ctx, by), now },
        (line) => ctx.out.line(line),
      );
      plan = { playbook, ref: storedRef, ...answered };
    } catch (error) {
      if (isPromptExit(error)) throw new RespondError("cancelled", msg.cancelledBeforeStart);
      throw error;
    }
  } else {
    plan = planFromAnswers(ctx, playbook, storedRef, options, answersAt(now), { at, now, defaultTimeZone });
  }

  const dir = options.dir !== undefined ? resolve(ctx.cwd, options.dir) : join(ctx.cwd, INCIDENTS_FOLDER, workspaceName(plan.t0, plan.city, plan.timeZone));
  await refuseExisting(ctx, dir);
  const incident: Incident = {
    format: 1,
    id: randomUUID(),
    playbook: { id: playbook.id, version: playbook.version, hash: playbook.hash, ref: plan.ref },
    t0: plan.t0.toISOString(),
    city: plan.city,
    lang: plan.lang,
    timeZone: plan.timeZone,
    mode: "live",
    created: now.toISOString(),
  };
  const events = openingEvents({ ...plan, incident }, now);
  await createWorkspace(dir, incident, playbook);
  await appendEvents(dir, events);

  const lang = ctx.langFlag ?? plan.lang;
  const out = messages(lang).incident;
  ctx.out.line(ctx.out.color.green(out.opened(dir)));
  const count = (type: NewEvent["type"]) => events.filter((e) => e.type === type).length;
  ctx.out.line(out.recorded(count("fact.set"), count("decision.made"), count("task.done"), count("task.skipped")));

  if (interactive) {
    const [{ terminalPrompter }, { runWalk }] = await Promise.all([import("../../prompts/prompter.js"), import("../../prompts/walk.js")]);
    // the walk reads the clock as it goes, unless --now fixed it
    await runWalk(walkSession(ctx, await openIncident(ctx, { dir })), terminalPrompter({ paint: ctx.out.color, lang }), { user: plan.user, defaultUser: plan.user });
    return 0;
  }
  const opened = await openIncident({ ...ctx, nowFlag: now.toISOString() }, { dir });
  ctx.out.line();
  for (const line of overview(incidentView(ctx, opened), opened.state)) ctx.out.line(line);
  ctx.out.line(out.whatNext);
  ctx.out.line(out.nextWalk(resumeCommand(dir)));
  ctx.out.line(out.nextStatus(`respond status --dir ${shellArg(dir)}`));
  return 0;
}

/** No playbook named in a terminal: offer the ones found, the shipped city-response first. */
async function choosePlaybook(ctx: CliContext): Promise<string> {
  const usable = (await listPlaybooks({ cwd: ctx.cwd })).filter((p) => p.problems === undefined);
  if (usable.length < 2) return usable[0]?.id ?? DEFAULT_PLAYBOOK;
  const first = usable.find((p) => p.id === DEFAULT_PLAYBOOK && p.origin === "shipped");
  const ordered = first ? [first, ...usable.filter((p) => p !== first)] : usable;
  const [{ terminalPrompter, isPromptExit }, { askPlaybook }] = await Promise.all([import("../../prompts/prompter.js"), import("../../prompts/start.js")]);
  try {
    const picked = await askPlaybook(terminalPrompter({ paint: ctx.out.color, lang: ctx.lang }), ordered, ctx.lang);
    // a local playbook may share an id with a shipped one: its file says which
    return picked.origin === "local" ? picked.file : picked.id;
  } catch (error) {
    if (isPromptExit(error)) throw new RespondError("cancelled", ctx.msg.incident.cancelledBeforeStart);
    throw error;
  }
}

async function refuseExisting(ctx: CliContext, dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => undefined);
  if (entries && entries.length > 0) {
    throw new RespondError("usage", ctx.msg.incident.workspaceExists(dir), { hint: ctx.msg.incident.workspaceExistsHint(shellArg(dir)) });
  }
}

function planFromAnswers(
  ctx: CliContext,
  playbook: ResolvedPlaybook,
  ref: string,
  options: StartOptions,
  answers: Answers | undefined,
  time: { at: Date | undefined; now: Date; defaultTimeZone: string },
): StartPlan {
  const msg = ctx.msg.incident;
  const city = options.city?.trim() || answers?.city;
  const facts = answers?.facts ?? [];
  const missing: string[] = [];
  if (!city) missing.push(msg.missingCity);
  const lang: Lang = ctx.langFlag ?? answers?.lang ?? "en";
  for (const fact of playbook.facts) {
    if (fact.required && !facts.some((f) => f.id === fact.id)) missing.push(msg.missingFact(fact.id, factLabel(fact, lang)));
  }
  if (missing.length > 0) throw new RespondError("missing-answer", msg.missingAnswers(missing), { hint: msg.missingAnswersHint });
  return {
    playbook,
    ref,
    user: resolveAuthor(ctx, options.by),
    lang,
    city: city as string,
    timeZone: answers?.timeZone ?? options.tz ?? time.defaultTimeZone,
    t0: answers?.t0 ?? time.at ?? time.now,
    facts,
    ...(answers ? { answers } : {}),
  };
}

async function readAnswers(ctx: CliContext, file: string): Promise<string> {
  try {
    return await readFile(resolve(ctx.cwd, file), "utf8");
  } catch (error) {
    throw new RespondError("usage", ctx.msg.incident.answersUnreadable(file, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
}

/**
 * Drafting inside an incident: the render input comes from the incident's state
 * (facts with their confirmation, flags, decisions), the draft is kept in the
 * workspace's drafts/ folder, and the journal gets a `draft.created` entry. The
 * `respond draft` command and the walk both go through here, so a draft made either
 * way is the same file with the same record.
 */
import { constants } from "node:fs";
import { chmod, mkdir, open } from "node:fs/promises";
import { join } from "node:path";
import { TZDate } from "@date-fns/tz";
import { format as formatDate } from "date-fns/format";
import type { IncidentState } from "../engine/types.js";
import { RespondError } from "../errors.js";
import type { EventPayloads } from "../journal/events.js";
import type { BasePlaybook } from "../playbook/schema.js";
import { BUILT_IN_FACTS } from "../playbook/built-in-facts.js";
import { draftFromInput, type Draft } from "./draft.js";
import type { FactInput, Format, RenderInput } from "./types.js";

export const DRAFTS_FOLDER = "drafts";
const BUILT_IN = new Set<string>(BUILT_IN_FACTS);

export interface IncidentFacts {
  city: string;
  timeZone: string;
  lang: string;
}

/** What a template sees for this incident at `state.now`. */
export function incidentRenderInput(playbook: BasePlaybook, state: IncidentState, incident: IncidentFacts): RenderInput {
  const facts: Record<string, FactInput> = {};
  for (const fact of Object.values(state.facts)) {
    if (BUILT_IN.has(fact.id)) continue;
    facts[fact.id] = { value: fact.value, confirmed: fact.confirmed };
  }
  return {
    lang: incident.lang,
    timeZone: incident.timeZone,
    t0: state.t0,
    now: state.now,
    city: incident.city,
    facts,
    factMeta: playbook.facts,
    flags: { ...state.flags },
    decisions: Object.fromEntries(Object.entries(state.decisions).map(([step, d]) => [step, d.option])),
  };
}

/** The open statement step that asks for this template (the earliest due), if any. */
export function statementStepFor(playbook: BasePlaybook, state: IncidentState, templateId: string): string | undefined {
  const wanting = new Set(playbook.phases.flatMap((p) => p.steps.filter((s) => s.kind === "statement" && s.template === templateId).map((s) => s.id)));
  const open = state.steps.filter((s) => s.kind === "statement" && s.state === "open" && wanting.has(s.stepId));
  open.sort((a, b) => (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity));
  return open[0]?.stepId;
}

export function draftIncident(
  playbook: BasePlaybook,
  state: IncidentState,
  incident: IncidentFacts,
  request: { template: string; format: Format; templatesDir?: string },
): Draft {
  const input = incidentRenderInput(playbook, state, incident);
  return draftFromInput(request.template, input, { format: request.format, lang: incident.lang, ...(request.templatesDir ? { dir: request.templatesDir } : {}) });
}

/** `holding-statement-en-20260514-1930`: sorts by time, says what and in which language. */
export function draftBaseName(template: string, lang: string, now: Date, timeZone: string): string {
  return `${template}-${lang}-${formatDate(new TZDate(now.getTime(), timeZone), "yyyyMMdd-HHmm")}`;
}

/**
 * Write the draft into <workspace>/drafts/ (0700) as a new 0600 file, flushed. An
 * existing draft is never replaced, even one made the same minute: -2, -3... is added.
 * Returns the path relative to the workspace.
 */
export async function saveDraftInWorkspace(dir: string, baseName: string, ext: string, text: string): Promise<string> {
  const folder = join(dir, DRAFTS_FOLDER);
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await chmod(folder, 0o700);
  } catch (error) {
    throw new RespondError("io", `The drafts folder ${folder} could not be created.`, { cause: error });
  }
  for (let n = 1; n < 1000; n++) {
    const name = `${baseName}${n === 1 ? "" : `-${n}`}.${ext}`;
    const path = join(folder, name);
    let handle;
    try {
      handle = await open(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw new RespondError("io", `The draft could not be saved in ${folder}.`, { cause: error });
    }
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
      await handle.chmod(0o600);
    } catch (error) {
      throw new RespondError("io", `The draft ${path} could not be written completely.`, { cause: error });
    } finally {
      await handle.close();
    }
    return join(DRAFTS_FOLDER, name);
  }
  throw new RespondError("io", `Too many drafts with the same name in ${folder}.`);
}

/** How a file is named in the journal: relative to the workspace when inside it. */

export function draftCreatedData(draft: Draft, details: { step?: string; lang: string; format: Format; file: string }): EventPayloads["draft.created"] {
  return {
    template: draft.template.info.id,
    ...(details.step ? { step: details.step } : {}),
    lang: details.lang,
    format: details.format,
    file: details.file,
    facts: [...draft.facts],
    missing: [...new Set([...draft.missing, ...draft.unconfirmed])],
    findings: draft.findings.length,
  };
}

/**
 * The answers file: everything `respond start` would ask, written down beforehand
 * (for a rehearsal, a test, or a second terminal). Checked like a playbook: every
 * problem is collected and positioned (file:line:col) before anything is written.
 *
 *   city: Lyon
 *   at: 2026-05-14 18:30          # wall time in `timezone`, or ISO with an offset
 *   timezone: Europe/Paris
 *   lang: fr
 *   facts:
 *     mayor_name: A. Martin
 *     victims_count: { value: 3, confirmed_by: Prefecture }
 *   decisions:
 *     motive-status: { option: not-confirmed, why: "No claim yet", by: Prefect }
 *   done: [activate-crisis-cell, { id: brief-mayor, note: "by phone" }]
 *   skipped: [{ id: school-guidance, reason: "School holidays" }]
 */
import { isTimeZone, parseTime } from "../engine/time.js";
import { invalidInput, type Issue } from "../errors.js";
import { isLang, LANGS, type Lang } from "../lang.js";
import type { BasePlaybook, Fact, Step } from "../playbook/schema.js";
import { parseYaml, pathText, type Path } from "../playbook/yaml.js";
import { parseFactValue, type FactValue } from "./facts.js";
import { didYouMean as closest } from "../suggest.js";

export interface AnsweredFact {
  id: string;
  value: FactValue;
  confirmedBy?: string;
}
export interface AnsweredDecision {
  step: string;
  option: string;
  why: string;
  by?: string;
}
export interface AnsweredTask {
  /** a step id, or `id#n` for one occurrence of a repeating task */
  ref: string;
  note?: string;
  by?: string;
}
export interface AnsweredSkip {
  ref: string;
  reason: string;
  by?: string;
}

export interface Answers {
  file: string;
  city?: string;
  lang?: Lang;
  /** resolved: the --tz flag, else the file's `timezone`, else the default given */
  timeZone: string;
  /** resolved: the --at flag, else the file's `at`, else now */
  t0: Date;
  facts: AnsweredFact[];
  decisions: AnsweredDecision[];
  done: AnsweredTask[];
  skipped: AnsweredSkip[];
}

export interface AnswersOptions {
  /** --tz and --at, already checked by the caller; they win over the file */
  timeZone?: string;
  at?: Date;
  defaultTimeZone: string;
  now: Date;
}

const TOP_KEYS = ["city", "at", "timezone", "lang", "facts", "decisions", "done", "skipped"];

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
const nonBlank = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

/** Parse and check an answers file's text against the playbook. Throws invalid-input with every issue. */
export function parseAnswers(text: string, file: string, playbook: BasePlaybook, options: AnswersOptions): Answers {
  const parsed = parseYaml(text, file);
  if (parsed.issues.length > 0) throw invalidInput(`The answers file ${file} is not valid YAML.`, parsed.issues);
  const issues: Issue[] = [];
  const issue = (path: Path, message: string, key = false) => {
    const { line, col } = parsed.locate(path, { key });
    issues.push({ file, line, col, path: pathText(path), message });
  };

  const root = parsed.value ?? {};
  if (!isObject(root)) {
    issue([], "must be a mapping with keys such as facts:, decisions:, done:");
    throw invalidInput(`The answers file ${file} has problems.`, issues);
  }
  for (const key of Object.keys(root)) {
    if (!TOP_KEYS.includes(key)) {
      const near = closest(key, TOP_KEYS);
      issue([key], `unknown key${near ? ` (did you mean '${near}'?)` : ""}; expected one of: ${TOP_KEYS.join(", ")}`, true);
    }
  }

  const optionalText = (key: string): string | undefined => {
    const v = root[key];
    if (v === undefined || v === null) return undefined;
    if (nonBlank(v)) return v.trim();
    issue([key], "must be a non-empty text");
    return undefined;
  };

  const city = optionalText("city");
  const langText = optionalText("lang");
  let lang: Lang | undefined;
  if (langText !== undefined) {
    if (isLang(langText)) lang = langText;
    else issue(["lang"], `must be one of: ${LANGS.join(", ")}`);
  }

  const zoneText = optionalText("timezone");
  if (zoneText !== undefined && !isTimeZone(zoneText)) issue(["timezone"], `'${zoneText}' is not a time zone; use a name such as Europe/Paris`);
  const timeZone = options.timeZone ?? (zoneText !== undefined && isTimeZone(zoneText) ? zoneText : options.defaultTimeZone);

  let t0 = options.at;
  const atRaw = root.at;
  if (atRaw !== undefined && atRaw !== null) {
    const at = atRaw instanceof Date ? atRaw : typeof atRaw === "string" ? parseTime(atRaw, { timeZone }) : undefined;
    if (!at) issue(["at"], "must be the attack time, e.g. 2026-05-14 18:30 (in the incident's time zone) or 2026-05-14T18:30+02:00");
    else t0 ??= at;
  }
  t0 ??= options.now;

  const steps = new Map<string, Step>();
  for (const phase of playbook.phases) for (const step of phase.steps) steps.set(step.id, step);

  const facts = readFacts(root.facts, playbook.facts, { timeZone, t0 }, issue);
  const decisions = readDecisions(root.decisions, steps, issue);
  const done = readTaskList(root.done, "done", steps, issue).map(({ ref, extra, by }) => ({ ref, ...(extra ? { note: extra } : {}), ...(by ? { by } : {}) }));
  const skipped: AnsweredSkip[] = [];
  for (const { ref, extra, by, path } of readTaskList(root.skipped, "skipped", steps, issue)) {
    if (!extra) issue(path, "needs a reason: { id: ..., reason: ... }");
    else skipped.push({ ref, reason: extra, ...(by ? { by } : {}) });
  }

  if (issues.length > 0) {
    throw invalidInput(`The answers file ${file} has ${issues.length === 1 ? "a problem" : `${issues.length} problems`}; nothing was created.`, issues);
  }
  return { file, ...(city ? { city } : {}), ...(lang ? { lang } : {}), timeZone, t0, facts, decisions, done, skipped };
}

type Report = (path: Path, message: string, key?: boolean) => void;

function readFacts(raw: unknown, declared: Fact[], time: { timeZone: string; t0: Date }, issue: Report): AnsweredFact[] {
  if (raw === undefined || raw === null) return [];
  if (!isObject(raw)) {
    issue(["facts"], "must be a mapping of fact id to value, e.g. mayor_name: A. Martin");
    return [];
  }
  const byId = new Map(declared.map((f) => [f.id, f]));
  const out: AnsweredFact[] = [];
  for (const [id, entry] of Object.entries(raw)) {
    const fact = byId.get(id);
    if (!fact) {
      const near = closest(id, [...byId.keys()]);
      issue(["facts", id], `unknown fact${near ? ` (did you mean '${near}'?)` : ""}; this playbook's facts are: ${[...byId.keys()].join(", ")}`, true);
      continue;
    }
    let value: unknown = entry;
    let confirmedBy: string | undefined;
    let valuePath: Path = ["facts", id];
    if (isObject(entry)) {
      for (const key of Object.keys(entry)) if (key !== "value" && key !== "confirmed_by") issue(["facts", id, key], "unknown key; expected value and confirmed_by", true);
      value = entry.value;
      valuePath = ["facts", id, "value"];
      if (entry.confirmed_by !== undefined) {
        if (nonBlank(entry.confirmed_by)) confirmedBy = entry.confirmed_by.trim();
        else issue(["facts", id, "confirmed_by"], "must name who confirmed it");
      }
      if (value === undefined) {
        issue(["facts", id], "needs a value: { value: ..., confirmed_by: ... }");
        continue;
      }
    }
    // a prompt splits "A, B" into a list; in a file, a list is written as one
    if (fact.type === "list" && !Array.isArray(value)) {
      issue(valuePath, "list fact must be a list (one '- item' per line, or [a, b])");
      continue;
    }
    const result = parseFactValue(fact, value, time);
    if (!result.ok) issue(valuePath, `${fact.type} fact ${result.message}`);
    else out.push({ id, value: result.value, ...(confirmedBy ? { confirmedBy } : {}) });
  }
  return out;
}

function readDecisions(raw: unknown, steps: Map<string, Step>, issue: Report): AnsweredDecision[] {
  if (raw === undefined || raw === null) return [];
  if (!isObject(raw)) {
    issue(["decisions"], "must be a mapping of decision id to { option, why }");
    return [];
  }
  const decisionIds = [...steps.values()].filter((s) => s.kind === "decision").map((s) => s.id);
  const out: AnsweredDecision[] = [];
  for (const [id, entry] of Object.entries(raw)) {
    const step = steps.get(id);
    if (!step || step.kind !== "decision") {
      const near = closest(id, decisionIds);
      const what = step ? `'${id}' is a ${step.kind}, not a decision` : `unknown decision${near ? ` (did you mean '${near}'?)` : ""}`;
      issue(["decisions", id], `${what}; the decisions are: ${decisionIds.join(", ")}`, true);
      continue;
    }
    if (!isObject(entry)) {
      issue(["decisions", id], "must be { option: ..., why: ... }");
      continue;
    }
    for (const key of Object.keys(entry)) if (!["option", "why", "by"].includes(key)) issue(["decisions", id, key], "unknown key; expected option, why and by", true);
    const optionIds = step.options.map((o) => o.id);
    const option = entry.option;
    let ok = true;
    if (!nonBlank(option) || !optionIds.includes(option)) {
      const near = typeof option === "string" ? closest(option, optionIds) : undefined;
      issue(entry.option === undefined ? ["decisions", id] : ["decisions", id, "option"], `${entry.option === undefined ? "needs an option" : `unknown option${near ? ` (did you mean '${near}'?)` : ""}`}; the options are: ${optionIds.join(", ")}`);
      ok = false;
    }
    if (!nonBlank(entry.why)) {
      issue(entry.why === undefined ? ["decisions", id] : ["decisions", id, "why"], "needs a reason (why:): a decision's rationale is part of the record");
      ok = false;
    }
    if (entry.by !== undefined && !nonBlank(entry.by)) {
      issue(["decisions", id, "by"], "must name who decided");
      ok = false;
    }
    if (ok) out.push({ step: id, option: option as string, why: (entry.why as string).trim(), ...(nonBlank(entry.by) ? { by: entry.by.trim() } : {}) });
  }
  return out;
}

/** `done:` and `skipped:` lists: an id, or { id, note|reason, by }. */
function readTaskList(raw: unknown, key: "done" | "skipped", steps: Map<string, Step>, issue: Report) {
  const extraKey = key === "done" ? "note" : "reason";
  const out: { ref: string; extra?: string; by?: string; path: Path }[] = [];
  if (raw === undefined || raw === null) return out;
  if (!Array.isArray(raw)) {
    issue([key], `must be a list of step ids (one '- id' per line)`);
    return out;
  }
  const taskIds = [...steps.values()].filter((s) => s.kind !== "decision").map((s) => s.id);
  raw.forEach((entry: unknown, i) => {
    const path: Path = [key, i];
    let ref: unknown = entry;
    let extra: string | undefined;
    let by: string | undefined;
    if (isObject(entry)) {
      for (const k of Object.keys(entry)) if (!["id", extraKey, "by"].includes(k)) issue([key, i, k], `unknown key; expected id, ${extraKey} and by`, true);
      ref = entry.id;
      if (entry[extraKey] !== undefined) {
        if (nonBlank(entry[extraKey])) extra = entry[extraKey].trim();
        else issue([key, i, extraKey], "must be a non-empty text");
      }
      if (entry.by !== undefined) {
        if (nonBlank(entry.by)) by = entry.by.trim();
        else issue([key, i, "by"], "must name who did it");
      }
    }
    if (!nonBlank(ref)) {
      issue(path, "must be a step id");
      return;
    }
    const [stepId, occurrence] = ref.trim().split("#");
    const step = steps.get(stepId!);
    if (!step || step.kind === "decision") {
      const near = closest(stepId!, taskIds);
      const what = step ? `'${stepId}' is a decision: put it under decisions:` : `unknown step${near ? ` (did you mean '${near}'?)` : ""}`;
      issue(isObject(entry) ? [key, i, "id"] : path, what);
      return;
    }
    if (occurrence !== undefined && !/^[1-9]\d*$/.test(occurrence)) {
      issue(isObject(entry) ? [key, i, "id"] : path, "an occurrence is written id#2 (a whole number from 1)");
      return;
    }
    out.push({ ref: ref.trim(), ...(extra ? { extra } : {}), ...(by ? { by } : {}), path });
  });
  return out;
}

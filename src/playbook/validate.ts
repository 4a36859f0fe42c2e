/**
 * Cross-reference checks: what the schema cannot see because it needs the whole
 * playbook (ids that must exist, ids that must not repeat, offsets that must fall
 * inside their phase). They run on the raw draft, so an author learns about a
 * dangling `when` in the same run as a typo three steps above it.
 */
import type { Issue } from "../errors.js";
import { referencesOf, type ConditionRef } from "./conditions.js";
import { isRec, issueAt, languagesOf, list, parts, str, splitPath, whereIs, type Draft, type Origin, type Part, type Rec, type SourceFile } from "./draft.js";
import { BUILT_IN_FACTS } from "./built-in-facts.js";
import { compareOffsets, parseOffset, tLabel, type Offset } from "./duration.js";
import { Condition, type FactScalar } from "./schema.js";
import type { Path } from "./yaml.js";


export interface CheckOptions {
  /** template ids available in a language */
  templates: (lang: string) => Set<string>;
  /** step ids an overlay removed: a reference to one is reported at the removal */
  removed?: ReadonlyMap<string, Origin>;
}

const ids = (items: Part[]) => items.map((p) => str(p.raw, "id")).filter((id): id is string => id !== undefined);
const listOf = (names: Iterable<string>) => [...names].join(", ") || "none";

export function crossReferenceIssues(draft: Draft, options: CheckOptions): Issue[] {
  const issues: Issue[] = [];
  const steps = draft.phases.flatMap((p) => p.steps);

  for (const [label, items] of [
    ["role", draft.roles],
    ["fact", draft.facts],
    ["phase", draft.phases],
    ["step", steps],
    ["contact", draft.contacts],
    ["partner", draft.partners],
  ] as const) {
    issues.push(...duplicates(items, label));
  }

  const roles = new Set(ids(draft.roles));
  const roleList = listOf(roles);
  for (const step of steps) {
    const owner = str(step.raw, "owner");
    if (owner !== undefined && !roles.has(owner)) issues.push(issueAt(step.origin, ["owner"], `unknown role '${owner}' (roles: ${roleList})`));
  }
  for (const contact of draft.contacts) {
    const role = str(contact.raw, "role");
    if (role !== undefined && !roles.has(role)) issues.push(issueAt(contact.origin, ["role"], `unknown role '${role}' (roles: ${roleList})`));
  }

  issues.push(...factIssues(draft.facts));
  const removed = options.removed ?? new Map<string, Origin>();
  issues.push(...conditionIssues(draft, steps, removed));
  issues.push(...effectIssues(steps, removed));
  issues.push(...templateIssues(steps, draft.languages, options));
  for (const phase of draft.phases) issues.push(...windowIssues(phase));
  return issues;
}

function duplicates(items: Part[], label: string): Issue[] {
  const seen = new Map<string, Part>();
  const issues: Issue[] = [];
  for (const item of items) {
    const id = str(item.raw, "id");
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first) issues.push(issueAt(item.origin, ["id"], `duplicate ${label} id '${id}' (first at ${whereIs(first)})`));
    else seen.set(id, item);
  }
  return issues;
}

function factIssues(facts: Part[]): Issue[] {
  const issues: Issue[] = [];
  for (const fact of facts) {
    const id = str(fact.raw, "id");
    if (id !== undefined && (BUILT_IN_FACTS as readonly string[]).includes(id)) {
      issues.push(issueAt(fact.origin, ["id"], `'${id}' is a built-in fact (${BUILT_IN_FACTS.join(", ")}): it is always known, do not declare it`));
    }
    const type = str(fact.raw, "type");
    const options = list(fact.raw, "options");
    if (type === "choice" && options.length === 0) issues.push(issueAt(fact.origin, ["type"], "a choice fact needs its options (a list of {id, label})"));
    if (type !== undefined && type !== "choice" && options.length > 0) issues.push(issueAt(fact.origin, ["options"], `options are only for choice facts (this one is ${type})`));
    issues.push(...duplicates(parts(fact.raw, "options", fact.origin, fact.origin.at), "option"));
  }
  return issues;
}

function removedNamed(origin: Origin, id: string, by: Part, how: string): Issue {
  return issueAt(origin, [], `step '${id}' is removed, but step '${str(by.raw, "id") ?? "?"}' still names it in ${how} (${whereIs(by)})`);
}

/** References of the parts of a condition that parse: one bad leaf hides nothing else. */
function partialReferences(raw: unknown, path: string): ConditionRef[] {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (!isRec(raw)) return [];
  const keys = Object.keys(raw);
  if (keys.length === 1 && (keys[0] === "all" || keys[0] === "any") && Array.isArray(raw[keys[0]])) {
    const key = keys[0];
    return (raw[key] as unknown[]).flatMap((c, i) => partialReferences(c, `${at(key)}[${i}]`));
  }
  if (keys.length === 1 && keys[0] === "not") return partialReferences(raw.not, at("not"));
  const parsed = Condition.safeParse(raw);
  return parsed.success ? referencesOf(parsed.data, path) : []; // the schema reports the rest
}

function conditionIssues(draft: Draft, steps: Part[], removed: ReadonlyMap<string, Origin>): Issue[] {
  const issues: Issue[] = [];
  const facts = new Map<string, Rec>(draft.facts.flatMap((f) => (str(f.raw, "id") ? [[str(f.raw, "id") as string, f.raw] as const] : [])));
  const decisions = new Map<string, string[]>();
  const flags = new Map<string, Set<string>>();
  for (const step of steps) {
    if (str(step.raw, "kind") !== "decision") continue;
    const options = list(step.raw, "options").filter(isRec);
    const id = str(step.raw, "id");
    if (id) decisions.set(id, options.map((o) => str(o, "id")).filter((o): o is string => o !== undefined));
    for (const option of options) {
      if (!isRec(option.set)) continue;
      for (const [flag, value] of Object.entries(option.set)) {
        const values = flags.get(flag) ?? new Set<string>();
        values.add(String(value));
        flags.set(flag, values);
      }
    }
  }

  for (const step of steps) {
    if (step.raw.when === undefined) continue;
    for (const ref of partialReferences(step.raw.when, "")) {
      const at: Path = ["when", ...splitPath(ref.path)];
      const isAt: Path = [...at.slice(0, -1), "is"];
      const bad = (path: Path, message: string) => issues.push(issueAt(step.origin, path, message));
      if (ref.kind === "fact") {
        const fact = facts.get(ref.id);
        if (!fact && !(BUILT_IN_FACTS as readonly string[]).includes(ref.id)) {
          bad(at, `unknown fact '${ref.id}' (facts: ${listOf([...BUILT_IN_FACTS, ...facts.keys()])})`);
        } else if (fact && str(fact, "type") === "choice") {
          const allowed = list(fact, "options").filter(isRec).map((o) => str(o, "id"));
          for (const v of ref.values) if (!allowed.includes(String(v))) bad(isAt, `'${String(v)}' is not an option of fact '${ref.id}' (options: ${listOf(allowed.filter((a): a is string => !!a))})`);
        }
      } else if (ref.kind === "decision") {
        const options = decisions.get(ref.id);
        const removal = removed.get(ref.id);
        if (!options && removal) issues.push(removedNamed(removal, ref.id, step, "its 'when'"));
        else if (!options) bad(at, `unknown decision '${ref.id}' (decisions: ${listOf(decisions.keys())})`);
        else for (const v of ref.values) if (!options.includes(String(v))) bad(isAt, `'${String(v)}' is not an option of decision '${ref.id}' (options: ${listOf(options)})`);
      } else {
        const values = flags.get(ref.id);
        if (!values) bad(at, `no decision option ever sets the flag '${ref.id}' (flags set: ${listOf(flags.keys())})`);
        else {
          const wanted: FactScalar[] = ref.values.length ? ref.values : [true];
          for (const v of wanted) if (!values.has(String(v))) bad(ref.values.length ? isAt : at, `no option sets the flag '${ref.id}' to ${String(v)} (values set: ${listOf(values)})`);
        }
      }
    }
  }
  return issues;
}

function effectIssues(steps: Part[], removed: ReadonlyMap<string, Origin>): Issue[] {
  const issues: Issue[] = [];
  const stepIds = new Set(ids(steps));
  for (const step of steps) {
    if (str(step.raw, "kind") !== "decision") continue;
    const optionParts = parts(step.raw, "options", step.origin, step.origin.at);
    issues.push(...duplicates(optionParts, "option"));
    for (const option of optionParts) {
      for (const effect of ["open", "close"] as const) {
        list(option.raw, effect).forEach((target, i) => {
          if (typeof target !== "string" || stepIds.has(target)) return;
          const removal = removed.get(target);
          if (removal) issues.push(removedNamed(removal, target, step, `an option's '${effect}'`));
          else issues.push(issueAt(option.origin, [effect, i], `'${effect}' names a step that does not exist: '${target}'`));
        });
      }
    }
  }
  return issues;
}

function templateIssues(steps: Part[], languages: string[], options: CheckOptions): Issue[] {
  const issues: Issue[] = [];
  for (const step of steps) {
    const template = str(step.raw, "template");
    if (str(step.raw, "kind") !== "statement" || template === undefined) continue;
    const missing = languages.filter((lang) => !options.templates(lang).has(template));
    if (missing.length > 0) {
      const files = missing.map((lang) => `templates/${lang}/${template}.hbs`).join(", ");
      issues.push(issueAt(step.origin, ["template"], `template '${template}' does not exist (${files} not found)`));
    }
  }
  return issues;
}

function windowIssues(phase: Part & { steps: Part[] }): Issue[] {
  const issues: Issue[] = [];
  const window = isRec(phase.raw.window) ? phase.raw.window : undefined;
  const from = window && typeof window.from === "string" ? parseOffset(window.from) : undefined;
  const to = window && typeof window.to === "string" ? parseOffset(window.to) : undefined;
  if (!from) return issues;
  if (to && compareOffsets(to, from) < 0) issues.push(issueAt(phase.origin, ["window", "to"], `the window ends (${tLabel(to)}) before it starts (${tLabel(from)})`));
  const span = to ? `${tLabel(from)} to ${tLabel(to)}` : `from ${tLabel(from)}`;
  const outside = (o: Offset) => compareOffsets(o, from) < 0 || (to !== undefined && compareOffsets(o, to) > 0);
  for (const step of phase.steps) {
    const due = typeof step.raw.due === "string" ? parseOffset(step.raw.due) : undefined;
    if (due && outside(due)) issues.push(issueAt(step.origin, ["due"], `due ${tLabel(due)} is outside its phase window (${span})`));
    const repeat = isRec(step.raw.repeat) ? step.raw.repeat : undefined;
    const until = repeat && typeof repeat.until === "string" ? parseOffset(repeat.until) : undefined;
    if (until && to && compareOffsets(until, to) > 0) issues.push(issueAt(step.origin, ["repeat", "until"], `repeats until ${tLabel(until)}, after its phase window ends (${tLabel(to)})`));
    if (until && due && compareOffsets(until, due) < 0) issues.push(issueAt(step.origin, ["repeat", "until"], `repeats until ${tLabel(until)}, before it is first due (${tLabel(due)})`));
    const every = repeat && typeof repeat.every === "string" ? parseOffset(repeat.every) : undefined;
    if (every && (every.sign < 0 || (every.ms === 0 && every.months === 0))) issues.push(issueAt(step.origin, ["repeat", "every"], "the period must be longer than zero"));
  }
  return issues;
}

/** Keys whose values are Text: a plain string, or a map with one text per language. */
const TEXT_KEYS = new Set(["title", "name", "description", "label", "help", "guidance", "question", "summary", "notes"]);

/** Every per-language text of one file must have each language that file declares. */
export function translationIssues(source: SourceFile): Issue[] {
  const issues: Issue[] = [];
  const languages = languagesOf(source.value);
  const origin: Origin = { file: source.file, locate: source.locate, at: [] };
  const walk = (value: unknown, at: Path) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...at, i]));
    if (!isRec(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === "when" || key === "set") continue;
      if (TEXT_KEYS.has(key) && isRec(inner)) {
        const missing = languages.filter((lang) => typeof inner[lang] !== "string");
        if (missing.length) issues.push(issueAt(origin, [...at, key], `missing translation: ${missing.join(", ")} (the playbook's languages are ${languages.join(", ")})`));
        for (const lang of Object.keys(inner)) {
          if (!languages.includes(lang) && /^[a-z]{2}$/.test(lang)) issues.push(issueAt(origin, [...at, key, lang], `'${lang}' is not one of the playbook's languages (${languages.join(", ")})`, true));
        }
      } else {
        walk(inner, [...at, key]);
      }
    }
  };
  if (languages.length) walk(source.value, []);
  return issues;
}

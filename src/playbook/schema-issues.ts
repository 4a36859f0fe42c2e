/**
 * Zod's issues, rewritten for playbook authors: each one positioned at the node it
 * is about, in plain words, and for unions (a text or a per-language map; the kinds
 * of condition) the branch that matches what was written, not "invalid union".
 */
import type { z } from "zod";
import type { Issue } from "../errors.js";
import { pathText, type Locator, type Path } from "./yaml.js";
import { editDistance } from "../suggest.js";

/** Returned by our parse-time error map: "no custom message, write one yourself". */
export const DEFAULT_MESSAGE = "\u0000default";
export const defaultMessages = { error: () => DEFAULT_MESSAGE };

type RawIssue = z.core.$ZodIssue;

export interface IssueContext {
  file: string;
  locate: Locator;
  /** the value that was parsed (for "found ..." and "missing" in messages) */
  input: unknown;
  /** where that value sits in the file, when only a part was parsed */
  prefix?: Path;
}

export function valueAt(input: unknown, path: Path): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

/** How a value reads in a message: `"abc"`, `5`, `a list`. */
export function describe(value: unknown): string {
  if (value === undefined || value === null) return "nothing";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  return "a map of keys";
}

const EXPECTED: Record<string, string> = {
  string: "a text",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "a map of keys",
  record: "a map",
  int: "a whole number",
};

function expectedPhrase(expected: string[]): string {
  const set = new Set(expected);
  if (set.has("string") && set.has("record")) return "a text, or one text per language such as {en: ..., fr: ...}";
  return [...set].map((e) => EXPECTED[e] ?? e).join(" or ");
}

/** Keys whose value is an offset from T0: a type error there deserves an example. */
const OFFSET_KEYS = new Set(["due", "from", "to", "every", "until"]);

export function schemaIssues(issues: readonly RawIssue[], ctx: IssueContext): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) convert(issue, [], ctx, out);
  return out;
}

function convert(issue: RawIssue, base: Path, ctx: IssueContext, out: Issue[]): void {
  const rel = [...base, ...(issue.path as (string | number)[])];
  const full = [...(ctx.prefix ?? []), ...rel];
  const found = valueAt(ctx.input, rel);
  const push = (message: string, path: Path = full, key = false) =>
    out.push({ file: ctx.file, ...ctx.locate(path, { key }), path: pathText(path), message });
  const custom = issue.message !== DEFAULT_MESSAGE ? issue.message : undefined;

  switch (issue.code) {
    case "invalid_union": {
      if ("discriminator" in issue && issue.discriminator) {
        const options = ("options" in issue ? (issue.options as unknown[]) : []).map(String).join(", ");
        const what = issue.discriminator;
        if (found === undefined) push(`missing '${what}': say which kind this is (${options})`);
        else push(`'${what}' must be one of ${options} (found ${describe(found)})`);
        return;
      }
      const branches = issue.errors;
      const typeMismatch = (b: readonly RawIssue[]) => b.some((i) => i.path.length === 0 && (i.code === "invalid_type" || i.code === "invalid_value"));
      const candidates = branches.filter((b) => !typeMismatch(b));
      if (candidates.length === 0) {
        const expected = branches.flatMap((b) => b.filter((i) => i.code === "invalid_type").map((i) => String((i as { expected: string }).expected)));
        push(`must be ${expectedPhrase(expected)} (found ${describe(found)})`);
        return;
      }
      const best = candidates.reduce((a, b) => (score(b, rel, ctx) < score(a, rel, ctx) ? b : a));
      for (const inner of best) convert(inner, rel, ctx, out);
      return;
    }
    case "unrecognized_keys":
      for (const key of issue.keys) push(`unknown key '${key}'${hintFor(key)}`, [...full, key], true);
      return;
    case "invalid_type":
      if (found === undefined) push(custom ?? `missing: '${String(full.at(-1))}' is required here`);
      else if (issue.expected === "string" && OFFSET_KEYS.has(String(full.at(-1)))) push(`must be an offset such as 30m, 6h, 3d, 2w, 6mo or 1y (found ${describe(found)})`);
      else if (issue.expected === "string" && (typeof found === "number" || typeof found === "boolean")) {
        push(custom ?? `must be a text (found ${describe(found)}; put it in quotes if you meant the text: "${String(found)}")`);
      } else push(custom ?? `must be ${expectedPhrase([issue.expected])} (found ${describe(found)})`);
      return;
    case "invalid_value": {
      const values = issue.values.map((v) => String(v));
      push(custom ?? (values.length === 1 ? `must be ${values[0]} (found ${describe(found)})` : `must be one of ${values.join(", ")} (found ${describe(found)})`));
      return;
    }
    case "too_small": {
      const n = Number(issue.minimum);
      if (custom) push(custom);
      else if (issue.origin === "array") push(n === 1 ? "must have at least one item" : `must have at least ${n} items`);
      else if (issue.origin === "string") push(n === 1 ? "must not be empty" : `must be at least ${n} characters long`);
      else push(`must be at least ${n}`);
      return;
    }
    case "too_big":
      push(custom ?? `must be at most ${String(issue.maximum)}`);
      return;
    case "invalid_format":
      push(custom ?? `is not in the expected form (found ${describe(found)})`);
      return;
    case "invalid_key": {
      // a record's key: point at the key itself
      const key = String(full.at(-1));
      const inner = issue.issues[0];
      const why = inner && inner.message !== DEFAULT_MESSAGE ? inner.message : "is not allowed here";
      push(`key '${key}': ${why}`, full, true);
      return;
    }
    case "invalid_element":
      for (const inner of issue.issues) convert(inner, rel, ctx, out);
      return;
    default:
      push(custom ?? "is not valid here");
  }
}

/** Prefer the branch whose keys match what was written: unknown or missing keys weigh most. */
function score(branch: readonly RawIssue[], base: Path, ctx: IssueContext): number {
  let total = 0;
  for (const issue of branch) {
    if (issue.code === "unrecognized_keys" && issue.path.length === 0) total += 10 * issue.keys.length;
    else if (issue.code === "invalid_type" && issue.path.length === 1 && valueAt(ctx.input, [...base, ...(issue.path as (string | number)[])]) === undefined) total += 10;
    else total += 1;
  }
  return total;
}

/** The keys of the format, for "did you mean" on a typo. */
const KNOWN_KEYS = [
  "format", "id", "title", "version", "description", "languages", "contacts", "partners", "roles", "facts", "phases", "extends",
  "add", "replace", "remove", "name", "type", "label", "help", "required", "ask", "public", "sensitive", "options", "default",
  "organisation", "role", "phone", "email", "notes", "kind", "contact", "summary", "preparedness", "window", "from", "to", "steps",
  "owner", "due", "guidance", "source", "when", "starts", "repeat", "every", "until", "question", "set", "open", "close",
  "template", "audience", "channel", "phase", "after", "step", "fact", "decision", "flag", "is", "all", "any", "not",
];

function hintFor(key: string): string {
  const near = KNOWN_KEYS.find((k) => k !== key && editDistance(k, key.toLowerCase()) <= (k.length > 4 ? 2 : 1));
  return near ? ` (did you mean '${near}'?)` : "";
}


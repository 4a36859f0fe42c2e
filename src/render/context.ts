/**
 * What a template sees. Every fact the template may use is precomputed into a plain,
 * prototype-free map: a usable value, or the visible placeholder. Nothing is looked
 * up lazily, so there is no path by which a blank or an unconfirmed value slips in.
 */
import { RespondError } from "../errors.js";
import { markedUnconfirmed, toConfirm } from "./placeholders.js";
import type { FactValue, RenderInput, Template } from "./types.js";

/** The names a template may use at its top level. */
export const CONTEXT_ROOTS = ["facts", "flags", "decisions", "city", "attack_time", "timezone", "lang", "now"] as const;

export type Dict<T = unknown> = Record<string, T>;

export function dict<T>(entries: Iterable<[string, T]> = []): Dict<T> {
  const out = Object.create(null) as Dict<T>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}

export interface BuiltContext {
  context: Dict;
  /** facts with a value the template may print (confirmed, or marked in internal documents) */
  known: Set<string>;
}

/** A value a template can print: not missing, not blank, not an empty list. */
export function hasValue(value: FactValue): value is string | number | string[] {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (typeof value === "number") return Number.isFinite(value);
  return Array.isArray(value) && value.some((v) => String(v).trim() !== "");
}

const asText = (value: string | number | string[]): string => (Array.isArray(value) ? value.join(", ") : String(value));

export function buildContext(template: Template, input: RenderInput): BuiltContext {
  const lang = template.lang;
  const isPublic = template.info.public;
  const meta = new Map((input.factMeta ?? []).map((m) => [m.id, m]));
  const isPrivate = (id: string) => meta.get(id)?.public === false;

  if (isPublic) {
    const leaked = template.info.facts.filter(isPrivate);
    if (leaked.length > 0) {
      throw new RespondError(
        "invalid-input",
        `The template '${template.info.id}' is public but uses ${leaked.join(", ")}, which must never appear in a public statement.`,
        { issues: [{ file: template.file, line: 1, col: 1, path: "facts", message: `private fact(s) in a public template: ${leaked.join(", ")}` }] },
      );
    }
  }

  const builtIn: Dict<string> = dict([
    ["city", input.city],
    ["attack_time", input.t0.toISOString()],
    ["timezone", input.timeZone],
    ["lang", lang],
  ]);

  const ids = new Set<string>([...template.info.facts, ...template.referenced, ...Object.keys(input.facts), ...meta.keys()]);
  const facts = dict<unknown>();
  const known = new Set<string>();
  for (const id of ids) {
    if (id in builtIn) continue;
    if (isPublic && isPrivate(id)) continue;
    const fact = Object.hasOwn(input.facts, id) ? input.facts[id] : undefined;
    if (!fact || !hasValue(fact.value)) {
      facts[id] = toConfirm(id, lang);
    } else if (fact.confirmed) {
      facts[id] = Array.isArray(fact.value) ? fact.value.map(String).filter((v) => v.trim() !== "") : fact.value;
      known.add(id);
    } else if (isPublic) {
      facts[id] = toConfirm(id, lang);
    } else {
      facts[id] = markedUnconfirmed(asText(fact.value), id, lang);
      known.add(id);
    }
  }
  for (const [id, value] of Object.entries(builtIn)) {
    facts[id] = value;
    known.add(id);
  }

  const context = dict<unknown>([
    ["facts", facts],
    ["flags", dict(Object.entries(input.flags))],
    ["decisions", dict(Object.entries(input.decisions))],
    ...Object.entries(builtIn),
    ["now", input.now.toISOString()],
  ]);
  return { context, known };
}

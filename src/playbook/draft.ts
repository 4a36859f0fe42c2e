/**
 * A playbook as written, before it is trusted: the raw parts of one or more files
 * (a base and its overlays), each remembering where it came from, so that checks
 * run on whatever parses and point into the right file, even when overlays moved
 * steps around. Nothing here assumes the schema passed: every read is guarded.
 */
import type { Issue } from "../errors.js";
import { pathText, type Locator, type Path } from "./yaml.js";

export type Rec = Record<string, unknown>;

export interface Origin {
  file: string;
  locate: Locator;
  /** where this part sits in its file, e.g. ['phases', 0, 'steps', 2] */
  at: Path;
}

export interface Part {
  raw: Rec;
  origin: Origin;
}

export interface DraftPhase extends Part {
  steps: Part[];
}

export interface SourceFile {
  /** the name shown in messages (as typed, or relative to the current folder) */
  file: string;
  /** the absolute path, for finding what sits next to it */
  path: string;
  text: string;
  value: Rec;
  locate: Locator;
}

export interface Draft {
  /** the top-level keys of the last file of the chain (its id, title, languages...) */
  meta: Part;
  languages: string[];
  roles: Part[];
  facts: Part[];
  contacts: Part[];
  partners: Part[];
  phases: DraftPhase[];
  /** base first */
  sources: SourceFile[];
  /** ids of the playbooks extended, nearest first */
  chain: string[];
}

export const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);
export const str = (r: Rec, key: string): string | undefined => (typeof r[key] === "string" ? (r[key] as string) : undefined);
export const list = (r: Rec, key: string): unknown[] => (Array.isArray(r[key]) ? (r[key] as unknown[]) : []);
/** The languages a file declares (what is not a text is the schema's business). */
export const languagesOf = (r: Rec): string[] => list(r, "languages").filter((l): l is string => typeof l === "string");

/** The maps of a list, with their index (items that are not maps are the schema's business). */
export function parts(r: Rec, key: string, origin: Omit<Origin, "at">, at: Path): Part[] {
  return list(r, key).flatMap((item, i) => (isRec(item) ? [{ raw: item, origin: { ...origin, at: [...at, key, i] } }] : []));
}

export function issueAt(origin: Origin, sub: Path, message: string, key = false): Issue {
  const path = [...origin.at, ...sub];
  return { file: origin.file, ...origin.locate(path, { key }), path: pathText(path), message };
}

/** Where a part is, for "also at ..." in messages. */
export function whereIs(part: Part, sub: Path = ["id"]): string {
  const { line } = part.origin.locate([...part.origin.at, ...sub]);
  return `${part.origin.file}:${line}`;
}

export function draftOf(source: SourceFile): Draft {
  const { value, file, locate } = source;
  const origin = { file, locate };
  return {
    meta: { raw: value, origin: { ...origin, at: [] } },
    languages: languagesOf(value),
    roles: parts(value, "roles", origin, []),
    facts: parts(value, "facts", origin, []),
    contacts: parts(value, "contacts", origin, []),
    partners: parts(value, "partners", origin, []),
    phases: parts(value, "phases", origin, []).map((p) => ({ ...p, steps: parts(p.raw, "steps", origin, p.origin.at) })),
    sources: [source],
    chain: [],
  };
}

/** Parse `all[1].decision` (from conditions.referencesOf) back into path parts. */
export function splitPath(text: string): (string | number)[] {
  return [...text.matchAll(/[^.[\]]+/g)].map(([part]) => (/^\d+$/.test(part) ? Number(part) : part));
}

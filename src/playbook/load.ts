/**
 * Loading a playbook: read each file of the chain (overlays down to their base),
 * check it against the schema, apply the overlays, then check cross-references on
 * the result. Every problem of every file is collected before anything is refused,
 * so an author fixes a file in one pass, not one error per run.
 */
import { createHash } from "node:crypto";
import { dirname, resolve } from "node:path";
import { RespondError, type Issue } from "../errors.js";
import type { Text } from "../lang.js";
import { draftOf, issueAt, type Draft, type Origin, type SourceFile } from "./draft.js";
import { applyOverlay } from "./overlay.js";
import { findPlaybook, idOf, looksLikePath, playbookFiles } from "./registry.js";
import { BasePlaybook, Overlay } from "./schema.js";
import { defaultMessages, schemaIssues } from "./schema-issues.js";
import { readSource } from "./source.js";
import { templateIds } from "./templates-index.js";
import type { ResolvedPlaybook } from "./types.js";
import { crossReferenceIssues, translationIssues } from "./validate.js";
import { shownPath } from "../paths.js";

export interface LoadOptions {
  cwd: string;
}

export interface FileResult {
  file: string;
  issues: Issue[];
  playbook?: ResolvedPlaybook;
}

/** One file on its own: read, checked against the schema, its translations checked. */
interface FileCheck {
  source?: SourceFile;
  issues: Issue[];
  /** what the schema made of a valid base playbook, so one without overlays is parsed once */
  playbook?: BasePlaybook;
}

/** The files checked so far in one run, so a base that several overlays extend is read and parsed once. */
type Checked = Map<string, Promise<FileCheck>>;

interface Resolution {
  draft?: Draft;
  /** set for a base playbook (no overlay): the draft, already through the schema */
  playbook?: BasePlaybook;
  issues: Issue[];
  removed: Map<string, Origin>;
}

/** How a path reads in messages: relative when under the current folder. */

async function checkSource(path: string, shown: string): Promise<FileCheck> {
  const read = await readSource(path, shown);
  if (!read.source) return { issues: read.issues };
  const source = read.source;
  const { value, file, locate } = source;
  const base = "extends" in value ? undefined : BasePlaybook.safeParse(value, defaultMessages);
  const parsed = base ?? Overlay.safeParse(value, defaultMessages);
  const issues = parsed.success ? [] : schemaIssues(parsed.error.issues, { file, locate, input: value });
  issues.push(...translationIssues(source));
  return { source, issues, ...(base?.success ? { playbook: base.data } : {}) };
}

async function resolveChain(path: string, shown: string, cwd: string, seen: string[], checked: Checked): Promise<Resolution> {
  const key = `${path}\u0000${shown}`;
  const pending = checked.get(key) ?? checkSource(path, shown);
  checked.set(key, pending);
  const checkedFile = await pending;
  const issues = [...checkedFile.issues];
  const source = checkedFile.source;
  if (!source) return { issues, removed: new Map() };
  const { value, file, locate } = source;
  if (!("extends" in value)) return { draft: draftOf(source), playbook: checkedFile.playbook, issues, removed: new Map() };

  const baseRef = value.extends;
  if (typeof baseRef !== "string") return { issues, removed: new Map() };
  const atExtends = (message: string) => issueAt({ file, locate, at: [] }, ["extends"], message);
  const found = findPlaybook(baseRef, { cwd, near: dirname(source.path), exclude: source.path });
  if (!found.path) {
    const available = found.available.length ? ` (available: ${found.available.join(", ")})` : "";
    issues.push(atExtends(`there is no playbook '${baseRef}' to extend${available}`));
    return { issues, removed: new Map() };
  }
  const basePath = resolve(found.path);
  if (seen.includes(basePath) || basePath === source.path) {
    const cycle = [...seen, source.path, basePath].map((p) => idOf(p) ?? p).join(" -> ");
    issues.push(atExtends(`these playbooks extend each other in a circle: ${cycle}`));
    return { issues, removed: new Map() };
  }
  const base = await resolveChain(basePath, shownPath(basePath, cwd), cwd, [...seen, source.path], checked);
  issues.push(...base.issues);
  if (!base.draft) return { issues, removed: base.removed };
  const applied = applyOverlay(base.draft, source, baseRef);
  issues.push(...applied.issues);
  return { draft: applied.draft, issues, removed: new Map([...base.removed, ...applied.removed]) };
}

function sortIssues(issues: Issue[], files: string[]): Issue[] {
  const rank = (f: string) => (files.includes(f) ? files.indexOf(f) : files.length);
  const seen = new Set<string>();
  return issues
    .filter((i) => {
      const key = `${i.file}\u0000${i.line}\u0000${i.col}\u0000${i.path}\u0000${i.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line || a.col - b.col);
}

/** The draft as a plain playbook object, base order kept, overlays applied. */
function assemble(draft: Draft): Record<string, unknown> {
  const meta = { ...draft.meta.raw };
  for (const key of ["extends", "add", "replace", "remove"]) delete meta[key];
  const raws = (items: { raw: Record<string, unknown> }[]) => items.map((i) => i.raw);
  return {
    ...meta,
    roles: raws(draft.roles),
    facts: raws(draft.facts),
    ...(draft.contacts.length ? { contacts: raws(draft.contacts) } : {}),
    ...(draft.partners.length ? { partners: raws(draft.partners) } : {}),
    phases: draft.phases.map((p) => ({ ...p.raw, steps: raws(p.steps) })),
  };
}

async function checkFile(path: string, shown: string, cwd: string, checked: Checked = new Map()): Promise<FileResult> {
  const resolution = await resolveChain(path, shown, cwd, [], checked);
  const { draft } = resolution;
  if (!draft) return { file: shown, issues: sortIssues(resolution.issues, [shown]) };

  const cache = new Map<string, Set<string>>();
  const templates = (lang: string) => {
    let ids = cache.get(lang);
    if (!ids) {
      ids = new Set(draft.sources.flatMap((s) => [...templateIds(lang, { cwd, near: dirname(s.path) })]));
      cache.set(lang, ids);
    }
    return ids;
  };
  const files = draft.sources.map((s) => s.file).reverse();
  const issues = [...resolution.issues, ...crossReferenceIssues(draft, { templates, removed: resolution.removed })];
  if (issues.length) return { file: shown, issues: sortIssues(issues, files) };

  let data = resolution.playbook;
  if (!data) {
    const input = assemble(draft);
    const parsed = BasePlaybook.safeParse(input, defaultMessages);
    if (!parsed.success) {
      // every part passed on its own, so this is a combination no single file shows
      const last = draft.sources[draft.sources.length - 1];
      const located = last ? { file: last.file, locate: last.locate } : { file: shown, locate: () => ({ line: 0, col: 0 }) };
      return { file: shown, issues: schemaIssues(parsed.error.issues, { ...located, input }).map((i) => ({ ...i, line: 0, col: 0 })) };
    }
    data = parsed.data;
  }
  const hash = createHash("sha256");
  for (const source of draft.sources) hash.update(source.text).update("\u0000");
  const playbook: ResolvedPlaybook = {
    ...data,
    hash: hash.digest("hex"),
    files: draft.sources.map((s) => s.path),
    extendsChain: draft.chain,
  };
  return { file: shown, issues: [], playbook };
}

export async function validatePlaybookFiles(paths: string[], options: LoadOptions): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const checked: Checked = new Map();
  for (const path of paths) results.push(await checkFile(resolve(options.cwd, path), path, options.cwd, checked));
  return results;
}

export async function loadPlaybook(ref: string, options: LoadOptions): Promise<ResolvedPlaybook> {
  const found = findPlaybook(ref, { cwd: options.cwd });
  if (!found.path) {
    if (looksLikePath(ref)) throw new RespondError("usage", `There is no playbook file at ${ref}.`, { hint: "Check the path, or give a playbook id (respond playbooks list)." });
    const available = found.available.length ? found.available.join(", ") : "none";
    throw new RespondError("usage", `There is no playbook with the id '${ref}'. Available: ${available}.`, { hint: "See them with: respond playbooks list" });
  }
  const shown = shownPath(resolve(found.path), options.cwd);
  const result = await checkFile(resolve(found.path), shown, options.cwd);
  if (!result.playbook) {
    const n = result.issues.length;
    throw new RespondError("invalid-input", `The playbook ${shown} cannot be used: ${n === 1 ? "1 problem" : `${n} problems`}.`, {
      issues: result.issues,
      hint: `Fix the lines listed, then check again with: respond playbooks validate ${shown}`,
    });
  }
  return result.playbook;
}

export interface PlaybookSummary {
  id: string;
  title: Text;
  version: string;
  languages: string[];
  steps: number;
  file: string;
  origin: "shipped" | "local";
  extends?: string;
  /** set when the file does not validate: how many problems it has */
  problems?: number;
}

export async function listPlaybooks(options: LoadOptions): Promise<PlaybookSummary[]> {
  const rows: PlaybookSummary[] = [];
  const checked: Checked = new Map();
  for (const ref of playbookFiles({ cwd: options.cwd })) {
    const shown = shownPath(ref.path, options.cwd);
    const { playbook, issues } = await checkFile(resolve(ref.path), shown, options.cwd, checked);
    const extendsId = playbook?.extendsChain[0];
    if (playbook) {
      rows.push({
        id: playbook.id,
        title: playbook.title,
        version: playbook.version,
        languages: playbook.languages,
        steps: playbook.phases.reduce((n, p) => n + p.steps.length, 0),
        file: shown,
        origin: ref.origin,
        ...(extendsId ? { extends: extendsId } : {}),
      });
    } else {
      const id = idOf(ref.path) ?? shown;
      rows.push({ id, title: id, version: "", languages: [], steps: 0, file: shown, origin: ref.origin, problems: issues.length });
    }
  }
  return rows;
}

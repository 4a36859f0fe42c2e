/**
 * Finding playbooks by id: the folder of the playbook asking (for `extends`), then
 * ./playbooks in the current folder (a city's own), then the shipped ones. A ref
 * that looks like a path is taken as one. A playbook's id is the `id` inside the
 * file, not its file name, though the file name is tried first.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, extname, isAbsolute, join, resolve } from "node:path";
import { parseDocument } from "yaml";
import { shippedPlaybooksDir } from "../paths.js";
import { MAX_YAML_BYTES } from "./yaml.js";

export type Origin = "shipped" | "local";

export interface PlaybookFileRef {
  path: string;
  origin: Origin;
}

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

export function looksLikePath(ref: string): boolean {
  return ref.includes("/") || ref.includes("\\") || isYaml(ref);
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function yamlFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter(isYaml)
      .sort()
      .map((name) => join(dir, name))
      .filter((path) => statSync(path).isFile());
  } catch {
    return [];
  }
}

/** Every playbook file respond can see from `cwd`, local ones first, each once. */
export function playbookFiles(options: { cwd: string; near?: string }): PlaybookFileRef[] {
  const shipped = shippedPlaybooksDir();
  const groups: Array<[string[], Origin]> = [
    [options.near ? yamlFilesIn(options.near) : [], "local"],
    [yamlFilesIn(join(options.cwd, "playbooks")), "local"],
    [[...yamlFilesIn(shipped), ...yamlFilesIn(join(shipped, "examples"))], "shipped"],
  ];
  const shippedReal = real(shipped);
  const seen = new Map<string, PlaybookFileRef>();
  for (const [files, origin] of groups) {
    for (const path of files) {
      const key = real(path);
      const shippedFile = key.startsWith(shippedReal);
      if (!seen.has(key)) seen.set(key, { path, origin: shippedFile ? "shipped" : origin });
    }
  }
  return [...seen.values()];
}

/** A top-level `id:` line, as playbooks are written; anything fancier gets a full parse. */
const TOP_LEVEL_ID = /^id:[ \t]*(["']?)([a-z0-9][a-z0-9_-]*)\1[ \t]*(?:#.*)?$/m;

/** The `id` at the top of a file, read cheaply; undefined when there is none. */
export function idOf(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_YAML_BYTES) return undefined;
    const text = readFileSync(path, "utf8");
    // a full YAML parse of a large playbook costs ~100 ms; the id line is enough
    const line = TOP_LEVEL_ID.exec(text);
    if (line) return line[2];
    const id = parseDocument(text, { uniqueKeys: false }).get("id");
    return typeof id === "string" ? id : undefined;
  } catch {
    return undefined;
  }
}

export interface Found {
  path?: string;
  /** ids that could have been meant, for the message when nothing was found */
  available: string[];
}

export function findPlaybook(ref: string, options: { cwd: string; near?: string; exclude?: string }): Found {
  if (looksLikePath(ref)) {
    const path = isAbsolute(ref) ? ref : resolve(options.near ?? options.cwd, ref);
    return existsSync(path) ? { path, available: [] } : { available: [] };
  }
  const excluded = options.exclude ? real(options.exclude) : undefined;
  const files = playbookFiles(options).filter((f) => real(f.path) !== excluded);
  const byName = files.find((f) => basename(f.path, extname(f.path)) === ref && idOf(f.path) === ref);
  if (byName) return { path: byName.path, available: [] };
  const ids = files.map((f) => ({ f, id: idOf(f.path) }));
  const byId = ids.find((x) => x.id === ref);
  if (byId) return { path: byId.f.path, available: [] };
  return { available: [...new Set(ids.map((x) => x.id).filter((id): id is string => id !== undefined))].sort() };
}

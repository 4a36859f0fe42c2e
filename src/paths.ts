/**
 * Where respond's own files are: the package root holds playbooks/ and templates/.
 * Found by walking up from this module, so it works the same from src/ (tests)
 * and from the bundle in dist/ (and its chunks).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "respond") return (cached = dir);
      } catch {
        // not ours; keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("respond's package root was not found above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** The playbooks shipped with respond. */
export const shippedPlaybooksDir = (): string => join(packageRoot(), "playbooks");
/** The templates shipped with respond: templates/<lang>/<id>.hbs */
export const shippedTemplatesDir = (): string => join(packageRoot(), "templates");
/** The statement-check rules shipped with respond: rules/<lang>.yaml */
export const shippedRulesDir = (): string => join(packageRoot(), "rules");

/** True when `file` is strictly inside the folder `base`. */
export function inside(base: string, file: string): boolean {
  const rel = relative(base, file);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

/** A path as a person should see it: relative to `base` when inside it, else whole. */
export function shownPath(path: string, base: string): string {
  return inside(base, path) ? relative(base, path) : path;
}

/**
 * Which template ids exist in a language: the shipped templates, then a
 * `templates/` folder next to the playbook and one in the current folder, so a
 * city can add its own documents without touching respond's.
 */
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { shippedTemplatesDir } from "../paths.js";

export function templateDirs(options: { cwd: string; near?: string }): string[] {
  const dirs = [shippedTemplatesDir(), ...(options.near ? [join(options.near, "templates")] : []), join(options.cwd, "templates")];
  return [...new Set(dirs.map((d) => resolve(d)))];
}

export function templateIds(lang: string, options: { cwd: string; near?: string }): Set<string> {
  const ids = new Set<string>();
  for (const dir of templateDirs(options)) {
    const folder = join(dir, lang);
    if (!existsSync(folder)) continue;
    try {
      for (const name of readdirSync(folder)) if (name.endsWith(".hbs")) ids.add(name.slice(0, -".hbs".length));
    } catch {
      // an unreadable folder holds no templates we could use
    }
  }
  return ids;
}

/**
 * Where a template may be read from: `<root>/<lang>/<id>.hbs`, or a partial in
 * `<root>/<lang>/partials/<name>.hbs`, and nowhere else. Ids and languages are
 * checked by pattern, and the real path (symlinks followed) must stay inside the
 * language folder, so neither `../../etc/passwd` nor a symlink can reach outside.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { join, resolve } from "node:path";
import { RespondError } from "../errors.js";
import { TEMPLATE_ID } from "./validate.js";
import { inside } from "../paths.js";

const LANG = /^[a-z]{2}$/;
/** Templates are a page or two; a bigger file is a mistake. */
export const MAX_TEMPLATE_BYTES = 256 * 1024;


export function templateFile(root: string, lang: string, id: string, kind: "template" | "partial" = "template"): string {
  if (!LANG.test(lang)) throw new RespondError("usage", `'${lang}' is not a language code; use two letters such as en or fr.`);
  if (!TEMPLATE_ID.test(id)) {
    throw new RespondError("usage", `'${id}' is not a template id: ids are lower-case letters, digits and '-', such as holding-statement.`, {
      hint: "Run 'respond templates list' to see the templates available.",
    });
  }
  const langDir = resolve(root, lang);
  const base = kind === "partial" ? join(langDir, "partials") : langDir;
  const file = join(base, `${id}.hbs`);
  if (!existsSync(file)) {
    throw new RespondError("usage", kind === "partial" ? `The partial '${id}' does not exist in ${base}.` : `There is no template '${id}' in ${lang}.`, {
      hint: "Run 'respond templates list' to see the templates available.",
    });
  }
  let real: string;
  try {
    real = realpathSync(file);
    if (!inside(realpathSync(langDir), real)) throw new Error("outside");
  } catch {
    throw new RespondError("invalid-input", `The template file ${file} points outside the templates folder; it was not read.`, {
      hint: "Templates must be ordinary files inside templates/<lang>/.",
    });
  }
  return real;
}

export function readTemplateFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new RespondError("io", `The template ${file} could not be read.`, { cause: error });
  }
  if (Buffer.byteLength(text) > MAX_TEMPLATE_BYTES || text.includes("\u0000")) {
    throw new RespondError("invalid-input", `The template ${file} is not a text template (too large or binary).`, {
      issues: [{ file, line: 0, col: 0, path: "", message: "not a text template" }],
    });
  }
  return text;
}

/** Template ids in one language folder (partials and other files left out). */
export function templateIdsIn(root: string, lang: string): string[] {
  const dir = join(root, lang);
  if (!LANG.test(lang) || !existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".hbs") && TEMPLATE_ID.test(name.slice(0, -4)))
    .map((name) => name.slice(0, -4))
    .sort();
}

export function languagesIn(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && LANG.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Reading one playbook file into a SourceFile: size-capped before it is read,
 * UTF-8 checked, YAML parsed safely, and the top level required to be a map.
 * Problems come back as Issues; nothing here throws for a bad file.
 */
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Issue } from "../errors.js";
import { isRec, type SourceFile } from "./draft.js";
import { MAX_YAML_BYTES, parseYaml, tooLarge } from "./yaml.js";

export interface ReadResult {
  source?: SourceFile;
  issues: Issue[];
}

const whole = (file: string, message: string): ReadResult => ({ issues: [{ file, line: 0, col: 0, path: "", message }] });

export async function readSource(file: string, shown = file): Promise<ReadResult> {
  let buffer: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return whole(shown, "this is a folder, not a playbook file");
    if (info.size > MAX_YAML_BYTES) return whole(shown, tooLarge(info.size));
    buffer = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return whole(shown, code === "ENOENT" ? "file not found" : code === "EACCES" ? "permission denied: the file cannot be read" : `the file cannot be read (${code ?? "unknown error"})`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    return whole(shown, "this is not a UTF-8 text file; a playbook is YAML text (save it as UTF-8)");
  }
  const parsed = parseYaml(text, shown);
  if (parsed.issues.length > 0) return { issues: parsed.issues };
  if (parsed.value === null || parsed.value === undefined) return whole(shown, "the file is empty; a playbook starts with format, id, title, version and languages");
  if (!isRec(parsed.value)) {
    const found = Array.isArray(parsed.value) ? "a list" : "a single value";
    return { issues: [{ file: shown, line: 1, col: 1, path: "", message: `a playbook is a map of keys (format, id, title, ...), but this file holds ${found}` }] };
  }
  return { source: { file: shown, path: resolve(file), text, value: parsed.value, locate: parsed.locate }, issues: [] };
}

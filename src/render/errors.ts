/** Template problems, positioned in the template file for the person who edits it. */
import { invalidInput, isRespondError, type Issue } from "../errors.js";

export function templateProblem(file: string, issues: Issue[]): Error {
  return invalidInput(`The template ${file} has ${issues.length === 1 ? "a problem" : `${issues.length} problems`}.`, issues, "Fix the template at the positions shown, then try again.");
}

/**
 * Handlebars' parse errors give the line in the text and show the column only as a
 * `---^` marker under the last 20 characters read; we find those characters in the
 * source line to recover the column.
 */
export function parseErrorPosition(error: Error, source: string): { line: number; col: number; message: string } {
  const message = error.message;
  const withLoc = error as Error & { lineNumber?: number; column?: number };
  if (typeof withLoc.lineNumber === "number") {
    return { line: withLoc.lineNumber, col: (withLoc.column ?? 0) + 1, message: message.replace(/ - \d+:\d+$/, "") };
  }
  const lineMatch = /on line (\d+)/.exec(message);
  const line = lineMatch ? Number(lineMatch[1]) : 1;
  const [, excerpt = "", marker = ""] = message.split("\n");
  let col = 1;
  const caret = marker.indexOf("^");
  if (caret >= 0) {
    const past = excerpt.slice(0, caret).replace(/^\.\.\./, "");
    const text = source.split("\n")[line - 1] ?? "";
    for (let k = Math.min(text.length, caret); k >= 0; k--) {
      const head = text.slice(0, k);
      if (past.length >= head.length ? past.endsWith(head) : head.endsWith(past)) {
        col = k + 1;
        break;
      }
    }
  }
  const expecting = /Expecting (.*), got '([^']*)'/.exec(message);
  const got = expecting?.[2] ?? "";
  const plain = got === "EOF" ? "the template ends inside an unfinished {{...}} or block" : got === "INVALID" ? "this {{...}} is not written correctly" : `unexpected '${got}' in a {{...}}`;
  return { line, col, message: expecting ? plain : (message.split("\n")[0] ?? message) };
}

/** A runtime failure inside Handlebars or a helper, turned into a positioned issue. */
export function runtimeIssue(error: unknown, file: string, bodyLine: number, source?: string): Issue {
  if (isRespondError(error)) return { file, line: 0, col: 0, path: "", message: error.message };
  const e = error as Error & { lineNumber?: number; column?: number };
  const raw = e instanceof Error ? e.message : String(error);
  // strict lookups fail either with our kind of message or, on a string, with a TypeError
  const missing = /^"([^"]+)" not defined in/.exec(raw) ?? /^Cannot use 'in' operator to search for '([^']+)'/.exec(raw);
  const message = missing ? `'${missing[1]}' is not defined here` : raw.replace(/ - \d+:\d+$/, "");
  if (typeof e.lineNumber === "number") return { file, line: bodyLine + e.lineNumber, col: (e.column ?? 0) + 1, path: "", message };
  const at = missing && source ? findName(source, missing[1]!) : undefined;
  if (at) return { file, line: bodyLine + at.line, col: at.col, path: "", message };
  return { file, line: 0, col: 0, path: "", message };
}

/** Where a name is first used inside {{...}}, when Handlebars could not say. */
function findName(source: string, name: string): { line: number; col: number } | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`\\{\\{[^}]*?(?<![\\w.-])(${escaped})(?![\\w-])`);
  const lines = source.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = pattern.exec(lines[i]!);
    if (m) return { line: i + 1, col: m.index + m[0].length - name.length + 1 };
  }
  return undefined;
}

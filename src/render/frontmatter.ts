/**
 * A template file: YAML front matter between `---` lines, then the Handlebars body.
 * Front matter problems are reported at their line in the template file.
 */
import { z } from "zod";
import type { Issue } from "../errors.js";
import { AUDIENCES, CHANNELS } from "../playbook/schema.js";
import { defaultMessages, schemaIssues } from "../playbook/schema-issues.js";
import { parseYaml } from "../playbook/yaml.js";
import { TEMPLATE_ID } from "./validate.js";

const FactId = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "fact ids are lower-case letters, digits, '-' or '_'");

export const FrontMatter = z.strictObject({
  id: z.string().regex(TEMPLATE_ID, "must be lower-case letters, digits and '-' (e.g. holding-statement)"),
  title: z.string().min(1),
  audience: z.enum(AUDIENCES),
  channel: z.enum(CHANNELS),
  public: z.boolean(),
  /** a checklist renders the incident's steps instead of facts */
  kind: z.enum(["statement", "checklist"]).default("statement"),
  limit: z.number().int().positive().optional(),
  facts: z.array(FactId).default([]),
  description: z.string().optional(),
});
export type FrontMatter = z.infer<typeof FrontMatter>;

export interface SplitTemplate {
  front: FrontMatter | undefined;
  body: string;
  /** lines before the body */
  bodyLine: number;
  issues: Issue[];
}

const FENCE = /^---[ \t]*$/;

export function splitTemplate(text: string, file: string): SplitTemplate {
  const lines = text.replace(/^\uFEFF/, "").split("\n").map((l) => l.replace(/\r$/, ""));
  const fail = (line: number, message: string): SplitTemplate => ({ front: undefined, body: "", bodyLine: 0, issues: [{ file, line, col: 1, path: "", message }] });
  if (!FENCE.test(lines[0] ?? "")) return fail(1, "a template starts with front matter: a line '---', then id, title, audience, channel, public, facts, then '---'");
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0) return fail(1, "the front matter is not closed: add a line '---' after it");

  const yamlText = lines.slice(1, close).join("\n");
  const body = lines.slice(close + 1).join("\n");
  const bodyLine = close + 1;
  const parsed = parseYaml(yamlText, file);
  const shift = (issue: Issue): Issue => (issue.line > 0 ? { ...issue, line: issue.line + 1 } : issue);
  if (parsed.issues.length > 0) return { front: undefined, body, bodyLine, issues: parsed.issues.map(shift) };

  const result = FrontMatter.safeParse(parsed.value ?? {}, defaultMessages);
  if (!result.success) {
    const issues = schemaIssues(result.error.issues, { file, locate: parsed.locate, input: parsed.value }).map(shift);
    return { front: undefined, body, bodyLine, issues };
  }
  return { front: result.data, body, bodyLine, issues: [] };
}

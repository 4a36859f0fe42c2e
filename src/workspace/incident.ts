/**
 * incident.yaml: its schema, writing it, and reading it with positioned issues.
 * Loaded only when needed (incident-quick.ts reads the usual file without it).
 */
import { isMap, isSeq, LineCounter, parseDocument, stringify, type Node } from "yaml";
import { z } from "zod";
import { invalidInput, type Issue } from "../errors.js";
import { isTimeZone } from "../engine/time.js";
import { LANGS } from "../lang.js";
import { isIsoTime } from "./incident-quick.js";

export const INCIDENT_FORMAT = 1;

const isoTime = z.string().refine(isIsoTime, "must be an ISO time with a zone, e.g. 2026-05-14T16:30:00Z");

export const IncidentSchema = z.strictObject({
  format: z.literal(INCIDENT_FORMAT, { error: `must be ${INCIDENT_FORMAT}: this version of respond reads incident format ${INCIDENT_FORMAT}` }),
  id: z.string().min(1),
  /** `ref` is what start was given (a shipped id or a path), so it can be found again */
  playbook: z.strictObject({
    id: z.string().min(1),
    version: z.string().min(1),
    hash: z.string().min(1),
    ref: z.string().min(1),
  }),
  t0: isoTime,
  city: z.string().min(1),
  lang: z.enum(LANGS),
  timeZone: z.string().refine(isTimeZone, "must be a time zone such as Europe/Paris"),
  mode: z.enum(["live", "exercise"]),
  created: isoTime,
});

export type Incident = z.infer<typeof IncidentSchema>;

export function parseIncident(text: string, file: string): Incident {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length > 0) {
    const issues: Issue[] = doc.errors.map((e) => ({ file, ...at(e.pos[0]), path: "", message: e.message.split("\n")[0] ?? e.code }));
    throw invalidInput(`The incident file ${file} is not valid YAML.`, issues, "It is written by `respond start`; restore it from a copy.");
  }
  const result = IncidentSchema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue): Issue => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    let node = doc.contents as Node | null;
    for (const part of path) {
      const next = isMap(node) || isSeq(node) ? (node.get(part, true) as Node | undefined) : undefined;
      if (!next) break;
      node = next;
    }
    const { line, col } = at(node?.range?.[0] ?? 0);
    return { file, line, col, path: path.join("."), message: issue.message };
  });
  throw invalidInput(`The incident file ${file} is not valid.`, issues, "It is written by `respond start`; restore it from a copy.");
}

export function incidentYaml(incident: Incident): string {
  return stringify(incident);
}

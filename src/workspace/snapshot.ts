/**
 * playbook.json: the resolved playbook as it was when the incident opened, kept in
 * the workspace. Every incident command reads it instead of the playbook's YAML, so
 * the record shows the steps the office actually saw (an edited or deleted playbook
 * file changes nothing), and reading it is a JSON.parse instead of a YAML parse and
 * a schema check of a 200 KB file.
 *
 * It carries the source hash (which must equal incident.yaml's playbook.hash) and a
 * sha256 of its own playbook text, so a damaged or swapped copy is noticed; then the
 * playbook is loaded again from its ref, as for workspaces made before this file.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isRespondError, RespondError } from "../errors.js";
import type { ResolvedPlaybook } from "../playbook/types.js";
import type { Incident } from "./incident.js";

export const SNAPSHOT_FILE = "playbook.json";
export const SNAPSHOT_FORMAT = 1;

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The file's text: one line of JSON, the playbook last so its text can be digested. */
export function snapshotText(playbook: ResolvedPlaybook): string {
  const body = JSON.stringify(playbook);
  return `{"format":${SNAPSHOT_FORMAT},"hash":${JSON.stringify(playbook.hash)},"sha256":"${digest(body)}","playbook":${body}}\n`;
}

export type SnapshotRead =
  | { status: "ok"; playbook: ResolvedPlaybook }
  | { status: "missing" }
  | { status: "damaged"; why: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Read and check playbook.json against the incident; never throws for a bad file. */
export async function readSnapshot(dir: string, incident: Incident): Promise<SnapshotRead> {
  let text: string;
  try {
    text = await readFile(join(dir, SNAPSHOT_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { status: "missing" };
    return { status: "damaged", why: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? "unknown error"})` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { status: "damaged", why: "it is not complete JSON" };
  }
  if (!isRecord(data) || data.format !== SNAPSHOT_FORMAT) return { status: "damaged", why: `it is not in format ${SNAPSHOT_FORMAT}` };
  const playbook = data.playbook;
  if (data.hash !== incident.playbook.hash || !isRecord(playbook) || playbook.hash !== incident.playbook.hash || playbook.id !== incident.playbook.id) {
    return { status: "damaged", why: "it is not the playbook this incident was opened with" };
  }
  // JSON.stringify gives back the same text for what it wrote, so this finds any change inside
  if (typeof data.sha256 !== "string" || digest(JSON.stringify(playbook)) !== data.sha256) return { status: "damaged", why: "its content was changed" };
  if (!Array.isArray(playbook.phases) || !Array.isArray(playbook.facts) || !Array.isArray(playbook.roles) || !Array.isArray(playbook.languages)) {
    return { status: "damaged", why: "it lacks parts of a playbook" };
  }
  return { status: "ok", playbook: playbook as unknown as ResolvedPlaybook };
}

export interface IncidentPlaybook {
  playbook: ResolvedPlaybook;
  /** where it came from: the workspace's copy, or the playbook file (older workspaces, damaged copy) */
  from: "snapshot" | "ref";
  /** calm notes for the person, when the copy could not be used */
  warnings: string[];
}

/** The playbook an incident runs on: its snapshot, else loaded again by its ref. */
export async function incidentPlaybook(dir: string, incident: Incident, options: { cwd: string }): Promise<IncidentPlaybook> {
  const snapshot = await readSnapshot(dir, incident);
  if (snapshot.status === "ok") return { playbook: snapshot.playbook, from: "snapshot", warnings: [] };
  // only now is the YAML parser needed
  const { loadPlaybook } = await import("../playbook/load.js");
  const warnings =
    snapshot.status === "damaged"
      ? [`Note: the copy of the playbook saved in this incident folder (${SNAPSHOT_FILE}) cannot be used: ${snapshot.why}. The playbook is read from ${incident.playbook.ref} instead; nothing else is affected.`]
      : [];
  const playbook = await loadPlaybook(incident.playbook.ref, options).catch((error: unknown) => {
    if (isRespondError(error) && snapshot.status === "damaged") {
      throw new RespondError(error.code, error.message, { issues: error.issues, hint: `The copy of the playbook in this incident folder (${SNAPSHOT_FILE}) cannot be used: ${snapshot.why}. ${error.hint ?? ""}`.trim(), cause: error });
    }
    throw error;
  });
  return { playbook, from: "ref", warnings };
}

/** The assertion createWorkspace makes before writing a snapshot beside incident.yaml. */
export function checkSnapshotFor(incident: Incident, playbook: ResolvedPlaybook): void {
  if (playbook.hash !== incident.playbook.hash || playbook.id !== incident.playbook.id) {
    // a programming mistake, not a person's: the two must describe the same playbook
    throw new Error(`the playbook given (${playbook.id} ${playbook.hash}) is not the incident's (${incident.playbook.id} ${incident.playbook.hash})`);
  }
}

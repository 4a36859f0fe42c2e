/**
 * The incident workspace: a private folder holding incident.yaml (what the incident
 * is: playbook, attack time, city, language) and journal.jsonl (what happened).
 * With them, playbook.json (snapshot.ts): the playbook as it was when the incident opened.
 * It may hold data about victims and families, so it is kept 0700 / 0600.
 */
import { constants } from "node:fs";
import { chmod, mkdir, open, readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns/format";
import { RespondError } from "../errors.js";
import { JOURNAL_FILE } from "../journal/journal.js";
import type { ResolvedPlaybook } from "../playbook/types.js";
import type { Incident } from "./incident.js";
import { quickIncident } from "./incident-quick.js";
import { checkSnapshotFor, SNAPSHOT_FILE, snapshotText } from "./snapshot.js";

export type { Incident } from "./incident.js";
export const INCIDENT_FILE = "incident.yaml";
export const INCIDENTS_FOLDER = "incidents";

const HEADER = `# respond incident workspace. Written by \`respond start\`; do not edit by hand.
# What happened is in journal.jsonl beside it: an append-only record.
`;

const exists = async (path: string) => stat(path).then(() => true, () => false);

async function writeNew(path: string, text: string): Promise<void> {
  // O_EXCL: never replace a file a concurrent start may have just written
  const file = await open(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
  try {
    await file.writeFile(text, "utf8");
    await file.sync();
  } finally {
    await file.close();
  }
}

/** `playbook`, when given, is saved as playbook.json; it must be the one incident.playbook names. */
export async function createWorkspace(dir: string, incident: Incident, playbook?: ResolvedPlaybook): Promise<void> {
  if (playbook) checkSnapshotFor(incident, playbook);
  const entries = await readdir(dir).catch(() => undefined);
  if (entries && entries.length > 0) {
    const what = entries.includes(INCIDENT_FILE) || entries.includes(JOURNAL_FILE) ? "already holds an incident" : "is not empty";
    throw new RespondError("usage", `The folder ${dir} ${what}; respond will not write over it.`, {
      hint: "Choose another folder with --dir, or resume this one with `respond walk --dir " + dir + "`.",
    });
  }
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);
    const { incidentYaml } = await import("./incident.js");
    await writeNew(join(dir, INCIDENT_FILE), HEADER + incidentYaml(incident));
    if (playbook) await writeNew(join(dir, SNAPSHOT_FILE), snapshotText(playbook));
    await writeNew(join(dir, JOURNAL_FILE), "");
    const folder = await open(dir, constants.O_RDONLY);
    await folder.sync().finally(() => folder.close());
  } catch (error) {
    if (error instanceof RespondError) throw error;
    throw new RespondError("io", `The incident folder ${dir} could not be created (${(error as Error).message}).`, {
      hint: "Check that you may write there, or choose another folder with --dir.",
      cause: error,
    });
  }
}

export async function openWorkspace(dir: string): Promise<{ dir: string; incident: Incident; warnings: string[] }> {
  const path = join(dir, INCIDENT_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new RespondError("usage", `There is no incident in ${dir} (no ${INCIDENT_FILE}).`, {
      hint: "Start one with `respond start`, or point to it with --dir.",
    });
  }
  // the full parser (YAML and schema libraries) only for a file not as start wrote it
  const incident = quickIncident(text) ?? (await import("./incident.js")).parseIncident(text, path);
  if (!(await exists(join(dir, JOURNAL_FILE)))) {
    throw new RespondError("damaged", `The incident in ${dir} has no journal (${JOURNAL_FILE} is missing).`, {
      hint: "Restore journal.jsonl from a copy; respond will not start a new, empty record for an existing incident.",
    });
  }
  const warnings = await tightenPermissions(dir);
  return { dir, incident, warnings };
}

/** Make the folder 0700 and what it holds 0600 (0700 for sub-folders); say what changed. */
async function tightenPermissions(dir: string): Promise<string[]> {
  const changed: string[] = [];
  const tighten = async (path: string, name: string, folder: boolean) => {
    const mode = (await stat(path)).mode & 0o777;
    if ((mode & 0o077) === 0) return;
    await chmod(path, folder ? 0o700 : 0o600);
    changed.push(name);
  };
  await tighten(dir, ".", true);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isFile() || entry.isDirectory()) await tighten(join(dir, entry.name), entry.name, entry.isDirectory());
  }
  if (changed.length === 0) return [];
  return [
    `Other people on this computer could read ${changed.length === 1 ? "part" : "parts"} of this incident folder (${changed.join(", ")}); access is now limited to you.`,
  ];
}

/** The incident folder for `cwd`: one at or above it, else the only one under ./incidents/. */
export async function findWorkspace(cwd: string): Promise<string | undefined> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (await exists(join(dir, INCIDENT_FILE))) return dir;
    if (dirname(dir) === dir) break;
  }
  const found = await listWorkspaces(cwd);
  return found.length === 1 ? found[0] : undefined;
}

/** Incident folders in ./incidents/, sorted by name (so by date). */
export async function listWorkspaces(cwd: string): Promise<string[]> {
  const root = join(resolve(cwd), INCIDENTS_FOLDER);
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && (await exists(join(root, entry.name, INCIDENT_FILE)))) found.push(join(root, entry.name));
  }
  return found.sort();
}

/** `2026-05-14-lyon`: the attack's local date, then the city in plain lower-case ascii. */
export function workspaceName(t0: Date, city: string, timeZone: string): string {
  const date = format(new TZDate(t0.getTime(), timeZone), "yyyy-MM-dd");
  const slug = city
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug ? `${date}-${slug}` : `${date}-incident`;
}

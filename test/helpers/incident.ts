/** An incident to test against: opened by the built binary from an answers file, or an incident.yaml record. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Incident } from "../../src/workspace/workspace.js";
import { type CliResult, ROOT, runCli, tempDir } from "./cli.js";

/** Who writes, in a fixed time zone: what the journal and the printed times are checked against. */
export const INCIDENT_ENV = { RESPOND_USER: "Jo Dupont", TZ: "UTC" };

/** The small test playbook (test/fixtures/incident/drill.yaml). */
export const DRILL = join(ROOT, "test/fixtures/incident/drill.yaml");

/** What the shipped city-response playbook needs to open an incident, and nothing more. */
export const CITY_RESPONSE_ANSWERS = [
  "city: Lyon",
  "at: 2026-05-14 16:00",
  "timezone: Europe/Paris",
  "lang: en",
  "facts:",
  "  mayor_name: A. Martin",
  "  location: the Saint-Jean market",
  "  incident_summary: a knife attack",
  "  support_line: 0800 123 456",
  "  info_url: https://lyon.example",
  "",
].join("\n");

export interface JournalLine {
  type: string;
  by: string;
  data: Record<string, unknown>;
}

export interface StartedIncident {
  /** the folder `start` ran in; the incident is its `inc` folder */
  cwd: string;
  /** the incident folder */
  dir: string;
  /** what `respond start` printed */
  start: CliResult;
  /** runs `respond ARGS --dir inc` from `cwd`, with INCIDENT_ENV */
  run: (...args: string[]) => Promise<CliResult>;
  /** the journal's events as written on disk, in order */
  journal: () => JournalLine[];
}

/**
 * `respond start PLAYBOOK --answers answers.yaml --dir inc --now NOW ARGS` in `cwd` (a new
 * temp folder unless given), which must succeed.
 */
export async function startIncident(options: { answers: string; playbook?: string; now?: string; args?: string[]; cwd?: string }): Promise<StartedIncident> {
  const { answers, playbook = DRILL, now = "T+30m", args = [], cwd = tempDir() } = options;
  writeFileSync(join(cwd, "answers.yaml"), answers);
  const start = await runCli(["start", playbook, "--answers", "answers.yaml", "--dir", "inc", "--now", now, ...args], { cwd, env: INCIDENT_ENV });
  expect(start.code, start.stderr).toBe(0);
  const dir = join(cwd, "inc");
  return {
    cwd,
    dir,
    start,
    run: (...more) => runCli([...more, "--dir", "inc"], { cwd, env: INCIDENT_ENV }),
    journal: () =>
      readFileSync(join(dir, "journal.jsonl"), "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as JournalLine),
  };
}

/** An incident.yaml record for the workspace tests. */
export function sampleIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    format: 1,
    id: "2026-05-14-lyon",
    playbook: { id: "city-response", version: "1.0.0", hash: "abc123", ref: "city-response" },
    t0: "2026-05-14T16:30:00.000Z",
    city: "Lyon",
    lang: "fr",
    timeZone: "Europe/Paris",
    mode: "live",
    created: "2026-05-14T17:05:00.000Z",
    ...overrides,
  };
}

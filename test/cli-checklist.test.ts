/** `respond checklist` (built binary, shipped city-response playbook). */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CITY_RESPONSE_ANSWERS, startIncident, type StartedIncident } from "./helpers/incident.js";

interface Model {
  city: string;
  selection: { phase: string; role: string };
  phases: { id: string; current: boolean; steps: { id: string; owner: string; state: string; ticked: boolean; by: string; note: string; overdue: boolean }[] }[];
  counts: { open: number; ticked: number; overdue: number };
}

describe("respond checklist (built binary)", () => {
  let incident: StartedIncident;
  const run = (...args: string[]) => incident.run(...args);
  const json = async (...args: string[]): Promise<Model> => {
    const r = await run("checklist", "--format", "json", ...args);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Model;
  };

  beforeAll(async () => {
    incident = await startIncident({ playbook: "city-response", answers: CITY_RESPONSE_ANSWERS });
    expect((await run("done", "agree-spokespeople", "--note", "Prefecture speaks first", "--by", "Sam", "--now", "T+40m")).code).toBe(0);
    expect((await run("draft", "holding-statement", "--now", "T+45m")).code).toBe(0);
  });

  it("json, by phase and role: only that phase and role, with states from the journal", async () => {
    const model = await json("--phase", "hours", "--role", "communications", "--now", "T+2h");
    expect(model.phases.map((p) => p.id)).toEqual(["hours"]);
    expect(model.selection).toEqual({ phase: "First hours", role: "Communications lead" });
    const steps = model.phases[0]!.steps;
    expect(steps.length).toBeGreaterThan(3);
    expect(steps.every((s) => s.owner === "communications")).toBe(true);
    expect(steps.find((s) => s.id === "agree-spokespeople")).toMatchObject({ state: "done", ticked: true, by: "Sam", note: "Prefecture speaks first" });
    // a statement step is done by its draft: by whom, and which file
    expect(steps.find((s) => s.id === "holding-statement")).toMatchObject({ state: "done", ticked: true, by: "Jo Dupont", note: "drafts/holding-statement-en-20260514-1645.md" });
    expect(steps.find((s) => s.id === "info-page")).toMatchObject({ state: "open", ticked: false, overdue: true });
    expect(model.counts.ticked).toBe(2);
  });

  it("without filters: every phase with open or ticked steps, every role", async () => {
    const model = await json("--now", "T+2h");
    expect(model.phases.map((p) => p.id)).toEqual(expect.arrayContaining(["hours", "days", "weeks"]));
    expect(new Set(model.phases.flatMap((p) => p.steps.map((s) => s.owner))).size).toBeGreaterThan(3);
    expect(model.phases.find((p) => p.current)?.id).toBe("hours");
  });

  it("markdown to stdout: ticked boxes, owners, due times, who did it", async () => {
    const r = await run("checklist", "--role", "communications", "--phase", "hours", "--now", "T+2h");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# City response .* - Lyon/);
    expect(r.stdout).toContain("## First hours (current phase)");
    expect(r.stdout).toMatch(/- \[x\] \*\*.*\*\* - Communications lead, due Thu 14 May, 17:00 \(T\+1h\) - done by Sam, Thu 14 May, 16:40: Prefecture speaks first/);
    expect(r.stdout).toMatch(/- \[ \] \*\*Publish the official information page\*\* - Communications lead, .* - \*\*OVERDUE\*\*/);
    expect(r.stdout).not.toContain("Chief of staff,");
  });

  it("html to --out: a whole page, 0600, nothing on stdout", async () => {
    const r = await run("checklist", "--phase", "hours", "--format", "html", "--out", "hours.html", "--now", "T+2h");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Checklist written to hours.html.");
    const file = join(incident.cwd, "hours.html");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const html = readFileSync(file, "utf8");
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain("Publish the official information page");
    expect(html).not.toContain("<script");
  });

  it("in French when asked", async () => {
    const r = await run("checklist", "--phase", "hours", "--lang", "fr", "--now", "T+2h");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("jeu. 14 mai");
  });

  it("an unknown role or phase: exit 2 with the valid ids, nothing printed on stdout", async () => {
    const role = await run("checklist", "--role", "press-officer");
    expect(role.code).toBe(2);
    expect(role.stdout).toBe("");
    expect(role.stderr).toContain("There is no role 'press-officer'");
    expect(role.stderr).toMatch(/Roles: mayor, chief-of-staff, communications/);

    const phase = await run("checklist", "--phase", "later", "--lang", "fr");
    expect(phase.code).toBe(2);
    expect(phase.stderr).toContain("Il n’y a pas de phase « later »");
    expect(phase.stderr).toMatch(/Phases : before, hours, days/);
  });
});

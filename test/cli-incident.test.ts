import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createContext } from "../src/cli/context.js";
import { runCli, tempDir } from "./helpers/cli.js";
import { CITY_RESPONSE_ANSWERS, DRILL, INCIDENT_ENV, startIncident, type StartedIncident } from "./helpers/incident.js";

interface JsonStep {
  id: string;
  kind: string;
  phase: string;
  state: string;
  due: string | null;
  overdue: boolean;
  owner: string;
}
interface JsonStatus {
  now: string;
  t0: string;
  phase: string | null;
  steps: JsonStep[];
}

const ANSWERS = `# a drill
city: Lyon
at: 2026-05-14 18:30
timezone: Europe/Paris
facts:
  mayor_name: A. Martin
  location: { value: the Saint-Jean market, confirmed_by: Police }
  victims_count: 2
  vigil_date: T+2d
  victim_names: [A. B., C. D.]
decisions:
  motive-status: { option: not-confirmed, why: "No claim yet", by: Prefect }
  vigil-lead: { option: no-vigil, why: "The families asked for privacy" }
done:
  - open-cell
  - { id: daily-briefing, note: "held at the town hall" }
`;

async function status(incident: StartedIncident, now: string): Promise<{ json: JsonStatus; byId: (id: string) => JsonStep }> {
  const r = await incident.run("status", "--json", "--now", now);
  expect(r.code, r.stderr).toBe(0);
  const json = JSON.parse(r.stdout) as JsonStatus;
  const byId = (id: string) => {
    const step = json.steps.find((s) => s.id === id);
    if (!step) throw new Error(`no step ${id}`);
    return step;
  };
  return { json, byId };
}

describe("respond start --answers, then status --json at several times", () => {
  it("opens the incident, records the answers in one go and prints what is due", async () => {
    const { dir, start: r, journal } = await startIncident({ answers: ANSWERS });
    expect(r.stdout).toContain(`Incident opened in ${dir}`);
    expect(r.stdout).toContain("Recorded: 5 facts, 2 decisions, 2 done, 0 skipped.");
    expect(r.stdout).toContain("Lyon · T+0h30 · First hours");
    expect(r.stdout).toContain(`respond walk --dir ${dir}`);
    expect(existsSync(join(dir, "incident.yaml"))).toBe(true);
    expect(journal().map((e) => e.type)).toEqual([
      "incident.opened",
      ...Array(5).fill("fact.set"),
      "decision.made",
      "decision.made",
      "task.done",
      "task.done",
    ]);
  });

  it("the city's own facts given as plain values are confirmed by the author; facts about the incident are not", async () => {
    const { cwd, journal } = await startIncident({ answers: ANSWERS, args: ["--by", "Sam Leroy"] });
    const events = journal();
    const fact = (id: string) => events.find((e) => e.type === "fact.set" && e.data.fact === id);
    expect(fact("mayor_name")).toMatchObject({ by: "Sam Leroy", data: { confirmedBy: "Sam Leroy" } });
    expect(fact("location")?.data.confirmedBy).toBe("Police");
    expect(fact("victims_count")?.data.confirmedBy).toBeUndefined();
    expect(events[0]?.by).toBe("Sam Leroy");
    const blank = await runCli(["start", DRILL, "--answers", "answers.yaml", "--dir", "other", "--by", " "], { cwd, env: INCIDENT_ENV });
    expect(blank.code).toBe(2);
  });

  it("gives the right due and overdue states at T+30m, T+25h and T+8d", async () => {
    const incident = await startIncident({ answers: ANSWERS });

    const early = await status(incident, "T+30m");
    expect(early.json).toMatchObject({ t0: "2026-05-14T16:30:00.000Z", now: "2026-05-14T17:00:00.000Z", phase: "hours" });
    expect(early.byId("open-cell")).toMatchObject({ state: "done", overdue: false });
    expect(early.byId("brief-mayor")).toMatchObject({ kind: "task", phase: "hours", state: "open", due: "2026-05-14T17:30:00.000Z", overdue: false, owner: "lead" });
    expect(early.byId("motive-status")).toMatchObject({ kind: "decision", state: "decided" });
    expect(early.byId("community-contact")).toMatchObject({ state: "closed" });
    // the decision closed these two
    expect(early.byId("plan-vigil")).toMatchObject({ state: "closed", overdue: false });
    expect(early.byId("vigil-remarks")).toMatchObject({ state: "closed" });
    // a repeating task: one occurrence per day until T+7d; the tick went to the first
    const briefings = early.json.steps.filter((s) => s.id.startsWith("daily-briefing#"));
    expect(briefings.map((s) => s.due)).toEqual([15, 16, 17, 18, 19, 20, 21].map((d) => `2026-05-${d}T16:30:00.000Z`));
    expect(early.byId("daily-briefing#1").state).toBe("done");

    const dayAfter = await status(incident, "T+25h");
    expect(dayAfter.json.phase).toBe("days");
    expect(dayAfter.byId("brief-mayor")).toMatchObject({ state: "open", overdue: true });
    expect(dayAfter.byId("call-prefecture").overdue).toBe(true);
    expect(dayAfter.byId("daily-briefing#2")).toMatchObject({ state: "open", overdue: false });
    expect(dayAfter.byId("vigil-lead")).toMatchObject({ state: "decided", overdue: false });

    const weekAfter = await status(incident, "T+8d");
    expect(weekAfter.json.phase).toBe("weeks");
    // a late phase does not hide late work from earlier ones
    expect(weekAfter.byId("brief-mayor").overdue).toBe(true);
    for (const n of [2, 3, 4, 5, 6, 7]) expect(weekAfter.byId(`daily-briefing#${n}`)).toMatchObject({ state: "open", overdue: true });
    expect(weekAfter.byId("staff-debrief")).toMatchObject({ state: "open", overdue: false, due: "2026-05-24T16:30:00.000Z" });
    expect(weekAfter.byId("plan-vigil")).toMatchObject({ state: "closed", overdue: false });
  });

  it("readable status groups by owner, filters by role, and --all lists every step", async () => {
    const { run } = await startIncident({ answers: ANSWERS });
    const r = await run("status", "--now", "T+25h");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Late \(\d+\)\n  Crisis lead\n    ! Brief the mayor/);
    for (const line of r.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    const role = await run("status", "--now", "T+25h", "--role", "comms");
    expect(role.stdout).toContain("First statement");
    expect(role.stdout).not.toContain("Brief the mayor");
    const bad = await run("status", "--role", "cook");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Roles: lead, mayor, comms");
    const all = await run("status", "--all", "--now", "T+8d");
    expect(all.stdout).toMatch(/Plan the vigil with the police\s+not needed/);
  });

  it("finds the workspace from the current folder", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "answers.yaml"), ANSWERS);
    const r = await runCli(["start", DRILL, "--answers", "answers.yaml", "--now", "2026-05-14T17:00:00Z"], { cwd, env: INCIDENT_ENV });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(cwd, "incidents", "2026-05-14-lyon", "journal.jsonl"))).toBe(true);
    const s = await runCli(["status", "--json", "--now", "T+1h"], { cwd, env: INCIDENT_ENV });
    expect(s.code, s.stderr).toBe(0);
    expect((JSON.parse(s.stdout) as JsonStatus).phase).toBe("hours");
  });
});

describe("respond start refuses what it cannot do", () => {
  it("will not write over an existing workspace (exit 2)", async () => {
    const { dir, run } = await startIncident({ answers: ANSWERS });
    const before = readFileSync(join(dir, "journal.jsonl"), "utf8");
    const again = await run("start", DRILL, "--answers", "answers.yaml", "--now", "T+30m");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("There is already an incident in");
    expect(readFileSync(join(dir, "journal.jsonl"), "utf8")).toBe(before);
  });

  it("without a terminal and without answers, exits 2 naming what it needed", async () => {
    const cwd = tempDir();
    const r = await runCli(["start", DRILL, "--at", "2026-05-14T16:30:00Z"], { cwd, env: INCIDENT_ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the city");
    expect(r.stderr).toContain("mayor_name");
    expect(r.stderr).toContain("location");
    expect(r.stderr).not.toContain("victims_count");
    expect(existsSync(join(cwd, "incidents"))).toBe(false);
  });

  it("a bad answers file: exit 2, every problem with file:line:col, nothing created", async () => {
    const bad = `city: Lyon
at: 2026-05-14 18:30
timezone: Europe/Paris
facts:
  mayor_name: A. Martin
  location: the market
  victims_count: two
  vigil_date: next week
  victim_names: A. B.
  weather: sunny
decisions:
  motive-status: { option: confirmed, why: "yes" }
  vigil-lead: { option: no-vigil }
done:
  - open-cel
  - motive-status
`;
    const cwd = tempDir();
    writeFileSync(join(cwd, "answers.yaml"), bad);
    const r = await runCli(["start", DRILL, "--answers", "answers.yaml", "--dir", "inc"], { cwd, env: INCIDENT_ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("answers.yaml:7:18  facts.victims_count: number fact must be a number");
    expect(r.stderr).toContain("answers.yaml:8:15  facts.vigil_date:");
    expect(r.stderr).toContain("answers.yaml:9:17  facts.victim_names: list fact must be a list");
    expect(r.stderr).toMatch(/answers\.yaml:10:3 {2}facts\.weather: unknown fact/);
    expect(r.stderr).toMatch(/answers\.yaml:12:28 {2}decisions\.motive-status\.option: unknown option.*not-confirmed, hate-confirmed/);
    expect(r.stderr).toMatch(/answers\.yaml:13:15 {2}decisions\.vigil-lead: needs a reason/);
    expect(r.stderr).toMatch(/answers\.yaml:15:5 {2}done\[0\]: unknown step \(did you mean 'open-cell'\?\)/);
    expect(r.stderr).toMatch(/answers\.yaml:16:5 {2}done\[1\]: 'motive-status' is a decision/);
    expect(existsSync(join(cwd, "inc"))).toBe(false);
  });

  it("an answers file with broken YAML is positioned too", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "answers.yaml"), "city: Lyon\nfacts:\n  mayor_name: [unclosed\n");
    const r = await runCli(["start", DRILL, "--answers", "answers.yaml", "--dir", "inc"], { cwd, env: INCIDENT_ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/answers\.yaml:\d+:\d+/);
  });
});

describe("decide, done, skip and note", () => {
  it("round trip: each says Saved once written, and status shows it", async () => {
    const incident = await startIncident({ answers: ANSWERS.replace(/decisions:[\s\S]*$/, "") });
    const run = (...args: string[]) => incident.run(...args, "--now", "T+3h");

    const noWhy = await run("decide", "motive-status", "hate-confirmed");
    expect(noWhy.code).toBe(2);
    expect(noWhy.stderr).toContain("--why");

    const typo = await run("decide", "motive-status", "hate-confirm", "--why", "x");
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Did you mean "hate-confirmed"?');

    const decided = await run("decide", "motive-status", "hate-confirmed", "--why", "Prosecutor's statement", "--by", "Prefect");
    expect(decided.code, decided.stderr).toBe(0);
    expect(decided.stdout).toContain('Saved: decision "Motive status": Hate confirmed.');
    expect(decided.stdout).toMatch(/Now open:\n\s+Call the community leaders/);

    const done = await run("done", "open-cell", "--note", "Room 2.14");
    expect(done.stdout).toContain('Saved: "Open the crisis cell" is done.');
    const twice = await run("done", "open-cell");
    expect(twice.code).toBe(0);
    expect(twice.stdout).toContain("already done");

    const briefing = await run("done", "daily-briefing");
    expect(briefing.stdout).toContain("Daily briefing (no. 1)");
    const skipped = await run("skip", "call-prefecture", "--reason", "The prefect called first", "--by", "Sam");
    expect(skipped.stdout).toContain('Saved: "Call the prefecture" is skipped');
    const blankReason = await run("skip", "brief-mayor", "--reason", "  ");
    expect(blankReason.code).toBe(2);
    const noted = await run("note", "Press point moved to 18:00", "--step", "brief-mayor");
    expect(noted.stdout).toContain("Saved: your note is in the log.");
    const decisionAsTask = await run("done", "motive-status");
    expect(decisionAsTask.code).toBe(2);
    const unknown = await run("done", "open-cel");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Did you mean "open-cell"?');

    const { byId } = await status(incident, "T+3h");
    expect(byId("motive-status")).toMatchObject({ state: "decided" });
    expect(byId("community-contact")).toMatchObject({ state: "open" });
    expect(byId("open-cell")).toMatchObject({ state: "done" });
    expect(byId("daily-briefing#1")).toMatchObject({ state: "done" });
    expect(byId("call-prefecture")).toMatchObject({ state: "skipped" });

    const events = incident.journal();
    expect(events.slice(-5).map((e) => [e.type, e.by])).toEqual([
      ["decision.made", "Prefect"],
      ["task.done", "Jo Dupont"],
      ["task.done", "Jo Dupont"],
      ["task.skipped", "Sam"],
      ["note.added", "Jo Dupont"],
    ]);
    expect(events.at(-1)?.data).toEqual({ text: "Press point moved to 18:00", step: "brief-mayor" });
  });

  it("a torn last line in the journal is warned about, and the rest is read", async () => {
    const { dir, run } = await startIncident({ answers: ANSWERS });
    appendFileSync(join(dir, "journal.jsonl"), '{"v":1,"id":"x","at":"2026-05-14T17:10:00Z","by":"Jo","type":"task.do');
    const r = await run("status", "--json", "--now", "T+30m");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/journal\.jsonl, line 11:/);
    expect((JSON.parse(r.stdout) as JsonStatus).steps.find((s) => s.id === "open-cell")?.state).toBe("done");
  });

  it("with several incidents here and no --dir, says which ones (exit 2)", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "answers.yaml"), ANSWERS);
    await runCli(["start", DRILL, "--answers", "answers.yaml", "--now", "2026-05-14T17:00:00Z"], { cwd, env: INCIDENT_ENV });
    await runCli(["start", DRILL, "--answers", "answers.yaml", "--now", "2026-05-14T17:00:00Z", "--city", "Paris"], { cwd, env: INCIDENT_ENV });
    const r = await runCli(["status"], { cwd, env: INCIDENT_ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Several incidents are here");
    expect(r.stderr).toContain("2026-05-14-paris");
    const none = await runCli(["status"], { cwd: tempDir(), env: INCIDENT_ENV });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("respond start");
  });
});

describe("the shipped playbook", () => {
  it("starts from an answers file and reports its status", async () => {
    const incident = await startIncident({ playbook: "city-response", answers: CITY_RESPONSE_ANSWERS, now: "T+1h" });
    const { json } = await status(incident, "T+1h");
    expect(json.phase).not.toBeNull();
    expect(json.steps.length).toBeGreaterThan(10);
    expect(json.steps.some((s) => s.state === "open")).toBe(true);
  });
});

describe("interactivity is decided once, in the context", () => {
  it("a terminal asks questions, unless --no-interactive or --answers says otherwise", () => {
    const was = process.stdin.isTTY;
    process.stdin.isTTY = true;
    try {
      expect(createContext({}, {}).interactive).toBe(true);
      expect(createContext({ interactive: false }, {}).interactive).toBe(false);
      expect(createContext({ answers: "answers.yaml" }, {}).interactive).toBe(false);
    } finally {
      process.stdin.isTTY = was;
    }
  });
});

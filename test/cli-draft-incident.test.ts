/** `respond draft` inside an incident (built binary, shipped city-response playbook). */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { computeState } from "../src/engine/engine.js";
import type { JournalEvent } from "../src/journal/events.js";
import { loadPlaybook } from "../src/playbook/load.js";
import { draftIncident } from "../src/render/incident.js";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";
import { INCIDENT_ENV, startIncident, type StartedIncident } from "./helpers/incident.js";

const ANSWERS = [
  "city: Lyon",
  "at: 2026-05-14 16:00",
  "timezone: Europe/Paris",
  "lang: en",
  "facts:",
  "  mayor_name: { value: A. Martin, confirmed_by: Mayor's office }",
  "  incident_summary: { value: a knife attack, confirmed_by: Police }",
  "  national_lead: { value: the Prefecture, confirmed_by: Prefecture }",
  "  info_url: { value: https://lyon.example, confirmed_by: Communications }",
  "  perpetrator_name: { value: Daniel Kessler, confirmed_by: Police }",
  "  support_line: { value: 0800 123 456, confirmed_by: Social services }",
  "  location: the Saint-Jean market", // not confirmed yet
  "",
].join("\n");

describe("respond draft in an incident (built binary)", () => {
  let incident: StartedIncident;
  const run = (...args: string[]) => incident.run(...args);
  const journal = () => incident.journal();
  const drafts = () => (existsSync(join(incident.dir, "drafts")) ? readdirSync(join(incident.dir, "drafts")).sort() : []);
  const stepState = async (id: string, now: string) => {
    const r = await run("status", "--json", "--now", now);
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { steps: { id: string; state: string }[] }).steps.find((s) => s.id === id)?.state;
  };

  beforeAll(async () => {
    incident = await startIncident({ playbook: "city-response", answers: ANSWERS });
  });

  it("--strict refuses while a fact is unconfirmed: exit 2, nothing saved, nothing recorded", async () => {
    const before = journal().length;
    const r = await run("draft", "holding-statement", "--strict", "--now", "T+35m");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("location");
    expect(r.stderr).toContain("respond fact confirm");
    expect(drafts()).toEqual([]);
    expect(journal().length).toBe(before);
  });

  it("drafts from the journal's confirmed facts, saves a 0600 file in drafts/, records draft.created and closes the statement step", async () => {
    expect(await stepState("holding-statement", "T+40m")).toBe("open");
    const r = await run("draft", "holding-statement", "--now", "T+40m");
    expect(r.code, r.stderr).toBe(0);

    // confirmed facts are used; the unconfirmed one is a visible placeholder, and is listed
    expect(r.stdout).toContain("a knife attack took place at [[to confirm: location]]");
    expect(r.stdout).not.toContain("Saint-Jean");
    expect(r.stdout).toContain("call 0800 123 456");
    expect(r.stdout).toContain("The investigation is led by the Prefecture. Its circumstances are not yet known");
    expect(r.stdout).not.toMatch(/terror/i);
    expect(r.stdout).not.toContain("Kessler");
    expect(r.stderr).toContain("Saved as drafts/holding-statement-en-20260514-1640.md.");
    expect(r.stderr).toContain('the step "Issue the holding statement" is now done');
    expect(r.stderr).toMatch(/Not yet confirmed.*location/);

    const file = join(incident.dir, "drafts", "holding-statement-en-20260514-1640.md");
    expect(readFileSync(file, "utf8")).toBe(r.stdout);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(incident.dir, "drafts")).mode & 0o777).toBe(0o700);

    const last = journal().at(-1)!;
    expect(last).toMatchObject({
      type: "draft.created",
      by: "Jo Dupont",
      data: { template: "holding-statement", step: "holding-statement", lang: "en", format: "md", file: "drafts/holding-statement-en-20260514-1640.md", missing: ["location"] },
    });
    expect(last.data.facts).toEqual(expect.arrayContaining(["support_line", "incident_summary", "national_lead", "mayor_name"]));
    expect(last.data.facts).not.toContain("location");
    expect(typeof last.data.findings).toBe("number");
    expect(await stepState("holding-statement", "T+45m")).toBe("done");
  });

  it("once the facts are confirmed and the motive is confirmed, the wording changes, --strict passes and the draft passes respond check", async () => {
    expect((await run("fact", "confirm", "location", "--by", "Police", "--now", "T+50m")).code).toBe(0);
    const decided = await run("decide", "motive-status", "terrorism-confirmed", "--why", "Prosecutor's statement", "--by", "Chief of staff", "--now", "T+50m");
    expect(decided.code, decided.stderr).toBe(0);

    const r = await run("draft", "holding-statement", "--strict", "--now", "T+55m");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("As the Prefecture has confirmed, this was a terrorist attack.");
    expect(r.stdout).not.toContain("Its circumstances are not yet known");
    expect(r.stdout).toContain("took place at the Saint-Jean market");
    expect(r.stdout).not.toContain("[[");
    expect(r.stderr).not.toContain("points to review");
    expect(r.stderr).toContain("Saved as drafts/holding-statement-en-20260514-1655.md.");
    // the step was done by the first draft: this one is recorded without a step
    expect(journal().at(-1)).toMatchObject({ type: "draft.created", data: { missing: [], findings: 0 } });
    expect(journal().at(-1)!.data.step).toBeUndefined();

    const check = await run("check", join("inc", "drafts", "holding-statement-en-20260514-1655.md"));
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toContain("no findings");

    // the same minute again: a new file, the first one untouched
    const again = await run("draft", "holding-statement", "--now", "T+55m");
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("Saved as drafts/holding-statement-en-20260514-1655-2.md.");
    expect(drafts()).toEqual(["holding-statement-en-20260514-1640.md", "holding-statement-en-20260514-1655-2.md", "holding-statement-en-20260514-1655.md"]);
  });

  it("uses the open statement step that asks for the template, in the language asked for", async () => {
    expect(await stepState("first-social-post", "T+1h")).toBe("open");
    const r = await run("draft", "social-post", "--lang", "fr", "--format", "txt", "--now", "T+1h");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("Enregistré sous drafts/social-post-fr-20260514-1700.txt.");
    expect(journal().at(-1)).toMatchObject({ type: "draft.created", data: { template: "social-post", step: "first-social-post", lang: "fr", format: "txt" } });
    expect(await stepState("first-social-post", "T+1h")).toBe("done");
  });

  it("--out writes there (0600), prints no draft on stdout, and records the file", async () => {
    const r = await run("draft", "staff-message", "--out", "staff.md", "--now", "T+2h");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    const file = join(incident.cwd, "staff.md");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toContain("Lyon");
    // outside the workspace: recorded by its full path
    expect(journal().at(-1)).toMatchObject({ type: "draft.created", data: { template: "staff-message", step: "staff-message", file } });
  });

  it("an unknown template: exit 2, nothing recorded", async () => {
    const before = journal().length;
    const r = await run("draft", "no-such-template");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("respond templates list");
    expect(journal().length).toBe(before);
  });

  it("without --facts and outside any incident: exit 2, saying how to find one", async () => {
    const r = await runCli(["draft", "holding-statement"], { cwd: tempDir(), env: INCIDENT_ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/at .*\.js/);
  });
});

describe("draftIncident: the statement checks see the incident's facts and decisions", () => {
  it("flags the perpetrator's name, and motive words only while the motive is not confirmed", async () => {
    const playbook = await loadPlaybook("city-response", { cwd: ROOT });
    const t0 = new Date("2026-05-14T14:00:00Z");
    const now = new Date("2026-05-14T15:00:00Z");
    const event = (type: string, data: object, n: number) => ({ v: 1, id: `e${n}`, at: t0.toISOString(), by: "test", type, data }) as unknown as JournalEvent;
    const events = [
      event("incident.opened", { playbook: "city-response", playbookVersion: "1", playbookHash: playbook.hash, t0: t0.toISOString(), city: "Lyon", lang: "en", timeZone: "Europe/Paris", mode: "live" }, 1),
      event("fact.set", { fact: "perpetrator_name", value: "Daniel Kessler", confirmedBy: "Police" }, 2),
    ];
    const templates = tempDir();
    mkdirSync(join(templates, "en"));
    writeFileSync(
      join(templates, "en", "note.hbs"),
      "---\nid: note\ntitle: Note\naudience: staff\nchannel: internal\npublic: false\nfacts: []\n---\nKessler acted alone. This terrorist attack took place in {{city}}.\n",
    );
    const incident = { city: "Lyon", timeZone: "Europe/Paris", lang: "en" };
    const draft = (list: JournalEvent[]) =>
      draftIncident(playbook, computeState({ playbook, t0, timeZone: "Europe/Paris", events: list, now }), incident, { template: "note", format: "md", templatesDir: templates });

    const before = draft(events).findings.map((f) => `${f.rule} ${f.text}`);
    expect(before).toEqual(expect.arrayContaining(["perpetrator-name Kessler", "motive-unconfirmed terrorist"]));

    const decided = [...events, event("decision.made", { step: "motive-status", option: "terrorism-confirmed", why: "Prosecutor" }, 3)];
    const after = draft(decided).findings.map((f) => `${f.rule} ${f.text}`);
    expect(after).toContain("perpetrator-name Kessler");
    expect(after.some((f) => f.startsWith("motive-unconfirmed"))).toBe(false);
  });
});

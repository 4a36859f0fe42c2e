import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "./helpers/cli.js";

const COMPLETE = `city: Lyon
attack_time: 2026-05-14 18:30
timezone: Europe/Paris
facts:
  mayor_name: Claire Martin
  location: the Saint-Jean market
  incident_summary: a knife attack
  national_lead: the Prefecture
  support_line: 0800 123 456
  info_url: https://lyon.example/info
  targeted_community: the Jewish community
  perpetrator_name: Jon Doerr
flags: { motive_confirmed: false, community_targeted: false }
`;

const PARTIAL = `city: Lyon
attack_time: 2026-05-14 18:30
timezone: Europe/Paris
facts:
  mayor_name: Claire Martin
  incident_summary: a knife attack
  support_line: { value: 0800 123 456, confirmed: false }
`;

let dir: string;
beforeAll(() => {
  dir = tempDir();
  writeFileSync(join(dir, "complete.yaml"), COMPLETE);
  writeFileSync(join(dir, "partial.yaml"), PARTIAL);
});

describe("respond templates list", () => {
  it("lists every template with its audience, channel, limit and languages", async () => {
    const r = await runCli(["templates", "list"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^social-post\s+Social media post\s+public\s+social\s+280\s+en, fr$/m);
    expect(r.stdout).toMatch(/^staff-message\s+.*staff \(internal\)/m);
  });

  it("as JSON, in French", async () => {
    const r = await runCli(["templates", "list", "--json", "--lang", "fr"], { cwd: dir });
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; title: string; languages: string[] }[];
    expect(list).toHaveLength(13);
    expect(list.find((t) => t.id === "holding-statement")).toMatchObject({ title: "Déclaration d'attente", languages: ["en", "fr"] });
  });
});

describe("respond draft --facts", () => {
  it("prints a complete draft and says nothing is missing", async () => {
    const r = await runCli(["draft", "holding-statement", "--facts", "complete.yaml", "--now", "T+1h"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("# Statement from the Mayor of Lyon");
    expect(r.stdout).toContain("At about 18:30 today, a knife attack took place at the Saint-Jean market.");
    expect(r.stdout).not.toContain("[[");
    expect(r.stdout).not.toContain("Jon Doerr");
    expect(r.stderr).not.toMatch(/to confirm|review/i);
  });

  it("shows placeholders and lists missing and unconfirmed facts on stderr", async () => {
    const r = await runCli(["draft", "holding-statement", "--facts", "partial.yaml"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("[[to confirm: location]]");
    expect(r.stdout).toContain("call [[to confirm: support_line]]");
    expect(r.stderr).toMatch(/Still to confirm.*location.*national_lead.*info_url/);
    expect(r.stderr).toMatch(/Not yet confirmed.*support_line/);
  });

  it("--strict refuses an incomplete draft with exit 2 and prints no draft", async () => {
    const r = await runCli(["draft", "holding-statement", "--facts", "partial.yaml", "--strict"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("--strict");
    const ok = await runCli(["draft", "social-post", "--facts", "complete.yaml", "--strict", "--format", "txt"], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().length).toBeLessThanOrEqual(280);
  });

  it("drafts in French and as html", async () => {
    const r = await runCli(["draft", "social-post", "--facts", "partial.yaml", "--lang", "fr"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("[[à confirmer : support_line]]");
    expect(r.stderr).toContain("Encore à confirmer");
    const html = await runCli(["draft", "update-statement", "--facts", "complete.yaml", "--format", "html"], { cwd: dir });
    expect(html.stdout).toMatch(/^<!doctype html>/);
  });

  it("writes --out with 0600 and keeps a previous version", async () => {
    const out = join(dir, "holding.md");
    const first = await runCli(["draft", "holding-statement", "--facts", "complete.yaml", "--out", "holding.md"], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("");
    expect(statSync(out).mode & 0o777).toBe(0o600);
    writeFileSync(out, "edited by hand");
    const second = await runCli(["draft", "holding-statement", "--facts", "complete.yaml", "--out", "holding.md"], { cwd: dir });
    expect(second.code).toBe(0);
    expect(readFileSync(`${out}.~1~`, "utf8")).toBe("edited by hand");
    expect(second.stderr).toContain("holding.md.~1~");
  });

  it("runs the statement checks on the draft and reports findings with line:col", async () => {
    writeFileSync(join(dir, "motive.yaml"), COMPLETE.replace("a knife attack", "a terrorist knife attack"));
    const r = await runCli(["draft", "holding-statement", "--facts", "motive.yaml"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/statement checks found/);
    expect(r.stderr).toMatch(/^\s+5:\d+\s+"terrorist"/m);
  });

  it("reports a bad facts file with file:line:col and exit 2", async () => {
    writeFileSync(join(dir, "bad.yaml"), "city: Lyon\nattack_time: soon\ntimezone: Europe/Paris\nfacts:\n  victim_count: 3\n  victims_count: many\n");
    const r = await runCli(["draft", "holding-statement", "--facts", "bad.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:2:\d+\s+attack_time/);
    expect(r.stderr).toMatch(/bad\.yaml:5:\d+\s+facts\.victim_count: 'victim_count' is not a fact/);
    expect(r.stderr).toMatch(/bad\.yaml:6:\d+\s+facts\.victims_count: must be a number/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    const syntax = await runCli(["draft", "holding-statement", "--facts", "nope.yaml"], { cwd: dir });
    expect(syntax.code).toBe(2);
  });

  it("refuses a template id that is not one, with exit 2", async () => {
    const r = await runCli(["draft", "../../etc/passwd", "--facts", "complete.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is not a template id");
  });
});

import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";

const FIXTURES = join(ROOT, "test/fixtures/playbooks");
const MINIMAL = readFileSync(join(FIXTURES, "minimal.yaml"), "utf8");
const STACK = /\n\s+at .+[:(]\d+/;

function workspace(): string {
  const dir = tempDir();
  cpSync(FIXTURES, join(dir, "playbooks"), { recursive: true });
  cpSync(join(FIXTURES, "templates"), join(dir, "templates"), { recursive: true });
  return dir;
}

/** `file:line:col` of `needle` in `text`, plus `shift` characters. */
function where(file: string, text: string, needle: string, shift = 0): string {
  const at = text.indexOf(needle) + shift;
  if (at < shift) throw new Error(`not in text: ${needle}`);
  const before = text.slice(0, at);
  return `${file}:${before.split("\n").length}:${at - before.lastIndexOf("\n")}`;
}

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "cli.js"))) throw new Error("build first: npm run build");
});

describe("respond playbooks validate (built binary)", () => {
  it("prints a YAML syntax error with its line and column and exits 2", async () => {
    const dir = workspace();
    const text = MINIMAL.replace("languages: [en, fr]", "languages: [en, fr");
    writeFileSync(join(dir, "syntax.yaml"), text);
    const r = await runCli(["playbooks", "validate", "syntax.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${where("syntax.yaml", text, "[en, fr")}  this [ list is never closed`);
    expect(r.stderr + r.stdout).not.toMatch(STACK);
  });

  it("prints a wrong type deep in a step, an unknown role and a dangling when, each at its line and column, and exits 2", async () => {
    const dir = workspace();
    let text = MINIMAL.replace("repeat: { every: 24h, until: 7d }", "repeat: { every: 24h, until: 7 }");
    text = text.replace("owner: comms", "owner: press-office");
    text = text.replace("when: { flag: motive_confirmed }", "when: { decision: motive-check }");
    writeFileSync(join(dir, "broken.yaml"), text);
    const r = await runCli(["playbooks", "validate", "broken.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("broken.yaml: 3 problems");
    expect(lines).toContain(`  ${where("broken.yaml", text, "press-office")}  phases[0].steps[2].owner: unknown role 'press-office' (roles: lead, comms)`);
    expect(lines).toContain(`  ${where("broken.yaml", text, "motive-check")}  phases[0].steps[3].when.decision: unknown decision 'motive-check' (decisions: motive-status)`);
    expect(lines).toContain(`  ${where("broken.yaml", text, "7 }")}  phases[1].steps[0].repeat.until: must be an offset such as 30m, 6h, 3d, 2w, 6mo or 1y (found 7)`);
    expect(r.stderr).toBe("");
  });

  it("says ok with the step count for clean files, exits 0, and exits 2 when any file is bad", async () => {
    const dir = workspace();
    const ok = await runCli(["playbooks", "validate", "playbooks/minimal.yaml", "playbooks/overlay.yaml"], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe("playbooks/minimal.yaml: ok (5 steps)\nplaybooks/overlay.yaml: ok (6 steps)\n");
    const mixed = await runCli(["playbooks", "validate", "playbooks/minimal.yaml", "missing.yaml"], { cwd: dir });
    expect(mixed.code).toBe(2);
    expect(mixed.stdout).toContain("playbooks/minimal.yaml: ok");
    expect(mixed.stdout).toContain("missing.yaml  file not found");
  });

  it("gives machine-readable results with --json", async () => {
    const dir = workspace();
    writeFileSync(join(dir, "bad.yaml"), "- a\n");
    const r = await runCli(["playbooks", "validate", "playbooks/minimal.yaml", "bad.yaml", "--json"], { cwd: dir });
    expect(r.code).toBe(2);
    const results = JSON.parse(r.stdout) as Array<{ file: string; ok: boolean; steps: number; issues: unknown[] }>;
    expect(results.map((x) => [x.file, x.ok, x.steps])).toEqual([["playbooks/minimal.yaml", true, 5], ["bad.yaml", false, 0]]);
    expect(results[1]?.issues[0]).toMatchObject({ file: "bad.yaml", line: 1, col: 1 });
  });

  const bomb = () => {
    let text = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    let prev = "a";
    for (const n of "bcdefghij") {
      text += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(",")}]\n`;
      prev = n;
    }
    return text;
  };
  it.each<[string, () => string | Buffer, RegExp]>([
    ["binary garbage", () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a, 0xff, 0x00]), /not a (text|UTF-8)/],
    ["an empty file", () => "", /empty/],
    ["a YAML list at top level", () => "- id: x\n- id: y\n", /map of keys/],
    ["a huge file", () => `id: x\nnotes: "${"x".repeat(3 * 1024 * 1024)}"\n`, /too large/],
    ["an alias bomb", bomb, /too many aliases/],
    ["duplicate keys", () => MINIMAL.replace("version: 1.0.0", "version: 1.0.0\nversion: 2.0.0"), /unique/],
    ["a document of random punctuation", () => "}{][:::\n\t- - -\n&&&**\n", /./],
  ])("never shows a stack trace for %s (exit 2)", async (_label, content, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, "pb.yaml"), content());
    const r = await runCli(["playbooks", "validate", "pb.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^pb\.yaml: \d+ problems?\n {2}pb\.yaml/);
    expect(r.stdout).toMatch(message);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toContain("internal problem");
  });
});

describe("respond playbooks list and show (built binary)", () => {
  it("lists local playbooks as a table, and as JSON", async () => {
    const dir = workspace();
    const r = await runCli(["playbooks", "list"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ID\s+TITLE\s+VERSION\s+LANGUAGES\s+STEPS$/m);
    expect(r.stdout).toMatch(/^fixture-response\s+Fixture response \(local\)\s+1\.0\.0\s+en,fr\s+5$/m);
    expect(r.stdout).toMatch(/^fixture-city\s+Fixture city \(local, extends fix.*\s+1\.0\.0\s+en,fr\s+6$/m);
    for (const line of r.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    const fr = await runCli(["playbooks", "list", "--lang", "fr"], { cwd: dir });
    expect(fr.stdout).toMatch(/^fixture-response\s+Réponse de test \(local\)/m);
    const json = await runCli(["playbooks", "list", "--json"], { cwd: dir });
    const rows = JSON.parse(json.stdout) as Array<{ id: string; origin: string; steps: number }>;
    expect(rows).toContainEqual(expect.objectContaining({ id: "fixture-city", origin: "local", steps: 6, extends: "fixture-response" }));
  });

  it("shows an outline by phase in the chosen language, within 80 columns", async () => {
    const dir = workspace();
    const r = await runCli(["playbooks", "show", "fixture-response"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Fixture response (fixture-response, version 1.0.0)");
    expect(r.stdout).toContain("First hours · T+0 to T+24h · 4 steps");
    expect(r.stdout).toContain("  [ ] open-cell: Open the crisis cell\n      owner: Crisis lead · due T+1h");
    expect(r.stdout).toContain("  [?] motive-status: Motive status");
    expect(r.stdout).toContain("        - hate-confirmed: Hate confirmed (sets motive_confirmed=true; opens\n          community-contact)");
    expect(r.stdout).toContain("[S] first-statement: First statement");
    expect(r.stdout).toContain("every 24h until T+7d");
    expect(r.stdout).toContain("only when motive-status = hate-confirmed and severity is high");
    for (const line of r.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    const fr = await runCli(["playbooks", "show", "fixture-response", "--lang", "fr"], { cwd: dir });
    expect(fr.stdout).toContain("Premières heures · de T+0 à T+24h · 4 étapes");
    expect(fr.stdout).toContain("responsable : Responsable de crise · échéance T+1h");
  });

  it("prints the resolved playbook with --json", async () => {
    const dir = workspace();
    const r = await runCli(["playbooks", "show", "playbooks/overlay.yaml", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    const playbook = JSON.parse(r.stdout) as { id: string; extendsChain: string[]; hash: string; phases: unknown[] };
    expect(playbook).toMatchObject({ id: "fixture-city", extendsChain: ["fixture-response"] });
    expect(playbook.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses an unknown id with the ids available (exit 2), and an invalid playbook with every problem", async () => {
    const dir = workspace();
    const unknown = await runCli(["playbooks", "show", "nope"], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("There is no playbook with the id 'nope'");
    expect(unknown.stderr).toContain("fixture-response");
    writeFileSync(join(dir, "bad.yaml"), MINIMAL.replace("owner: comms", "owner: x").replace("due: 1h", "due: soon"));
    const bad = await runCli(["playbooks", "show", "bad.yaml"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("2 problems");
    expect(bad.stderr).toMatch(/bad\.yaml:\d+:\d+ {2}phases\[0\]\.steps\[0\]\.due: /);
    expect(bad.stderr).toMatch(/bad\.yaml:\d+:\d+ {2}phases\[0\]\.steps\[2\]\.owner: unknown role 'x'/);
    expect(bad.stderr).not.toMatch(STACK);
  });
});

describe("respond playbooks new (built binary)", () => {
  it("scaffolds an overlay that validates as written, with the schema line first", async () => {
    const dir = workspace();
    const r = await runCli(["playbooks", "new", "my-city", "--extends", "fixture-response"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("playbooks/my-city.yaml");
    const text = readFileSync(join(dir, "playbooks/my-city.yaml"), "utf8");
    const first = text.split("\n")[0] ?? "";
    expect(first).toMatch(/^# yaml-language-server: \$schema=\S+playbook\.schema\.json$/);
    expect(existsSync(join(dir, "playbooks", first.split("=")[1] ?? ""))).toBe(true);
    expect(text).toContain("extends: fixture-response");
    expect(text).toMatch(/# add:\n/);
    expect(text).toMatch(/# replace:\n/);
    expect(text).toMatch(/# remove: \[/);
    expect(text).toMatch(/# contacts:\n/);
    expect(text).toMatch(/# partners:\n/);
    const v = await runCli(["playbooks", "validate", "playbooks/my-city.yaml"], { cwd: dir });
    expect(v.stdout).toBe("playbooks/my-city.yaml: ok (5 steps)\n");
    expect(v.code).toBe(0);
  });

  it("scaffolds a blank playbook that validates as written, at --out", async () => {
    const dir = tempDir();
    const r = await runCli(["playbooks", "new", "drill", "--blank", "--out", "drafts/drill.yaml"], { cwd: dir });
    expect(r.code).toBe(0);
    const v = await runCli(["playbooks", "validate", "drafts/drill.yaml"], { cwd: dir });
    expect(v.stdout).toBe("drafts/drill.yaml: ok (3 steps)\n");
    expect(v.code).toBe(0);
  });

  it("uncommented, the overlay's examples still validate", async () => {
    const dir = workspace();
    await runCli(["playbooks", "new", "my-city", "--extends", "fixture-response"], { cwd: dir });
    const file = join(dir, "playbooks/my-city.yaml");
    const text = readFileSync(file, "utf8");
    // uncomment every example block (keep the prose comments)
    const uncommented = text.replace(/^# ((?:contacts|partners|add|replace|remove):.*(?:\n# {2,}.*)*)/gm, (block: string) => block.replace(/^# /gm, ""));
    writeFileSync(file, uncommented);
    const v = await runCli(["playbooks", "validate", "playbooks/my-city.yaml"], { cwd: dir });
    expect(v.stdout).toBe("playbooks/my-city.yaml: ok (5 steps)\n");
  });

  it.runIf(existsSync(join(ROOT, "playbooks", "city-response.yaml")))("extends city-response by default", async () => {
    const dir = tempDir();
    const r = await runCli(["playbooks", "new", "my-city"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, "playbooks/my-city.yaml"), "utf8")).toContain("extends: city-response");
    const v = await runCli(["playbooks", "validate", "playbooks/my-city.yaml"], { cwd: dir });
    expect(v.code, v.stdout).toBe(0);
  });

  it("never overwrites a file", async () => {
    const dir = workspace();
    const before = readFileSync(join(dir, "playbooks/minimal.yaml"), "utf8");
    const r = await runCli(["playbooks", "new", "minimal", "--blank"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("already exists");
    expect(readFileSync(join(dir, "playbooks/minimal.yaml"), "utf8")).toBe(before);
  });
});

describe("argv to outcome", () => {
  it.each<[string[], number, RegExp]>([
    [["playbooks", "new", "Bad Id", "--blank"], 2, /cannot be a playbook id/],
    [["playbooks", "new", "x", "--blank", "--extends", "fixture-response"], 2, /do not go together/],
    [["playbooks", "new", "x", "--extends", "nope"], 2, /no playbook with the id 'nope'/],
    [["playbooks", "validate"], 2, /missing required argument/],
    [["playbooks", "show"], 2, /missing required argument/],
    [["playbooks", "show", "fixture-response", "--bogus"], 2, /unknown option/],
    [["playbooks", "list", "--lang", "fr"], 0, /ÉTAPES/],
  ])("%j exits %i", async (args, code, output) => {
    const r = await runCli(args, { cwd: workspace() });
    expect(r.code).toBe(code);
    expect(r.stdout + r.stderr).toMatch(output);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });
});

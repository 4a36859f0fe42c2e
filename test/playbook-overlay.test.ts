import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Issue } from "../src/errors.js";
import { loadPlaybook, validatePlaybookFiles } from "../src/playbook/load.js";
import { ROOT, tempDir } from "./helpers/cli.js";

const FIXTURES = join(ROOT, "test/fixtures/playbooks");

function workspace(): string {
  const dir = tempDir();
  cpSync(FIXTURES, join(dir, "playbooks"), { recursive: true });
  return dir;
}

const HEAD = "format: 1\nid: my-city\nextends: fixture-response\ntitle: My city\nversion: 0.1.0\nlanguages: [en, fr]\n";

async function check(text: string, dir = workspace()): Promise<Issue[]> {
  writeFileSync(join(dir, "playbooks", "my-city.yaml"), text);
  const [r] = await validatePlaybookFiles(["playbooks/my-city.yaml"], { cwd: dir });
  return r?.issues ?? [];
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

describe("applying an overlay", () => {
  it("adds, replaces and removes steps by id and merges roles, contacts and partners", async () => {
    const dir = workspace();
    const base = await loadPlaybook("fixture-response", { cwd: dir });
    const city = await loadPlaybook("fixture-city", { cwd: dir });
    expect(city.phases.map((p) => p.steps.map((s) => s.id))).toEqual([
      ["open-cell", "call-prefecture", "motive-status", "first-statement", "community-contact"],
      ["city-hall-flag"],
    ]);
    expect(city.phases[0]?.steps[0]).toMatchObject({ due: "45m", title: { en: "Open the crisis cell in room 2.14" } });
    expect(city.roles.map((r) => [r.id, r.name])).toEqual([
      ["lead", { en: "Mayor's chief of staff", fr: "Directeur de cabinet" }],
      ["comms", { en: "Communications", fr: "Communication" }],
    ]);
    expect(city.contacts).toEqual([expect.objectContaining({ id: "duty-officer", role: "lead" })]);
    expect(city.partners).toEqual([expect.objectContaining({ id: "faith-council", kind: "faith" })]);
    expect(city).toMatchObject({ id: "fixture-city", extendsChain: ["fixture-response"], facts: base.facts });
    expect(city.files).toEqual([join(dir, "playbooks/minimal.yaml"), join(dir, "playbooks/overlay.yaml")]);
    expect(city.hash).not.toBe(base.hash);
    expect(city).not.toHaveProperty("extends");
    expect(city).not.toHaveProperty("add");
  });

  it("chains overlays: an overlay of an overlay", async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, "playbooks", "district.yaml"),
      "format: 1\nid: district\nextends: fixture-city\ntitle: District\nversion: 1.0.0\nlanguages: [fr]\nremove: [call-prefecture]\n",
    );
    const district = await loadPlaybook("district", { cwd: dir });
    expect(district.extendsChain).toEqual(["fixture-city", "fixture-response"]);
    expect(district.files).toHaveLength(3);
    expect(district.languages).toEqual(["fr"]);
    expect(district.phases[0]?.steps.map((s) => s.id)).toEqual(["open-cell", "motive-status", "first-statement", "community-contact"]);
  });

  it("extends by relative path as well as by id", async () => {
    const dir = workspace();
    const text = HEAD.replace("extends: fixture-response", "extends: ./minimal.yaml");
    expect(await check(text, dir)).toEqual([]);
  });
});

describe("overlay problems, at the overlay line that names them", () => {
  it.each([
    ["a step to replace that does not exist", "replace:\n  - { kind: task, id: ghost, title: G, owner: lead, source: s }\n", "ghost", "there is no step 'ghost' to replace"],
    ["a step to remove that does not exist", "remove: [ghost]\n", "ghost", "there is no step 'ghost' to remove"],
    ["a phase that does not exist", "add:\n  - phase: weeks\n    step: { kind: task, id: n, title: N, owner: lead, source: s }\n", "weeks", "there is no phase 'weeks'"],
    ["an 'after' that does not exist", "add:\n  - phase: days\n    after: ghost\n    step: { kind: task, id: n, title: N, owner: lead, due: 2d, source: s }\n", "ghost", "there is no step 'ghost'"],
    ["an 'after' in another phase", "add:\n  - phase: days\n    after: open-cell\n    step: { kind: task, id: n, title: N, owner: lead, due: 2d, source: s }\n", "open-cell", "is in phase 'first-hours', not 'days'"],
    ["a removed step still opened by an option", "remove: [community-contact]\n", "[community-contact]", "step 'community-contact' is removed, but step 'motive-status' still names it"],
    ["a removed decision still named by a when", "remove: [motive-status]\n", "[motive-status]", "still names it in its 'when'"],
    ["an added step with an unknown owner", "add:\n  - phase: days\n    step: { kind: task, id: n, title: N, owner: mayor, due: 2d, source: s }\n", "mayor", "unknown role 'mayor'"],
    ["an added step clashing with a base id", "add:\n  - phase: days\n    step: { kind: task, id: open-cell, title: N, owner: lead, due: 2d, source: s }\n", "open-cell, title", "duplicate step id 'open-cell'"],
    ["a language the base does not have", "", "[en, fr]", "no text in 'de'"],
  ])("%s", async (label, tail, needle, message) => {
    const head = label.startsWith("a language") ? HEAD.replace("[en, fr]", "[en, fr, de]") : HEAD;
    const text = head + tail;
    const issues = await check(text);
    const expectedLine = lineOf(text, label.startsWith("a language") ? "languages" : needle);
    expect(issues).toContainEqual(expect.objectContaining({ file: "playbooks/my-city.yaml", line: expectedLine, message: expect.stringContaining(message) }));
  });

  it("a base that does not exist, listing the ids available", async () => {
    const issues = await check(HEAD.replace("extends: fixture-response", "extends: fixture-respons"));
    expect(issues).toEqual([expect.objectContaining({ line: 3, col: 10, path: "extends", message: expect.stringMatching(/no playbook 'fixture-respons'.*fixture-response/) })]);
  });

  it("overlays that extend each other in a circle", async () => {
    const dir = workspace();
    writeFileSync(join(dir, "playbooks", "a.yaml"), "format: 1\nid: loop-a\nextends: loop-b\ntitle: A\nversion: 1.0.0\nlanguages: [en]\n");
    writeFileSync(join(dir, "playbooks", "b.yaml"), "format: 1\nid: loop-b\nextends: loop-a\ntitle: B\nversion: 1.0.0\nlanguages: [en]\n");
    const [r] = await validatePlaybookFiles(["playbooks/a.yaml"], { cwd: dir });
    expect(r?.issues).toEqual([expect.objectContaining({ file: "playbooks/b.yaml", line: 3, path: "extends", message: expect.stringContaining("circle: loop-a -> loop-b -> loop-a") })]);
  });

  it("an overlay that extends itself", async () => {
    const issues = await check(HEAD.replace("extends: fixture-response", "extends: my-city"));
    expect(issues[0]?.message).toMatch(/no playbook 'my-city'|circle/);
  });

  it("reports schema problems of the overlay and cross-references together", async () => {
    const text = `${HEAD}phases: []\nremove: [ghost]\n`;
    const issues = await check(text);
    expect(issues.map((i) => i.message)).toEqual([expect.stringContaining("unknown key 'phases'"), expect.stringContaining("no step 'ghost'")]);
  });
});

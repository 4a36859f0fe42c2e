import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isRespondError, type Issue } from "../src/errors.js";
import { listPlaybooks, loadPlaybook, validatePlaybookFiles } from "../src/playbook/load.js";
import { templateIds } from "../src/playbook/templates-index.js";
import { ROOT, tempDir } from "./helpers/cli.js";

const FIXTURES = join(ROOT, "test/fixtures/playbooks");
const MINIMAL = readFileSync(join(FIXTURES, "minimal.yaml"), "utf8");

/** A temp folder holding the fixture playbook and its templates. */
function workspace(): string {
  const dir = tempDir();
  cpSync(FIXTURES, join(dir, "playbooks"), { recursive: true });
  cpSync(join(FIXTURES, "templates"), join(dir, "templates"), { recursive: true });
  return dir;
}

/** Line and column (1-based) of `needle` in `text`, plus `shift` characters. */
function posOf(text: string, needle: string, shift = 0): { line: number; col: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not in text: ${needle}`);
  const before = text.slice(0, at + shift);
  return { line: before.split("\n").length, col: at + shift - before.lastIndexOf("\n") };
}

async function check(text: string, dir = workspace()): Promise<Issue[]> {
  writeFileSync(join(dir, "pb.yaml"), text);
  const [result] = await validatePlaybookFiles(["pb.yaml"], { cwd: dir });
  return result?.issues ?? [];
}

/** Replace `from` with `to` in the minimal playbook (once, and it must be there). */
function edit(from: string, to: string, text = MINIMAL): string {
  if (!text.includes(from)) throw new Error(`not in fixture: ${from}`);
  return text.replace(from, to);
}

describe("loadPlaybook", () => {
  it("loads a valid playbook by path and by id, with defaults, hash and files", async () => {
    const dir = workspace();
    const byPath = await loadPlaybook("playbooks/minimal.yaml", { cwd: dir });
    const byId = await loadPlaybook("fixture-response", { cwd: dir });
    expect(byPath.id).toBe("fixture-response");
    expect(byId.hash).toBe(byPath.hash);
    expect(byPath.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(byPath.files).toEqual([join(dir, "playbooks/minimal.yaml")]);
    expect(byPath.extendsChain).toEqual([]);
    expect(byPath.phases.flatMap((p) => p.steps.map((s) => s.id))).toEqual(["open-cell", "motive-status", "first-statement", "community-contact", "daily-briefing"]);
    expect(byPath.facts[0]).toMatchObject({ id: "location", ask: true, public: true });
  });

  it("changes the hash when the text changes", async () => {
    const dir = workspace();
    const before = await loadPlaybook("playbooks/minimal.yaml", { cwd: dir });
    writeFileSync(join(dir, "playbooks/minimal.yaml"), `${MINIMAL}\n# a comment\n`);
    const after = await loadPlaybook("playbooks/minimal.yaml", { cwd: dir });
    expect(after.hash).not.toBe(before.hash);
  });

  it("refuses an unknown id as a usage error listing the ids available", async () => {
    const error = await loadPlaybook("no-such-playbook", { cwd: workspace() }).catch((e: unknown) => e);
    expect(isRespondError(error) && error.code).toBe("usage");
    expect((error as Error).message).toContain("fixture-response");
  });

  it("refuses a missing path as a usage error", async () => {
    const error = await loadPlaybook("./nope.yaml", { cwd: workspace() }).catch((e: unknown) => e);
    expect(isRespondError(error) && error.code).toBe("usage");
  });

  it("refuses an invalid playbook with every problem attached", async () => {
    const dir = workspace();
    writeFileSync(join(dir, "bad.yaml"), edit("owner: comms", "owner: mayor", edit("due: 1h", "due: 1 hour")));
    const error = await loadPlaybook("bad.yaml", { cwd: dir }).catch((e: unknown) => e);
    expect(isRespondError(error) && error.code).toBe("invalid-input");
    expect((error as { issues: Issue[] }).issues.map((i) => i.path)).toEqual(["phases[0].steps[0].due", "phases[0].steps[2].owner"]);
  });
});

describe("validatePlaybookFiles: broken files never throw", () => {
  it.each([
    ["an empty file", "", /empty/],
    ["a YAML list", "- a\n- b\n", /map of keys.*a list/],
    ["a single value", "hello\n", /single value/],
    ["binary garbage", "\u0000\u0001\u0002PK\u0003", /not a text file/],
    ["duplicate keys", "id: a\nid: b\n", /unique|twice/],
  ])("%s", async (_label, text, message) => {
    const issues = await check(text);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]?.message).toMatch(message);
  });

  it("a file that is not UTF-8", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "pb.yaml"), Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    const [r] = await validatePlaybookFiles(["pb.yaml"], { cwd: dir });
    expect(r?.issues[0]?.message).toMatch(/UTF-8/);
  });

  it("a missing file and a folder", async () => {
    const dir = tempDir();
    const results = await validatePlaybookFiles(["missing.yaml", "."], { cwd: dir });
    expect(results.map((r) => r.issues[0]?.message)).toEqual(["file not found", "this is a folder, not a playbook file"]);
  });
});

describe("validatePlaybookFiles: every problem, at its node", () => {
  it("passes the fixture", async () => {
    expect(await check(MINIMAL)).toEqual([]);
  });

  it("reports a deep wrong type, an unknown role and a dangling when in one run", async () => {
    let text = edit("due: 6h", "due: [6h]");
    text = edit("owner: comms", "owner: press-office", text);
    text = edit("{ decision: motive-status, is: hate-confirmed }", "{ decision: motive-status, is: hate-proven }", text);
    text = edit("when: { flag: motive_confirmed }", "when: { fact: weather }", text);
    const issues = await check(text);
    expect(issues).toEqual([
      { file: "pb.yaml", ...posOf(text, "press-office"), path: "phases[0].steps[2].owner", message: expect.stringContaining("unknown role 'press-office'") },
      { file: "pb.yaml", ...posOf(text, "[6h]"), path: "phases[0].steps[3].due", message: expect.stringContaining("found a list") },
      { file: "pb.yaml", ...posOf(text, "weather"), path: "phases[0].steps[3].when.fact", message: expect.stringContaining("unknown fact 'weather'") },
      { file: "pb.yaml", ...posOf(text, "hate-proven"), path: "phases[1].steps[0].when.all[0].is", message: expect.stringContaining("not an option of decision 'motive-status'") },
    ]);
  });

  it.each([
    ["duplicate step id across phases", ["id: daily-briefing", "id: open-cell"], "open-cell\n        title: { en: Daily", "duplicate step id 'open-cell'"],
    ["duplicate role id", ["  - id: comms", "  - id: lead\n    name: Again\n  - id: comms"], "lead\n    name: Again", "duplicate role id 'lead'"],
    ["unknown decision", ["decision: motive-status, is: hate-confirmed", "decision: motive, is: hate-confirmed"], "motive, is", "unknown decision 'motive'"],
    ["a flag no option sets", ["flag: motive_confirmed", "flag: motive_known"], "motive_known", "no decision option ever sets the flag 'motive_known'"],
    ["a flag value no option sets", ["{ flag: motive_confirmed }", "{ flag: motive_confirmed, is: maybe }"], "maybe", "no option sets the flag 'motive_confirmed' to maybe"],
    ["a fact value outside its choices", ["fact: severity, is: high", "fact: severity, is: extreme"], "extreme", "'extreme' is not an option of fact 'severity'"],
    ["an option opening a missing step", ["open: [community-contact]", "open: [community-call]"], "community-call", "'open' names a step that does not exist: 'community-call'"],
    ["a template that does not exist", ["template: fixture-statement", "template: holding-statemnt"], "holding-statemnt", "template 'holding-statemnt' does not exist"],
    ["a missing translation", ["{ en: Daily briefing, fr: Point quotidien }", "{ en: Daily briefing }"], "{ en: Daily briefing }", "missing translation: fr"],
    ["a due offset after its window", ["due: 6h", "due: 30h"], "30h", "due T+30h is outside its phase window (T+0 to T+24h)"],
    ["a due offset before its window", ["due: 1d", "due: 12h"], "12h", "outside its phase window (T+1d to T+2w)"],
    ["a repeat past its window", ["until: 7d", "until: 3w"], "3w", "repeats until T+3w, after its phase window ends (T+2w)"],
    ["a choice fact without options", ["type: text", "type: choice"], "choice", "a choice fact needs its options"],
    ["a built-in fact declared", ["id: location", "id: city"], "city\n", "'city' is a built-in fact"],
    ["an unknown key", ["        due: 1h", "        due: 1h\n        deadline: 2h"], "deadline", "unknown key 'deadline'"],
  ])("%s", async (_label, [from, to], at, message) => {
    const text = edit(from as string, to as string);
    const issues = await check(text);
    expect(issues).toEqual([expect.objectContaining({ ...posOf(text, at), message: expect.stringContaining(message) })]);
  });

  it("finds templates next to the playbook as well as in the current folder", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "city"));
    cpSync(join(FIXTURES, "templates"), join(dir, "city", "templates"), { recursive: true });
    writeFileSync(join(dir, "city", "pb.yaml"), MINIMAL);
    const [r] = await validatePlaybookFiles(["city/pb.yaml"], { cwd: dir });
    expect(r?.issues).toEqual([]);
    expect(templateIds("fr", { cwd: dir, near: join(dir, "city") }).has("fixture-statement")).toBe(true);
    expect(templateIds("fr", { cwd: dir }).has("fixture-statement")).toBe(false);
  });
});

describe("listPlaybooks", () => {
  it("lists local playbooks with title, version, languages, step count, and flags broken ones", async () => {
    const dir = workspace();
    writeFileSync(join(dir, "playbooks", "broken.yaml"), "id: broken\nformat: 1\n");
    const rows = await listPlaybooks({ cwd: dir });
    const local = rows.filter((r) => r.origin === "local");
    expect(local.find((r) => r.id === "fixture-response")).toMatchObject({ version: "1.0.0", languages: ["en", "fr"], steps: 5, file: "playbooks/minimal.yaml" });
    expect(local.find((r) => r.id === "fixture-city")).toMatchObject({ extends: "fixture-response", steps: 6 });
    expect(local.find((r) => r.id === "broken")?.problems).toBeGreaterThan(0);
  });

  it("counts the problems of a file extended by another once, however often the list reaches it", async () => {
    const dir = workspace();
    const base = MINIMAL.replace("id: fixture-response", "id: z-base").replace("version: 1.0.0", "version: 1.0.0\nunknown_key: 1");
    const overlay = (id: string, of: string) => `format: 1\nid: ${id}\nextends: ${of}\ntitle: ${id}\nversion: 0.1.0\nlanguages: [en, fr]\nbogus: 1\n`;
    writeFileSync(join(dir, "playbooks", "z-base.yaml"), base);
    writeFileSync(join(dir, "playbooks", "m-region.yaml"), overlay("m-region", "z-base"));
    writeFileSync(join(dir, "playbooks", "a-city.yaml"), overlay("a-city", "m-region"));
    const alone = await validatePlaybookFiles(["playbooks/z-base.yaml", "playbooks/m-region.yaml", "playbooks/a-city.yaml"], { cwd: dir });
    expect(alone.map((r) => r.issues.length)).toEqual([1, 2, 3]);
    const rows = await listPlaybooks({ cwd: dir });
    const problems = (file: string) => rows.find((r) => r.file === `playbooks/${file}.yaml`)?.problems;
    expect([problems("z-base"), problems("m-region"), problems("a-city")]).toEqual([1, 2, 3]);
  });
});

describe("robustness: any value in any place", () => {
  it("reports, never throws, whatever replaces any node of a valid playbook", async () => {
    const { parse, stringify } = await import("yaml");
    const original = parse(MINIMAL) as unknown;
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(original, []);
    const dir = workspace();
    let checked = 0;
    for (const path of paths.filter((p) => p.length > 0)) {
      for (const replacement of [null, 7, "x", [], {}, [{}], { id: 1 }]) {
        const copy = structuredClone(original) as Record<string | number, unknown>;
        let parent = copy as Record<string | number, unknown>;
        for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
        parent[path.at(-1) as string | number] = replacement;
        writeFileSync(join(dir, "pb.yaml"), stringify(copy));
        const [r] = await validatePlaybookFiles(["pb.yaml"], { cwd: dir });
        for (const issue of r?.issues ?? []) {
          expect(issue.message.length).toBeGreaterThan(0);
          expect(issue.line).toBeGreaterThanOrEqual(1);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  }, 60_000);
});

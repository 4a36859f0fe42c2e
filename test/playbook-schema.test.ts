import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BasePlaybook, Condition, Overlay, Step, Text, playbookJsonSchema } from "../src/playbook/schema.js";
import { defaultMessages, schemaIssues } from "../src/playbook/schema-issues.js";
import { parseYaml } from "../src/playbook/yaml.js";
import { ROOT } from "./helpers/cli.js";

const FIXTURES = join(ROOT, "test/fixtures/playbooks");
const fixture = (name: string) => parse(readFileSync(join(FIXTURES, name), "utf8")) as Record<string, unknown>;

/** Parse `text` with `schema` and return the issues as an author would read them. */
function issuesOf(schema: typeof BasePlaybook | typeof Step | typeof Condition | typeof Text, text: string) {
  const { value, locate } = parseYaml(text, "t.yaml");
  const r = schema.safeParse(value, defaultMessages);
  return r.success ? [] : schemaIssues(r.error.issues, { file: "t.yaml", locate, input: value });
}

describe("the JSON Schema shipped for editors", () => {
  it("is exactly what the zod schema generates (run `npm run schema` after changing it)", () => {
    const shipped = JSON.parse(readFileSync(join(ROOT, "playbooks/playbook.schema.json"), "utf8"));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(playbookJsonSchema())));
  });
});

describe("the zod schema", () => {
  it("accepts the fixture playbook and fills defaults", () => {
    const r = BasePlaybook.parse(fixture("minimal.yaml"));
    expect(r.facts[0]).toMatchObject({ required: true, ask: true, public: true });
    expect(r.phases[0]?.steps[0]).toMatchObject({ kind: "task", starts: "open" });
    expect(r.phases[0]?.preparedness).toBe(false);
  });

  it("accepts the fixture overlay", () => {
    expect(Overlay.safeParse(fixture("overlay.yaml")).success).toBe(true);
  });

  it.each([
    ["a plain string", "hello", true],
    ["a language map", { en: "hi", fr: "salut" }, true],
    ["an empty string", "", false],
    ["an empty map", {}, false],
    ["a three-letter language", { eng: "hi" }, false],
    ["a number", 5, false],
  ])("Text: %s -> %s", (_label, value, ok) => {
    expect(Text.safeParse(value).success).toBe(ok);
  });

  it.each([
    [{ fact: "location" }, true],
    [{ fact: "victims_count", is: [1, 2] }, true],
    [{ decision: "motive-status", is: "hate-confirmed" }, true],
    [{ flag: "vigil", is: "city" }, true],
    [{ all: [{ fact: "a" }, { not: { flag: "b" } }] }, true],
    [{ any: [] }, false],
    [{ fact: "a", decision: "b" }, false],
    [{ flag: "x", is: ["a"] }, false],
    [{ code: "process.exit()" }, false],
  ])("Condition %j -> %s", (value, ok) => {
    expect(Condition.safeParse(value).success).toBe(ok);
  });

  it.each(["30m", "6h", "3d", "2w", "6mo", "1y", "1d12h", "-2d"])("offset %s is accepted", (due) => {
    expect(Step.safeParse({ kind: "task", id: "a", title: "A", owner: "o", source: "s", due }).success).toBe(true);
  });

  it.each(["6", "h", "1.5h", "6 hours", "+6h", "T+6h"])("offset %s is refused", (due) => {
    expect(Step.safeParse({ kind: "task", id: "a", title: "A", owner: "o", source: "s", due }).success).toBe(false);
  });
});

describe("schema issues, as authors read them", () => {
  it("picks the branch of a Text union that matches what was written", () => {
    const issues = issuesOf(Text, "{ en: '' }");
    expect(issues).toEqual([expect.objectContaining({ path: "en", message: "must not be empty", line: 1, col: 7 })]);
  });

  it("says what a Text may be when neither branch fits", () => {
    const [issue] = issuesOf(Text, "[a, b]");
    expect(issue?.message).toBe("must be a text, or one text per language such as {en: ..., fr: ...} (found a list)");
  });

  it("reports a condition's errors in the branch its keys name", () => {
    const issues = issuesOf(Condition, "{ decision: motive-status, is: [Bad Option] }");
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("is[0]");
    expect(issues[0]?.message).toMatch(/lower-case/);
  });

  it("names an unknown key at the key, with a suggestion for a typo", () => {
    const issues = issuesOf(Step, "kind: task\nid: a\ntitle: A\nowner: o\nsource: s\nguidence: text\n");
    expect(issues).toEqual([expect.objectContaining({ line: 6, col: 1, path: "guidence", message: "unknown key 'guidence' (did you mean 'guidance'?)" })]);
  });

  it("says which kinds of step exist when kind is wrong or missing", () => {
    expect(issuesOf(Step, "kind: memo\nid: a\n")[0]).toMatchObject({ line: 1, col: 7, path: "kind", message: expect.stringContaining("task, decision, statement") });
    expect(issuesOf(Step, "id: a\n")[0]).toMatchObject({ line: 1, col: 1, path: "kind", message: expect.stringMatching(/^missing 'kind'/) });
  });

  it("says a required key is missing, at the map that lacks it", () => {
    const issues = issuesOf(Step, "kind: task\nid: a\ntitle: A\nsource: s\n");
    expect(issues).toEqual([expect.objectContaining({ line: 1, col: 1, path: "owner", message: "missing: 'owner' is required here" })]);
  });

  it("explains a wrong type with what was found", () => {
    const issues = issuesOf(Step, "kind: task\nid: a\ntitle: A\nowner: o\nsource: s\ndue: 5\n");
    expect(issues[0]).toMatchObject({ line: 6, col: 6, path: "due", message: "must be an offset such as 30m, 6h, 3d, 2w, 6mo or 1y (found 5)" });
  });

  it("suggests quotes when YAML read a number where a text belongs", () => {
    const text = "format: 1\nid: a\ntitle: T\nversion: 1.0\nlanguages: [en]\nroles: [{id: r, name: R}]\nphases: [{id: p, title: P, window: {from: 0h}, steps: []}]\n";
    expect(issuesOf(BasePlaybook, text)).toEqual([expect.objectContaining({ line: 4, col: 10, path: "version", message: 'must be a text (found 1; put it in quotes if you meant the text: "1")' })]);
  });

  it("lists the allowed values of an enum", () => {
    const text = "kind: statement\nid: a\ntitle: A\nowner: o\nsource: s\ntemplate: t\naudience: public\nchannel: pigeon\n";
    expect(issuesOf(Step, text)[0]).toMatchObject({ line: 8, col: 10, message: expect.stringMatching(/^must be one of press, social/) });
  });

  it("reports every problem of a playbook, not the first one only", () => {
    const text = "format: 2\nid: Bad Id\ntitle: T\nversion: 1\nlanguages: []\nroles: []\nphases: []\n";
    const paths = issuesOf(BasePlaybook, text).map((i) => i.path);
    expect(paths).toEqual(["format", "id", "version", "languages", "roles", "phases"]);
  });
});

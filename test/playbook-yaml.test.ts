import { describe, expect, it } from "vitest";
import { MAX_ALIAS_COUNT, MAX_YAML_BYTES, parseYaml, pathText } from "../src/playbook/yaml.js";

const text = `id: demo
phases:
  - id: first
    steps:
      - id: a
        owner: lead
        empty:
      - { id: b, owner: comms }
`;

describe("parseYaml", () => {
  it("parses a valid document with no issues", () => {
    const r = parseYaml(text, "f.yaml");
    expect(r.issues).toEqual([]);
    expect(r.value).toMatchObject({ id: "demo", phases: [{ id: "first", steps: [{ id: "a" }, { id: "b" }] }] });
  });

  it.each([
    [["id"], 1, 5],
    [["phases", 0, "steps", 0, "owner"], 6, 16],
    [["phases", 0, "steps", 1, "owner"], 8, 25],
    // a key with no value: the key itself
    [["phases", 0, "steps", 0, "empty"], 7, 9],
    // a missing key: the map that should hold it
    [["phases", 0, "steps", 0, "due"], 5, 9],
    // a missing item: the nearest existing parent
    [["phases", 0, "steps", 7, "owner"], 5, 7],
    [[], 1, 1],
  ] as const)("locates %j at %i:%i", (path, line, col) => {
    expect(parseYaml(text, "f.yaml").locate(path)).toEqual({ line, col });
  });

  it("locates a key rather than its value when asked", () => {
    expect(parseYaml(text, "f.yaml").locate(["phases", 0, "steps", 0, "owner"], { key: true })).toEqual({ line: 6, col: 9 });
  });

  it("reports a syntax error with its line and column", () => {
    const r = parseYaml("id: x\nlist: [a, b\nnext: 1\n", "bad.yaml");
    expect(r.value).toBeUndefined();
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues[0]).toMatchObject({ file: "bad.yaml", line: 2, col: 7 });
  });

  it("reports every syntax error, not only the first", () => {
    const r = parseYaml("a: 1\na: 2\nb:\n  - x\n  y: 1\n", "bad.yaml");
    expect(r.issues.map((i) => i.line)).toEqual(expect.arrayContaining([2, 5]));
  });

  it("rejects duplicate keys at the second occurrence", () => {
    const r = parseYaml("id: a\ntitle: T\nid: b\n", "dup.yaml");
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ line: 3, col: 1 });
    expect(r.issues[0]?.message).toMatch(/unique|twice/);
  });

  it("refuses an alias bomb instead of expanding it", () => {
    let bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    let prev = "a";
    for (const n of "bcdefghi") {
      bomb += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(",")}]\n`;
      prev = n;
    }
    const r = parseYaml(bomb, "bomb.yaml");
    expect(r.value).toBeUndefined();
    expect(r.issues[0]?.message).toContain(`at most ${MAX_ALIAS_COUNT}`);
  });

  it("allows a few honest aliases", () => {
    const r = parseYaml("a: &x {k: 1}\nb: *x\n", "ok.yaml");
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual({ a: { k: 1 }, b: { k: 1 } });
  });

  it("refuses a file over the size cap", () => {
    const r = parseYaml(`a: "${"x".repeat(MAX_YAML_BYTES)}"\n`, "big.yaml");
    expect(r.issues[0]?.message).toMatch(/too large/);
  });

  it("refuses binary data", () => {
    expect(parseYaml("a: 1\u0000\u0001", "bin.yaml").issues[0]?.message).toMatch(/not a text file/);
  });

  it("explains tab indentation", () => {
    expect(parseYaml("a:\n\tb: 1\n", "tab.yaml").issues[0]?.message).toMatch(/tab/i);
  });

  it("reports unknown tags", () => {
    const r = parseYaml("a: !secret 1\n", "tag.yaml");
    expect(r.issues[0]).toMatchObject({ line: 1, col: 4 });
  });

  it("gives null for an empty document, with no issue", () => {
    expect(parseYaml("", "e.yaml")).toMatchObject({ value: null, issues: [] });
  });
});

describe("pathText", () => {
  it.each([
    [["phases", 0, "steps", 3, "owner"], "phases[0].steps[3].owner"],
    [["when", "all", 1, "decision"], "when.all[1].decision"],
    [[], ""],
  ] as const)("%j -> %s", (path, expected) => {
    expect(pathText(path)).toBe(expected);
  });
});

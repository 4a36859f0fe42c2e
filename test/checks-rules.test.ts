/** The rules files: the shipped ones validate; a bad one is reported file:line:col. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkStatement, checkWithRules } from "../src/checks/checks.js";
import { loadRulesFile, parseRules, shippedRules } from "../src/checks/rules.js";
import { formatIssue, isRespondError } from "../src/errors.js";
import { tempDir } from "./helpers/cli.js";

const RULE_IDS = ["perpetrator-name", "motive-unconfirmed", "unconfirmed-casualties", "blame-generalisation", "party-political", "missing-essentials"];
const ctx = { lang: "en" as const, motiveConfirmed: false, facts: [], audience: "internal" as const };

describe("shipped rules", () => {
  it.each(["en", "fr"] as const)("%s validates and holds every rule", (lang) => {
    const rules = shippedRules(lang);
    expect(rules.lang).toBe(lang);
    expect(rules.rules.map((r) => r.id)).toEqual(RULE_IDS);
    expect(rules.rules.find((r) => r.id === "missing-essentials")!.require.map((r) => r.id)).toEqual(["sympathy", "help", "official-info", "unity"]);
  });
});

describe("a bad rules file", () => {
  const good = readFileSync(new URL("../rules/en.yaml", import.meta.url), "utf8");

  it("reports an invalid pattern with file, line and column", () => {
    const text = good.replace("      - 'manifestos?'", "      - 'manifest(os?'");
    const line = text.split("\n").findIndex((l) => l.includes("manifest(os?")) + 1;
    const { rules, issues } = parseRules(text, "rules/en.yaml");
    expect(rules).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: "rules/en.yaml", line, col: 9, path: "rules[0].patterns[0]" });
    expect(formatIssue(issues[0]!)).toMatch(new RegExp(`^rules/en\\.yaml:${line}:9  rules\\[0\\]\\.patterns\\[0\\]: not a valid pattern`));
  });

  it("reports an unknown macro, a missing field, a wrong severity and a duplicate id, all at once", () => {
    const text = [
      "version: 1",
      "lang: en",
      "rules:",
      "  - id: one",
      "    severity: error",
      "    why: because",
      "    suggestion: do this",
      "    patterns: ['{nope} word']",
      "  - id: two",
      "    severity: fatal",
      "    why: because",
      "    patterns: [word]",
      "",
    ].join("\n");
    const { issues } = parseRules(text, "x.yaml");
    // schema problems come first; pattern problems are reported once the shape is right
    expect(issues.map((i) => `${i.line}:${i.col} ${i.path}`)).toEqual(expect.arrayContaining(["10:15 rules[1].severity", "9:5 rules[1].suggestion"]));
    const fixed = text.replace("fatal", "error").replace("    patterns: [word]", "    suggestion: s\n    patterns: [word]").replace("id: two", "id: one");
    const again = parseRules(fixed, "x.yaml").issues.map((i) => `${i.line}:${i.col} ${i.path}: ${i.message}`);
    expect(again).toEqual(["8:16 rules[0].patterns[0]: unknown macro {nope}; define it under macros", "9:9 rules[1].id: the rule id 'one' is used twice"]);
  });

  it("reports YAML syntax errors and a figures pattern without {count}", () => {
    expect(parseRules("version: 1\nrules: [\n", "y.yaml").issues[0]).toMatchObject({ file: "y.yaml", line: expect.any(Number) });
    const text = "version: 1\nlang: en\nrules:\n  - id: f\n    severity: error\n    why: w\n    suggestion: s\n    figures: ['people died']\n";
    expect(parseRules(text, "f.yaml").issues).toEqual([
      { file: "f.yaml", line: 8, col: 15, path: "rules[0].figures[0]", message: "a figures pattern must hold {count} exactly once" },
    ]);
  });

  it("loadRulesFile throws an invalid-input error carrying the issues", () => {
    const dir = tempDir();
    const file = join(dir, "en.yaml");
    writeFileSync(file, "version: 2\nlang: en\nrules: []\n");
    try {
      loadRulesFile(file);
      expect.unreachable();
    } catch (error) {
      expect(isRespondError(error) && error.code).toBe("invalid-input");
      expect(isRespondError(error) && error.issues.map((i) => `${i.line}:${i.col} ${i.path}`)).toEqual(["1:10 version", "3:8 rules"]);
    }
  });

  it("a city's own rules file is data: new words work without code", () => {
    const text = "version: 1\nlang: en\nmacros: { place: 'river(?:side)?' }\nrules:\n  - id: local\n    severity: warning\n    why: w\n    suggestion: s\n    patterns: ['the {place} gang']\n";
    const { rules } = parseRules(text, "city.yaml");
    const findings = checkWithRules("Blame the Riverside  gang.", ctx, rules!);
    expect(findings.map((f) => [f.rule, f.col, f.text])).toEqual([["local", 7, "the Riverside gang"]]);
  });
});

describe("matching", () => {
  it("is accent-, case- and markup-insensitive and reports positions in the original", () => {
    const text = "---\ntitle: Déclaration\n---\n\n<p>Un <b>ATTENTAT</b> <i>Terroriste</i> à Lyon.</p>\n";
    const [f] = checkStatement(text, { ...ctx, lang: "fr" });
    expect(f).toMatchObject({ rule: "motive-unconfirmed", line: 5, col: 26, text: "Terroriste" });
  });

  it("whole words only: a motive word inside another word is not a match", () => {
    expect(checkStatement("Counter-terrorism officers and terrified residents.", ctx)).toEqual([]);
    expect(checkStatement("Nonterrorist.", ctx)).toEqual([]);
  });

  it("the perpetrator's name parts, but not name particles, are flagged alone", () => {
    const facts = [{ id: "perpetrator_name", value: "Omar de la Vega", confirmed: false, sensitive: "perpetrator" as const }];
    const found = (t: string) => checkStatement(t, { ...ctx, facts }).map((f) => f.text);
    expect(found("Vega was arrested.")).toEqual(["Vega"]);
    expect(found("omar de la vega was arrested.")).toEqual(["omar de la vega"]);
    expect(found("The market de la ville.")).toEqual([]);
  });

  it("columns count characters as shown, emoji included", () => {
    const [f] = checkStatement("🕯️ Terrorism.", ctx);
    expect(f).toMatchObject({ line: 1, col: 4 });
  });
});

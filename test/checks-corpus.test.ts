/**
 * The statement-check corpus: every sentence's expected rule ids, every full
 * statement's missing essentials, and precision and recall per rule over all of it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkStatement, type CheckContext, type CheckFact, type Finding } from "../src/checks/checks.js";
import { shippedRules } from "../src/checks/rules.js";
import type { Lang } from "../src/lang.js";

interface Case {
  text: string;
  ctx?: string;
  expect: string[];
  note?: string;
}
interface Statement extends Case {
  name: string;
  audience?: "public" | "internal";
  missing: string[];
  at?: Record<string, string>;
}
interface Corpus {
  contexts: Record<string, { motiveConfirmed: boolean; facts: CheckFact[] }>;
  sentences: Case[];
  statements: Statement[];
  limitations: Case[];
}

const RULE_IDS = ["perpetrator-name", "motive-unconfirmed", "unconfirmed-casualties", "blame-generalisation", "party-political", "missing-essentials"];

function load(lang: Lang): Corpus {
  return parse(readFileSync(new URL(`./fixtures/checks/${lang}.yaml`, import.meta.url), "utf8")) as Corpus;
}

function contextFor(corpus: Corpus, lang: Lang, c: Case, audience: "public" | "internal"): CheckContext {
  const named = corpus.contexts[c.ctx ?? "unconfirmed"];
  if (!named) throw new Error(`unknown context ${c.ctx}`);
  return { lang, motiveConfirmed: named.motiveConfirmed, facts: named.facts, audience };
}

const ids = (findings: Finding[]) => [...new Set(findings.map((f) => f.rule))].sort();

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

function tally(into: Map<string, Tally>, expected: string[], actual: string[]): void {
  for (const rule of RULE_IDS) {
    const t = into.get(rule) ?? { tp: 0, fp: 0, fn: 0 };
    const e = expected.includes(rule);
    const a = actual.includes(rule);
    if (e && a) t.tp++;
    else if (a) t.fp++;
    else if (e) t.fn++;
    into.set(rule, t);
  }
}

const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);

describe.each(["en", "fr"] as const)("statement checks corpus (%s)", (lang) => {
  const corpus = load(lang);
  const scores = new Map<string, Tally>();
  const missingLabels = new Map(shippedRules(lang).rules.find((r) => r.id === "missing-essentials")!.require.map((r) => [r.id, r.label]));

  it("has at least 60 sentences, and proves every rule both ways", () => {
    expect(corpus.sentences.length).toBeGreaterThanOrEqual(60);
    for (const rule of RULE_IDS.filter((r) => r !== "missing-essentials")) {
      expect(corpus.sentences.some((c) => c.expect.includes(rule)), `${rule} flagged somewhere`).toBe(true);
    }
    expect(corpus.sentences.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(20);
    expect(corpus.statements.some((s) => s.missing.length === 0 && (s.audience ?? "public") === "public")).toBe(true);
    expect(corpus.statements.some((s) => s.missing.length > 0)).toBe(true);
  });

  it.each(corpus.sentences.map((c, i) => [i + 1, c.text, c] as const))("sentence %i: %s", (_n, _text, c) => {
    const actual = ids(checkStatement(c.text, contextFor(corpus, lang, c, "internal")));
    tally(scores, c.expect, actual);
    expect(actual, c.note).toEqual([...c.expect].sort());
  });

  it.each(corpus.statements.map((s) => [s.name, s] as const))("statement: %s", (_name, s) => {
    const findings = checkStatement(s.text, contextFor(corpus, lang, s, s.audience ?? "public"));
    const actual = ids(findings);
    tally(scores, s.expect, actual);
    expect(actual).toEqual([...s.expect].sort());
    const missing = findings.filter((f) => f.rule === "missing-essentials");
    expect(missing.map((f) => f.text).sort()).toEqual(s.missing.map((m) => missingLabels.get(m)).sort());
    for (const f of missing) expect([f.line, f.col]).toEqual([1, 1]);
    for (const [rule, at] of Object.entries(s.at ?? {})) {
      expect(findings.filter((f) => f.rule === rule).map((f) => `${f.line}:${f.col}`)).toContain(at);
    }
  });

  it.each(corpus.limitations.map((c) => [c.text, c] as const))("known limitation, still wrong: %s", (_text, c) => {
    const actual = ids(checkStatement(c.text, contextFor(corpus, lang, c, "internal")));
    tally(scores, c.expect, actual);
    // when this fails, the checks got it right: move the sentence into `sentences`
    expect(actual).not.toEqual([...c.expect].sort());
  });

  it("reports precision and recall", () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const parts: string[] = [];
    for (const rule of RULE_IDS) {
      const t = scores.get(rule) ?? { tp: 0, fp: 0, fn: 0 };
      tp += t.tp;
      fp += t.fp;
      fn += t.fn;
      parts.push(`${rule} P=${pct(t.tp, t.tp + t.fp)} R=${pct(t.tp, t.tp + t.fn)}`);
    }
    const cases = corpus.sentences.length + corpus.statements.length + corpus.limitations.length;
    console.log(
      `checks corpus ${lang}: ${corpus.sentences.length} sentences, ${corpus.statements.length} statements, ${corpus.limitations.length} known limitations (${cases} cases); overall precision ${pct(tp, tp + fp)} recall ${pct(tp, tp + fn)}; ${parts.join("; ")}`,
    );
    expect(tp).toBeGreaterThan(0);
  });
});

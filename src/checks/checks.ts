/**
 * The statement checks: run a language's rules over a text and return findings,
 * each positioned in the original text (line:col) with the words, why and a
 * suggestion. Pure and synchronous; the rules are read once per process.
 */
import type { Lang } from "../lang.js";
import { lineLocator } from "./position.js";
import { literalPattern, shippedRules, type CompiledRule, type RuleSet } from "./rules.js";
import { foldChars, foldText, originalSpan } from "./text.js";

export interface CheckFact {
  id: string;
  value: unknown;
  confirmed: boolean;
  sensitive?: "perpetrator" | "victims" | "casualties";
}

export interface CheckContext {
  lang: "en" | "fr";
  motiveConfirmed: boolean;
  facts: CheckFact[];
  /** public statements must hold the essentials; internal notes need not (default: public) */
  audience?: "public" | "internal";
}

export interface Finding {
  rule: string;
  line: number;
  col: number;
  /** the words found, as written; for a missing essential, what is missing */
  text: string;
  why: string;
  suggestion: string;
  severity: "error" | "warning";
}

interface Span {
  start: number;
  end: number;
}

export function checkStatement(text: string, ctx: CheckContext): Finding[] {
  return checkWithRules(text, ctx, shippedRules(ctx.lang as Lang));
}

/** The same, with a given rule set (a city's own rules, or a test's). */
export function checkWithRules(text: string, ctx: CheckContext, rules: RuleSet): Finding[] {
  const folded = foldText(text);
  const locate = lineLocator(text);
  const sentences = sentenceBounds(folded.text);
  const findings: (Finding & { offset: number; order: number })[] = [];
  const audience = ctx.audience ?? "public";

  rules.rules.forEach((rule, order) => {
    if (rule.when?.motiveConfirmed !== undefined && rule.when.motiveConfirmed !== ctx.motiveConfirmed) return;
    if (rule.when?.audience !== undefined && rule.when.audience !== audience) return;

    for (const req of rule.require) {
      if (req.patterns.some((p) => test(p, folded.text))) continue;
      findings.push({ rule: rule.id, line: 1, col: 1, text: req.label, why: req.why, suggestion: req.suggestion, severity: rule.severity, offset: -1, order });
    }

    const spans: Span[] = [...matches(rule.patterns, folded.text), ...factSpans(rule, ctx, rules, folded.text), ...figureSpans(rule, ctx, rules, folded.text)];
    const kept = withoutOverlaps(spans).filter((s) => !cancelled(rule, folded.text, sentences, s));
    for (const span of kept) {
      const at = originalSpan(folded, span.start, span.end);
      findings.push({
        rule: rule.id,
        ...locate(at.start),
        text: oneLine(text.slice(at.start, at.end)),
        why: rule.why,
        suggestion: rule.suggestion,
        severity: rule.severity,
        offset: at.start,
        order,
      });
    }
  });

  findings.sort((a, b) => a.offset - b.offset || a.order - b.order);
  return findings.map(({ offset: _o, order: _r, ...f }) => f);
}

function test(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

function matches(patterns: RegExp[], text: string): Span[] {
  const spans: Span[] = [];
  for (const p of patterns) for (const m of text.matchAll(p)) if (m[0].length > 0) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** Several patterns may catch the same words: report each place once, the widest catch. */
function withoutOverlaps(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const s of sorted) {
    const last = kept[kept.length - 1];
    if (last && s.start < last.end) {
      if (s.end > last.end) last.end = s.end;
      continue;
    }
    kept.push({ ...s });
  }
  return kept;
}

/** Sentence ends: . ! ? … before a space or the end, or a blank line (a paragraph, a list, a heading). */
function sentenceBounds(text: string): number[] {
  const ends: number[] = [];
  for (const m of text.matchAll(/[.!?…]+(?=\s|$)|\n[ \t]*\n|\n[ \t]*(?=[-*#>]|\d+\.)/g)) ends.push(m.index + m[0].length);
  ends.push(text.length);
  return ends;
}

function cancelled(rule: CompiledRule, text: string, ends: number[], span: Span): boolean {
  if (rule.unless.length === 0) return false;
  // the first sentence end after the span's start
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! > span.start) hi = mid;
    else lo = mid + 1;
  }
  const sentence = text.slice(lo > 0 ? ends[lo - 1]! : 0, ends[lo]!);
  return rule.unless.some((p) => test(p, sentence));
}

function valuesOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(valuesOf);
  if (typeof value === "string") return value.split(/[\n;,]+/).map((s) => s.trim()).filter(Boolean);
  if (typeof value === "number") return [String(value)];
  return [];
}

/** A name and, as the rule says, its distinctive parts alone (a surname, a first name). */
function nameForms(name: string, parts: "all" | "last" | "none", rules: RuleSet): string[] {
  const words = name.split(/[\s-]+/).filter(Boolean);
  const distinctive = words.filter((w) => Array.from(foldChars(w)).length >= 3 && !rules.particles.has(foldChars(w)));
  if (parts === "all") return [name, ...distinctive];
  if (parts === "last" && words.length > 1 && distinctive.includes(words[words.length - 1]!)) return [name, words[words.length - 1]!];
  return [name];
}

function factSpans(rule: CompiledRule, ctx: CheckContext, rules: RuleSet, text: string): Span[] {
  const spec = rule.facts;
  if (!spec) return [];
  const spans: Span[] = [];
  for (const fact of ctx.facts) {
    if (fact.sensitive !== spec.sensitive) continue;
    if (spec.when === "unconfirmed" && fact.confirmed) continue;
    for (const name of valuesOf(fact.value)) {
      for (const form of nameForms(name, spec.parts, rules)) spans.push(...matches([literalPattern(form)], text));
    }
  }
  return spans;
}

/** Casualty figures that do not equal a confirmed casualties fact. */
function figureSpans(rule: CompiledRule, ctx: CheckContext, rules: RuleSet, text: string): Span[] {
  if (rule.figures.length === 0) return [];
  const confirmed = new Set<number>();
  for (const fact of ctx.facts) {
    if (fact.sensitive !== "casualties" || !fact.confirmed) continue;
    for (const v of valuesOf(fact.value)) {
      const n = Number(v.replace(/[\s,.]/g, ""));
      if (Number.isInteger(n)) confirmed.add(n);
    }
  }
  const spans: Span[] = [];
  for (const p of rule.figures) {
    for (const m of text.matchAll(p)) {
      const figure = m.groups?.count;
      if (figure === undefined) continue;
      const value = /^\d/.test(figure) ? Number(figure) : (rules.numbers.get(figure.replace(/[\s-]+/g, " ")) ?? null);
      if (value !== null && confirmed.has(value)) continue;
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return spans;
}

/** The words as a person wrote them, without the markup around them. */
function oneLine(s: string): string {
  return s.replace(/<[^<>]*>/g, "").replace(/\s+/g, " ").trim();
}

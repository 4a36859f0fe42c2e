/**
 * The statement rules are data: rules/<lang>.yaml, one file per language. This module
 * reads a rules file, validates it (every problem as file:line:col), and compiles its
 * patterns once. The format is described at the top of rules/en.yaml.
 *
 * A pattern is a regular expression over folded text (lower case, no accents, no
 * markup). It is matched as whole words: it never starts or ends inside a word.
 * A space in a pattern matches any run of spaces or line breaks. `{name}` inserts a
 * macro from the file's `macros`; `{count}` is a casualty figure (digits or a word
 * from the file's `numbers`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { invalidInput, RespondError, type Issue } from "../errors.js";
import type { Lang } from "../lang.js";
import { shippedRulesDir } from "../paths.js";
import { parseYaml, pathText, type Locator } from "../playbook/yaml.js";
import { foldChars, foldPattern } from "./text.js";

export const RULES_FORMAT_VERSION = 1;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits or '-' (e.g. motive-unconfirmed)");
const Words = z.string().min(1, "must not be empty");
const Patterns = z.array(z.string().min(1, "an empty pattern would match everything")).min(1, "give at least one pattern");

const Requirement = z.strictObject({
  id: Id,
  /** what is missing, in a few words, shown in place of quoted words */
  label: Words,
  why: Words,
  suggestion: Words,
  patterns: Patterns,
});

const FactMatch = z.strictObject({
  /** which facts' values are flagged when they appear */
  sensitive: z.enum(["perpetrator", "victims"]),
  /** `any`: whenever recorded; `unconfirmed`: only while not confirmed */
  when: z.enum(["any", "unconfirmed"]),
  /** which parts of a name are flagged alone: every distinctive part, the last one, or none */
  parts: z.enum(["all", "last", "none"]),
});

const RuleSchema = z
  .strictObject({
    id: Id,
    severity: z.enum(["error", "warning"]),
    why: Words,
    suggestion: Words,
    /** the rule runs only in this context */
    when: z.strictObject({ motiveConfirmed: z.boolean().optional(), audience: z.enum(["public", "internal"]).optional() }).optional(),
    patterns: Patterns.optional(),
    /** a match is not a finding when one of these is in the same sentence (e.g. a rumour quoted to refute it) */
    unless: Patterns.optional(),
    facts: FactMatch.optional(),
    /** casualty figures: each pattern holds {count}; a figure equal to a confirmed casualties fact is fine */
    figures: Patterns.optional(),
    /** essentials a public statement must contain: one finding for each that is absent */
    require: z.array(Requirement).min(1).optional(),
  })
  .superRefine((rule, ctx) => {
    const matchers = [rule.patterns, rule.facts, rule.figures].filter((x) => x !== undefined).length;
    if (matchers === 0 && !rule.require) ctx.addIssue({ code: "custom", message: "give patterns, facts, figures or require", path: ["id"] });
    if (matchers > 0 && rule.require) ctx.addIssue({ code: "custom", message: "a `require` rule has no other patterns", path: ["require"] });
  });

const RulesFileSchema = z.strictObject({
  version: z.literal(RULES_FORMAT_VERSION, `must be ${RULES_FORMAT_VERSION}`),
  lang: z.string().regex(/^[a-z]{2}$/, "a two-letter language code"),
  /** number words for {count}; null when the word is a figure that never equals a confirmed one ("dozens") */
  numbers: z.record(z.string().min(1), z.number().int().nonnegative().nullable()).default({}),
  /** name parts never flagged alone (de, van, al...) */
  particles: z.array(z.string()).default([]),
  macros: z.record(z.string().regex(/^[a-z_]+$/, "macro names are lower-case letters and '_'"), z.string().min(1)).default({}),
  rules: z.array(RuleSchema).min(1),
});

type RuleData = z.infer<typeof RuleSchema>;

export interface CompiledRequirement {
  id: string;
  label: string;
  why: string;
  suggestion: string;
  patterns: RegExp[];
}

export interface CompiledRule {
  id: string;
  severity: "error" | "warning";
  why: string;
  suggestion: string;
  when: RuleData["when"];
  patterns: RegExp[];
  unless: RegExp[];
  facts: RuleData["facts"];
  figures: RegExp[];
  require: CompiledRequirement[];
}

export interface RuleSet {
  file: string;
  lang: string;
  numbers: ReadonlyMap<string, number | null>;
  particles: ReadonlySet<string>;
  rules: CompiledRule[];
}

// a letter or digit on either side would mean the match starts or ends inside a word
const BEFORE = "(?<![\\p{L}\\p{N}])";
const AFTER = "(?![\\p{L}\\p{N}])";

/** Spaces outside character classes match any whitespace run. */
function spacesToRuns(source: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") {
      out += c + (source[i + 1] ?? "");
      i++;
    } else if (inClass) {
      if (c === "]") inClass = false;
      out += c;
    } else if (c === "[") {
      inClass = true;
      out += c;
    } else if (c === " ") {
      while (source[i + 1] === " ") i++;
      out += "\\s+";
    } else out += c;
  }
  return out;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** A literal phrase (a name) as a whole-word pattern; inner spaces and hyphens are interchangeable. */
export function literalPattern(phrase: string): RegExp {
  const words = foldChars(phrase).split(/[\s-]+/).filter(Boolean).map(escapeRegex);
  return new RegExp(`${BEFORE}${words.join("[\\s-]+")}${AFTER}`, "giu");
}

interface CompileEnv {
  macros: Record<string, string>;
  count: string;
}

/** Compile one pattern, or say in plain words why it cannot be. */
function compile(pattern: string, env: CompileEnv, needsCount: boolean): RegExp | string {
  let unknown: string | undefined;
  let counts = 0;
  const expanded = pattern.replace(/\{([a-z_]+)\}/g, (whole, name: string) => {
    if (name === "count") {
      counts++;
      return env.count;
    }
    const macro = env.macros[name];
    if (macro === undefined) {
      unknown ??= name;
      return whole;
    }
    return `(?:${macro})`;
  });
  if (unknown) return `unknown macro {${unknown}}; define it under macros`;
  if (needsCount && counts !== 1) return "a figures pattern must hold {count} exactly once";
  if (!needsCount && counts > 0) return "{count} is only for figures patterns";
  const source = spacesToRuns(foldPattern(expanded));
  try {
    return new RegExp(`${BEFORE}(?:${source})${AFTER}`, "giu");
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "") : String(error);
    return `not a valid pattern: ${detail}`;
  }
}

function countPattern(numbers: Record<string, number | null>): string {
  const words = Object.keys(numbers)
    .map((w) => spacesToRuns(escapeRegex(foldChars(w)).replace(/-/g, "[\\s-]")))
    .sort((a, b) => b.length - a.length);
  return `(?<count>\\d+|${words.join("|") || "(?!)"})`;
}

export interface ParsedRules {
  rules: RuleSet | undefined;
  issues: Issue[];
}

/** Validate and compile a rules file's text; every problem comes back as an Issue. */
export function parseRules(text: string, file: string): ParsedRules {
  const parsed = parseYaml(text, file);
  if (parsed.issues.length > 0) return { rules: undefined, issues: parsed.issues };
  const result = RulesFileSchema.safeParse(parsed.value);
  if (!result.success) {
    const issues = result.error.issues.map((i) => issueAt(parsed.locate, file, i.path as (string | number)[], i.message));
    return { rules: undefined, issues };
  }
  const data = result.data;
  const issues: Issue[] = [];
  const env: CompileEnv = { macros: {}, count: countPattern(data.numbers) };
  // macros are folded like patterns; a macro may use another one defined before it
  for (const [name, source] of Object.entries(data.macros)) {
    env.macros[name] = source.replace(/\{([a-z_]+)\}/g, (whole, inner: string) => (env.macros[inner] !== undefined ? `(?:${env.macros[inner]})` : whole));
    const check = compile(`{${name}}`, env, false);
    if (typeof check === "string") issues.push(issueAt(parsed.locate, file, ["macros", name], check));
  }
  const all = (list: string[] | undefined, path: (string | number)[], needsCount = false): RegExp[] =>
    (list ?? []).flatMap((p, k) => {
      const r = compile(p, env, needsCount);
      if (typeof r === "string") {
        issues.push(issueAt(parsed.locate, file, [...path, k], r));
        return [];
      }
      return [r];
    });

  const seen = new Set<string>();
  const rules = data.rules.map((rule, n): CompiledRule => {
    if (seen.has(rule.id)) issues.push(issueAt(parsed.locate, file, ["rules", n, "id"], `the rule id '${rule.id}' is used twice`));
    seen.add(rule.id);
    const base = ["rules", n];
    return {
      id: rule.id,
      severity: rule.severity,
      why: rule.why.trim(),
      suggestion: rule.suggestion.trim(),
      when: rule.when,
      patterns: all(rule.patterns, [...base, "patterns"]),
      unless: all(rule.unless, [...base, "unless"]),
      facts: rule.facts,
      figures: all(rule.figures, [...base, "figures"], true),
      require: (rule.require ?? []).map((req, k) => ({
        id: req.id,
        label: req.label,
        why: req.why.trim(),
        suggestion: req.suggestion.trim(),
        patterns: all(req.patterns, [...base, "require", k, "patterns"]),
      })),
    };
  });
  if (issues.length > 0) return { rules: undefined, issues };
  return {
    rules: {
      file,
      lang: data.lang,
      numbers: new Map(Object.entries(data.numbers).map(([w, v]) => [foldChars(w).replace(/[\s-]+/g, " "), v])),
      particles: new Set(data.particles.map((p) => foldChars(p))),
      rules,
    },
    issues: [],
  };
}

function issueAt(locate: Locator, file: string, path: (string | number)[], message: string): Issue {
  return { file, ...locate(path), path: pathText(path), message };
}

/** Read and compile a rules file; a file that is not right is an invalid-input error listing every problem. */
export function loadRulesFile(file: string): RuleSet {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new RespondError("io", `The statement rules could not be read: ${file}`, { cause: error });
  }
  const { rules, issues } = parseRules(text, file);
  if (!rules) throw invalidInput(`The statement rules in ${file} are not valid.`, issues);
  return rules;
}

const cache = new Map<Lang, RuleSet>();

/** The shipped rules for a language, read and compiled once per process. */
export function shippedRules(lang: Lang): RuleSet {
  let rules = cache.get(lang);
  if (!rules) {
    rules = loadRulesFile(join(shippedRulesDir(), `${lang}.yaml`));
    cache.set(lang, rules);
  }
  return rules;
}

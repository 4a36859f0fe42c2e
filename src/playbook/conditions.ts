/**
 * `when` conditions: evaluated against what is known now (facts, decisions, flags).
 * Pure data in, boolean out; no code from playbooks is ever run.
 */
import type { Condition, FactScalar, FlagValue } from "./schema.js";

export interface ConditionContext {
  /** fact id -> value (lists as arrays); unset facts are absent */
  facts: Readonly<Record<string, FactScalar | FactScalar[] | undefined>>;
  /** decision step id -> chosen option id */
  decisions: Readonly<Record<string, string | undefined>>;
  /** flag -> value, as set by decision options */
  flags: Readonly<Record<string, FlagValue | undefined>>;
}

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function hasValue(v: unknown): boolean {
  if (v === undefined || v === null || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

function sameScalar(a: FactScalar, b: FactScalar): boolean {
  // facts typed on a command line arrive as strings: compare loosely by text
  return a === b || String(a) === String(b);
}

export function evaluate(condition: Condition, ctx: ConditionContext): boolean {
  if ("all" in condition) return condition.all.every((c) => evaluate(c, ctx));
  if ("any" in condition) return condition.any.some((c) => evaluate(c, ctx));
  if ("not" in condition) return !evaluate(condition.not, ctx);
  if ("decision" in condition) {
    const chosen = ctx.decisions[condition.decision];
    if (chosen === undefined) return false;
    return condition.is === undefined || asList(condition.is).includes(chosen);
  }
  if ("flag" in condition) {
    const value = ctx.flags[condition.flag];
    if (condition.is === undefined) return value === true;
    return value !== undefined && sameScalar(value, condition.is);
  }
  const value = ctx.facts[condition.fact];
  if (condition.is === undefined) return hasValue(value);
  if (!hasValue(value)) return false;
  const wanted = asList(condition.is);
  return asList(value).some((v) => wanted.some((w) => sameScalar(v, w)));
}

export interface ConditionRef {
  kind: "fact" | "decision" | "flag";
  id: string;
  /** option ids (decision) or values (fact, flag) the condition compares with */
  values: FactScalar[];
  /** path inside the condition, e.g. `all[1].decision` */
  path: string;
}

/** Every fact, decision and flag a condition names, for cross-reference checks. */
export function referencesOf(condition: Condition, path = ""): ConditionRef[] {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if ("all" in condition) return condition.all.flatMap((c, i) => referencesOf(c, `${at("all")}[${i}]`));
  if ("any" in condition) return condition.any.flatMap((c, i) => referencesOf(c, `${at("any")}[${i}]`));
  if ("not" in condition) return referencesOf(condition.not, at("not"));
  if ("decision" in condition) return [{ kind: "decision", id: condition.decision, values: asList(condition.is), path: at("decision") }];
  if ("flag" in condition) return [{ kind: "flag", id: condition.flag, values: asList(condition.is), path: at("flag") }];
  return [{ kind: "fact", id: condition.fact, values: asList(condition.is), path: at("fact") }];
}

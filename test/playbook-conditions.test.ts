import { describe, expect, it } from "vitest";
import { evaluate, referencesOf, type ConditionContext } from "../src/playbook/conditions.js";
import type { Condition } from "../src/playbook/schema.js";

const ctx: ConditionContext = {
  facts: { location: "the market", victims_count: 3, victim_names: ["A", "B"], empty: "", none: [] },
  decisions: { "motive-status": "hate-confirmed" },
  flags: { motive_confirmed: true, motive: "hate", community_targeted: false },
};

describe("evaluate", () => {
  it.each<[string, Condition, boolean]>([
    ["a fact with a value", { fact: "location" }, true],
    ["a fact never set", { fact: "vigil_date" }, false],
    ["an empty text fact", { fact: "empty" }, false],
    ["an empty list fact", { fact: "none" }, false],
    ["a fact equal to a value", { fact: "victims_count", is: 3 }, true],
    ["a fact typed as text on the command line", { fact: "victims_count", is: "3" }, true],
    ["a fact among values", { fact: "victims_count", is: [1, 2] }, false],
    ["a list fact containing a value", { fact: "victim_names", is: "B" }, true],
    ["a decision made", { decision: "motive-status" }, true],
    ["a decision not made", { decision: "vigil-lead" }, false],
    ["a decision with this option", { decision: "motive-status", is: "hate-confirmed" }, true],
    ["a decision with one of these options", { decision: "motive-status", is: ["not-confirmed", "terrorism-confirmed"] }, false],
    ["a true flag", { flag: "motive_confirmed" }, true],
    ["a false flag", { flag: "community_targeted" }, false],
    ["a flag with a value", { flag: "motive", is: "hate" }, true],
    ["a flag compared with false", { flag: "community_targeted", is: false }, true],
    ["an unset flag compared with false", { flag: "vigil", is: false }, false],
    ["all", { all: [{ fact: "location" }, { flag: "motive_confirmed" }] }, true],
    ["all with one false", { all: [{ fact: "location" }, { flag: "community_targeted" }] }, false],
    ["any", { any: [{ fact: "vigil_date" }, { decision: "motive-status" }] }, true],
    ["not", { not: { flag: "community_targeted" } }, true],
  ])("%s", (_label, condition, expected) => {
    expect(evaluate(condition, ctx)).toBe(expected);
  });
});

describe("referencesOf", () => {
  it("lists every fact, decision and flag with its path inside the condition", () => {
    const condition: Condition = {
      all: [{ decision: "motive-status", is: ["hate-confirmed"] }, { not: { any: [{ fact: "severity", is: "high" }, { flag: "vigil", is: "city" }] } }],
    };
    expect(referencesOf(condition)).toEqual([
      { kind: "decision", id: "motive-status", values: ["hate-confirmed"], path: "all[0].decision" },
      { kind: "fact", id: "severity", values: ["high"], path: "all[1].not.any[0].fact" },
      { kind: "flag", id: "vigil", values: ["city"], path: "all[1].not.any[1].flag" },
    ]);
  });
});

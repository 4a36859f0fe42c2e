import { describe, expect, it } from "vitest";
import { computeState, resolveStepRef, validateDecision } from "../src/engine/engine.js";
import { dueTime } from "../src/engine/time.js";
import type { IncidentState } from "../src/engine/types.js";
import type { JournalEvent, NewEvent } from "../src/journal/events.js";
import { BasePlaybook } from "../src/playbook/schema.js";
import type { ResolvedPlaybook } from "../src/playbook/types.js";

const TZ = "Europe/Paris";
const T0 = new Date("2026-05-14T16:30:00Z");
const at = (offset: string) => dueTime(T0, offset, TZ);
const src = "test";

const playbook: ResolvedPlaybook = {
  ...BasePlaybook.parse({
    format: 1,
    id: "test-response",
    title: "Test",
    version: "1.0.0",
    languages: ["en"],
    roles: [{ id: "chief", name: "Chief of staff" }, { id: "comms", name: "Communications" }],
    facts: [{ id: "victims_count", type: "number", label: "Killed" }, { id: "location", type: "text", label: "Where" }],
    phases: [
      {
        id: "prepare", title: "Before", preparedness: true, window: { from: "-30d", to: "0m" },
        steps: [{ kind: "task", id: "prep-contacts", title: "Contacts", owner: "chief", due: "-7d", source: src }],
      },
      {
        id: "immediate", title: "First day", window: { from: "0m", to: "24h" },
        steps: [
          { kind: "task", id: "activate-cell", title: "Activate the cell", owner: "chief", due: "15m", source: src },
          { kind: "task", id: "alert-mayor", title: "Alert the mayor", owner: "chief", due: "30m", source: src },
          { kind: "statement", id: "holding", title: "Holding statement", owner: "comms", due: "1h", source: src, template: "holding-statement", audience: "public", channel: "press" },
          {
            kind: "decision", id: "motive-status", title: "Motive", owner: "chief", due: "6h", source: src, question: "Is the motive confirmed?",
            options: [
              { id: "not-confirmed", label: "No", set: { motive_confirmed: false } },
              { id: "terrorism-confirmed", label: "Terrorism", set: { motive_confirmed: true, motive: "terrorism" }, open: ["national-liaison"], close: ["local-investigation"] },
              { id: "hate-confirmed", label: "Hate", set: { motive_confirmed: true, motive: "hate" } },
            ],
          },
          { kind: "task", id: "local-investigation", title: "Local follow-up", owner: "chief", due: "12h", source: src },
          { kind: "task", id: "national-liaison", title: "Liaise with national lead", owner: "chief", due: "12h", source: src, starts: "closed" },
          { kind: "task", id: "daily-briefing", title: "Briefing", owner: "comms", due: "1h", source: src, repeat: { every: "1d", until: "7d" } },
        ],
      },
      {
        id: "short-term", title: "First week", window: { from: "12h", to: "7d" },
        steps: [
          {
            kind: "decision", id: "targeted-community", title: "Community", owner: "chief", due: "1d", source: src, question: "Was a community targeted?",
            options: [{ id: "identified", label: "Yes", set: { community_targeted: true } }, { id: "not-identified", label: "No", set: { community_targeted: false } }],
          },
          { kind: "task", id: "community-meeting", title: "Meet the community", owner: "chief", due: "2d", source: src, when: { flag: "community_targeted" } },
          { kind: "task", id: "victims-support", title: "Support the families", owner: "chief", due: "3d", source: src, when: { fact: "victims_count" } },
        ],
      },
      { id: "recovery", title: "Recovery", window: { from: "7d", to: "30d" }, steps: [{ kind: "task", id: "memorial", title: "Memorial", owner: "chief", due: "10d", source: src }] },
      { id: "anniversary", title: "A year on", window: { from: "1y", to: "1y1w" }, steps: [] },
    ],
  }),
  hash: "test",
  files: [],
  extendsChain: [],
};

let counter = 0;
function events(...list: (NewEvent | [NewEvent, string])[]): JournalEvent[] {
  return list.map((item) => {
    const [e, when] = Array.isArray(item) ? item : [item, "1h"];
    return { v: 1, id: `E${String(counter++).padStart(6, "0")}`, ...e, at: at(when).toISOString() } as JournalEvent;
  });
}
const ev = <T extends NewEvent["type"]>(type: T, data: Extract<NewEvent, { type: T }>["data"], by = "Anne"): NewEvent =>
  ({ type, data, by, at: "" }) as NewEvent;

const state = (now: string, journal: JournalEvent[] = [], preparedness = false) =>
  computeState({ playbook, t0: T0, timeZone: TZ, events: journal, now: at(now), preparedness });
const step = (s: IncidentState, id: string) => {
  const found = s.steps.find((x) => x.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
};
const summary = (s: IncidentState, id: string) => {
  const x = step(s, id);
  return `${x.state}${x.overdue ? " overdue" : ""}${x.closedBy ? ` (${x.closedBy})` : ""}`;
};

describe("computeState over time", () => {
  const journal = events(
    [ev("incident.opened", { playbook: "test-response", playbookVersion: "1.0.0", playbookHash: "test", t0: T0.toISOString(), city: "Lyon", lang: "en", timeZone: TZ, mode: "live" }), "5m"],
    [ev("task.done", { step: "alert-mayor" }), "20m"],
    [ev("decision.made", { step: "motive-status", option: "terrorism-confirmed", why: "prosecutor" }), "3h"],
    [ev("task.done", { step: "daily-briefing", occurrence: 1 }), "1h"],
    [ev("draft.created", { template: "holding-statement", step: "holding", lang: "en", format: "md", file: "holding-1.md", facts: [], missing: [], findings: 0 }), "50m"],
  );

  it("at T+30m: what is due, what is overdue, what is closed", () => {
    const s = state("30m");
    expect(s.phase).toBe("immediate");
    expect(summary(s, "activate-cell")).toBe("open overdue");
    expect(summary(s, "alert-mayor")).toBe("open"); // due exactly now: not yet late
    expect(step(s, "alert-mayor").due?.toISOString()).toBe("2026-05-14T17:00:00.000Z");
    expect(summary(s, "holding")).toBe("open");
    expect(summary(s, "national-liaison")).toBe("closed (dormant)");
    expect(summary(s, "community-meeting")).toBe("closed (condition)");
    expect(summary(s, "victims-support")).toBe("closed (condition)");
    expect(s.steps.some((x) => x.stepId === "prep-contacts")).toBe(false);
    expect(s.steps.map((x) => x.id).slice(0, 3)).toEqual(["activate-cell", "alert-mayor", "holding"]);
  });

  it("produces one occurrence per period for a repeating task, each with its own due time", () => {
    const occurrences = state("30m").steps.filter((x) => x.stepId === "daily-briefing");
    // every day at 19:30 Paris time from T+1h, up to T+7d
    expect(occurrences.map((x) => [x.id, x.occurrence, x.due?.toISOString()])).toEqual(
      Array.from({ length: 7 }, (_, i) => [`daily-briefing#${i + 1}`, i + 1, new Date(Date.parse("2026-05-14T17:30:00Z") + i * 86_400_000).toISOString()]),
    );
  });

  it("at T+25h: decisions applied, done and drafted steps resolved, late work overdue", () => {
    const s = state("25h", journal);
    expect(s.phase).toBe("short-term");
    expect(summary(s, "activate-cell")).toBe("open overdue");
    expect(summary(s, "alert-mayor")).toBe("done");
    expect(step(s, "alert-mayor").resolution).toEqual({ by: "Anne", at: at("20m").toISOString() });
    expect(summary(s, "holding")).toBe("done");
    expect(step(s, "holding").drafts).toEqual(["holding-1.md"]);
    expect(summary(s, "motive-status")).toBe("decided");
    expect(step(s, "motive-status").decision).toMatchObject({ option: "terrorism-confirmed", why: "prosecutor", by: "Anne" });
    expect(summary(s, "local-investigation")).toBe("closed (decision)");
    expect(summary(s, "national-liaison")).toBe("open overdue");
    expect(summary(s, "daily-briefing#1")).toBe("done");
    expect(summary(s, "daily-briefing#2")).toBe("open"); // due at T+1d1h, exactly now
    expect(summary(s, "targeted-community")).toBe("open overdue");
    expect(summary(s, "victims-support")).toBe("closed (condition)");
    expect(s.flags).toEqual({ motive_confirmed: true, motive: "terrorism" });
  });

  it("at T+8d: a later phase does not hide the earlier phases' overdue work", () => {
    const s = state("8d", journal);
    expect(s.phase).toBe("recovery");
    expect(s.phases.map((p) => [p.id, p.status])).toEqual([
      ["immediate", "past"],
      ["short-term", "past"],
      ["recovery", "current"],
      ["anniversary", "upcoming"],
    ]);
    const overdue = s.steps.filter((x) => x.overdue).map((x) => x.id);
    expect(overdue).toEqual([
      "activate-cell",
      "national-liaison",
      ...[2, 3, 4, 5, 6, 7].map((n) => `daily-briefing#${n}`),
      "targeted-community",
    ]);
    expect(summary(s, "memorial")).toBe("open");
    expect(step(s, "memorial").due?.toISOString()).toBe(at("10d").toISOString());
  });
});

describe("decisions, conditions and facts", () => {
  it("a revisited decision replaces the earlier choice and its effects", () => {
    const s = state(
      "2h",
      events(
        ev("decision.made", { step: "motive-status", option: "terrorism-confirmed", why: "first report" }),
        ev("decision.made", { step: "motive-status", option: "hate-confirmed", why: "prosecutor corrected" }, "Marc"),
      ),
    );
    expect(step(s, "motive-status").decision).toMatchObject({ option: "hate-confirmed", by: "Marc" });
    expect(s.decisions["motive-status"]?.why).toBe("prosecutor corrected");
    expect(summary(s, "local-investigation")).toBe("open");
    expect(summary(s, "national-liaison")).toBe("closed (dormant)");
    expect(s.flags).toEqual({ motive_confirmed: true, motive: "hate" });
  });

  it("a decision opens a dormant step; flags and facts drive `when`", () => {
    const journal = events(
      ev("decision.made", { step: "motive-status", option: "terrorism-confirmed", why: "x" }),
      ev("decision.made", { step: "targeted-community", option: "identified", why: "y" }),
      ev("fact.set", { fact: "victims_count", value: 3 }),
    );
    const s = state("2h", journal);
    expect(summary(s, "national-liaison")).toBe("open");
    expect(summary(s, "community-meeting")).toBe("open");
    expect(summary(s, "victims-support")).toBe("open");
    const changed = state("2h", [...journal, ...events(ev("decision.made", { step: "targeted-community", option: "not-identified", why: "z" }))]);
    expect(summary(changed, "community-meeting")).toBe("closed (condition)");
  });

  it("done, skipped and reopened, per occurrence", () => {
    const s = state(
      "3d",
      events(
        ev("task.done", { step: "daily-briefing", occurrence: 2, note: "short one" }),
        ev("task.skipped", { step: "daily-briefing", occurrence: 3, reason: "mayor away" }),
        ev("task.done", { step: "activate-cell" }),
        ev("task.reopened", { step: "activate-cell", reason: "ticked by mistake" }),
        ev("note.added", { text: "call back", step: "daily-briefing#2" }, "Marc"),
        ev("note.added", { text: "general" }),
      ),
    );
    expect(summary(s, "daily-briefing#1")).toBe("open overdue");
    expect(summary(s, "daily-briefing#2")).toBe("done");
    expect(step(s, "daily-briefing#2").resolution?.note).toBe("short one");
    expect(step(s, "daily-briefing#2").notes).toEqual([{ text: "call back", by: "Marc", at: at("1h").toISOString() }]);
    expect(summary(s, "daily-briefing#3")).toBe("skipped");
    expect(step(s, "daily-briefing#3").resolution?.note).toBe("mayor away");
    expect(summary(s, "activate-cell")).toBe("open overdue");
    expect(s.notes.map((n) => n.text)).toEqual(["call back", "general"]);
  });

  it("tracks facts: set, confirmed, and un-confirmed by a new value", () => {
    const journal = events(
      ev("incident.opened", { playbook: "p", playbookVersion: "1", playbookHash: "h", t0: T0.toISOString(), city: "Lyon", lang: "fr", timeZone: TZ, mode: "live" }),
      ev("fact.set", { fact: "victims_count", value: 2 }, "Anne"),
      ev("fact.confirmed", { fact: "victims_count", by: "Prefecture" }),
      ev("fact.set", { fact: "location", value: "the market", confirmedBy: "Police" }),
    );
    const s = state("2h", journal);
    expect(s.facts.victims_count).toMatchObject({ value: 2, confirmed: true, confirmedBy: "Prefecture", setBy: "Anne" });
    expect(s.facts.location).toMatchObject({ value: "the market", confirmed: true, confirmedBy: "Police" });
    expect(s.facts.city).toMatchObject({ value: "Lyon", confirmed: true });
    expect(s.facts.attack_time).toMatchObject({ value: T0.toISOString(), confirmed: true });
    const later = state("3h", [...journal, ...events(ev("fact.set", { fact: "victims_count", value: 3 }))]);
    expect(later.facts.victims_count).toMatchObject({ value: 3, confirmed: false });
    const same = state("3h", [...journal, ...events(ev("fact.set", { fact: "victims_count", value: 2 }))]);
    expect(same.facts.victims_count?.confirmed).toBe(true);
  });
});

describe("phases", () => {
  it.each([
    ["-2h", null],
    ["0m", "immediate"],
    ["18h", "short-term"], // both windows hold: the later-starting one is current
    ["7d", "recovery"],
    ["40d", "recovery"], // after its window, before the next: the last one begun
    ["1y2d", "anniversary"],
    ["2y", "anniversary"],
  ])("at T%s the current phase is %s", (now, phase) => {
    expect(state(now).phase).toBe(phase);
  });

  it("lists preparedness phases and steps only when asked, without making them current", () => {
    const s = state("-2h", [], true);
    expect(s.phases[0]).toMatchObject({ id: "prepare", status: "current" });
    expect(s.phase).toBeNull();
    expect(summary(s, "prep-contacts")).toBe("open overdue");
  });
});

describe("resolveStepRef and validateDecision", () => {
  const s = state("3d", events(ev("task.done", { step: "daily-briefing", occurrence: 1 }), ev("task.done", { step: "daily-briefing", occurrence: 2 })));

  it("finds steps and occurrences", () => {
    expect(resolveStepRef(s, "alert-mayor", "task").id).toBe("alert-mayor");
    expect(resolveStepRef(s, "daily-briefing", "task").id).toBe("daily-briefing#3");
    expect(resolveStepRef(s, "daily-briefing#5", "task").id).toBe("daily-briefing#5");
    expect(resolveStepRef(s, "motive-status", "any").kind).toBe("decision");
  });

  it("refuses unknown, wrong-kind and closed steps helpfully", () => {
    expect(() => resolveStepRef(s, "alert-mayr", "task")).toThrow(/no task "alert-mayr".*Did you mean "alert-mayor"/);
    expect(() => resolveStepRef(s, "daily-briefing#9", "task")).toThrow(/#1 to #7/);
    expect(() => resolveStepRef(s, "motive-status", "task")).toThrow(/is a decision, not a task/);
    expect(() => resolveStepRef(s, "national-liaison", "task")).toThrow(/closed: it only opens after a decision/);
    expect(() => resolveStepRef(s, "zzz", "task")).toThrowError(expect.objectContaining({ code: "usage", hint: expect.stringContaining("Open now: activate-cell") }));
  });

  it("validates a decision's option", () => {
    expect(validateDecision(playbook, "motive-status", "hate-confirmed").set).toEqual({ motive_confirmed: true, motive: "hate" });
    expect(() => validateDecision(playbook, "motive-status", "hate")).toThrow(/not an option.*Did you mean "hate-confirmed"/);
    expect(() => validateDecision(playbook, "motive-status", "maybe")).toThrowError(expect.objectContaining({ code: "usage", hint: expect.stringContaining("not-confirmed, terrorism-confirmed, hate-confirmed") }));
    expect(() => validateDecision(playbook, "alert-mayor", "yes")).toThrow(/is a task, not a decision/);
    expect(() => validateDecision(playbook, "motive", "yes")).toThrow(/no decision "motive"/);
  });
});

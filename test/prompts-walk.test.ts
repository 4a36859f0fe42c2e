import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { input, select } from "@inquirer/prompts";
import { render } from "@inquirer/testing";
import { computeState } from "../src/engine/engine.js";
import { messages } from "../src/i18n/index.js";
import { appendEvents, readJournal } from "../src/journal/journal.js";
import type { NewEvent } from "../src/journal/events.js";
import { loadPlaybook } from "../src/playbook/load.js";
import type { ResolvedPlaybook } from "../src/playbook/types.js";
import { inquirerTheme, required } from "../src/prompts/prompter.js";
import { decisionChoices, homeChoices, pickChoices, stepChoices } from "../src/prompts/menus.js";
import { homeScreen, nextStep, openSteps, overview, roleShort, sections, shortDue, stepDef, stepScreen, type View } from "../src/prompts/screens.js";
import { askPlaybook, askStart } from "../src/prompts/start.js";
import { runWalk, type WalkSession } from "../src/prompts/walk.js";
import { createWorkspace } from "../src/workspace/workspace.js";
import { ROOT, tempDir } from "./helpers/cli.js";
import { scriptedPrompter } from "./helpers/prompter.js";

const FIXTURE = join(ROOT, "test/fixtures/incident/drill.yaml");
const T0 = new Date("2026-05-14T16:30:00Z"); // 18:30 in Paris
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const msg = messages("en").incident;

async function setup(nowMinutes = 30, lang: "en" | "fr" = "en") {
  const playbook = await loadPlaybook(FIXTURE, { cwd: ROOT });
  const dir = join(tempDir(), "incident");
  await createWorkspace(dir, {
    format: 1,
    id: "test",
    playbook: { id: playbook.id, version: playbook.version, hash: playbook.hash, ref: FIXTURE },
    t0: T0.toISOString(),
    city: "Lyon",
    lang,
    timeZone: "Europe/Paris",
    mode: "live",
    created: T0.toISOString(),
  });
  const opened: NewEvent = {
    type: "incident.opened",
    data: { playbook: "drill", playbookVersion: "1.0.0", playbookHash: playbook.hash, t0: T0.toISOString(), city: "Lyon", lang, timeZone: "Europe/Paris", mode: "live" },
    by: "test",
    at: T0.toISOString(),
  };
  await appendEvents(dir, [opened]);
  const printed: string[] = [];
  const view: View = { playbook, lang, timeZone: "Europe/Paris", city: "Lyon", msg: messages(lang).incident, paint: new Chalk({ level: 0 }), width: 80, dir };
  const now = () => at(nowMinutes);
  const state = async () => computeState({ playbook, t0: T0, timeZone: "Europe/Paris", events: (await readJournal(dir)).events, now: now() });
  const session: WalkSession = {
    view,
    print: (line = "") => printed.push(line),
    refresh: state,
    save: async (events) => void (await appendEvents(dir, events)),
    now,
  };
  return { playbook, dir, session, printed, state, events: async () => (await readJournal(dir)).events };
}

describe("the walk, driven by a scripted prompter", () => {
  it("ticks, puts off, skips with a reason and decides; effects apply at once; everything is in the journal", async () => {
    const { session, printed, state, events } = await setup(30);
    const prompter = scriptedPrompter([
      { input: msg.askName, type: "", refused: ["  "] }, // the default is taken when there is one
      { select: msg.whatNow, pick: /^Next: Open the crisis cell/ },
      { select: msg.whatNow, pick: msg.taskDone },
      { select: msg.whatNow, pick: /^Next: Brief the mayor/ },
      { select: msg.whatNow, pick: /^Later/ },
      { select: msg.whatNow, pick: /^Next: Call the prefecture/ },
      { select: msg.whatNow, pick: /^Skip it/ },
      { input: msg.skipReason, type: "The prefect called us first", refused: ["", "   "] },
      { select: msg.whatNow, pick: msg.chooseStep },
      { select: msg.pickStep, pick: /Motive status/ },
      { select: "Is the motive confirmed?", pick: "Hate confirmed" },
      { input: msg.whoDecides, type: "Prefect Durand", refused: [""] },
      { input: msg.why, type: "Prosecutor's statement at 20:00", refused: [" "] },
      { confirm: /Record "Hate confirmed", decided by Prefect Durand/, answer: true },
      { select: msg.whatNow, pick: msg.saveQuit },
    ]);
    await runWalk(session, prompter, { defaultUser: "Jo Dupont" });
    prompter.finished();

    expect(prompter.refusals).toContain(msg.reasonRequired);
    expect(prompter.refusals).toContain(msg.whoRequired);
    expect(prompter.refusals).toContain(msg.whyRequired);
    const out = printed.join("\n");
    expect(out).toContain('Saved: "Open the crisis cell" is done.');
    expect(out).toContain('Saved: "Call the prefecture" is skipped');
    expect(out).toContain('Saved: decision "Motive status": Hate confirmed.');
    expect(out).toMatch(/Now open:\n\s+Call the community leaders/);
    expect(out).toContain(msg.quitSaved);
    expect(out).toContain(`respond walk --dir ${session.view.dir}`);

    const log = await events();
    expect(log.map((e) => e.type)).toEqual(["incident.opened", "task.done", "task.skipped", "decision.made"]);
    expect(log[1]).toMatchObject({ by: "Jo Dupont", data: { step: "open-cell" } });
    expect(log[2]).toMatchObject({ data: { step: "call-prefecture", reason: "The prefect called us first" } });
    expect(log[3]).toMatchObject({ by: "Prefect Durand", data: { step: "motive-status", option: "hate-confirmed", why: "Prosecutor's statement at 20:00" } });
    const s = await state();
    expect(s.steps.find((x) => x.id === "brief-mayor")?.state).toBe("open");
    expect(s.steps.find((x) => x.id === "community-contact")?.state).toBe("open");
  });

  it("Ctrl-C at a prompt: a cancelled error with the resume command, and what was answered before is on disk", async () => {
    const { session, events } = await setup(30);
    const prompter = scriptedPrompter([
      { select: msg.whatNow, pick: /^Next: Open the crisis cell/ },
      { select: msg.whatNow, pick: msg.taskDone },
      { select: msg.whatNow, pick: /^Next: Brief the mayor/ },
      { cancel: "select", at: msg.whatNow },
    ]);
    const error = await runWalk(session, prompter, { user: "Jo", defaultUser: "Jo" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: "RespondError", code: "cancelled" });
    expect((error as Error).message).toContain("Everything recorded so far is saved");
    expect((error as Error).message).toContain(`respond walk --dir ${session.view.dir}`);
    expect((await events()).map((e) => e.type)).toEqual(["incident.opened", "task.done"]);
  });

  it("a statement is recorded as pending, with the command to draft it", async () => {
    const { session, printed, events } = await setup(30);
    const prompter = scriptedPrompter([
      { select: msg.whatNow, pick: msg.chooseStep },
      { select: msg.pickStep, pick: /First statement/ },
      { select: msg.whatNow, pick: /^Record it as to be drafted/ },
      { select: msg.whatNow, pick: msg.saveQuit },
    ]);
    await runWalk(session, prompter, { user: "Jo", defaultUser: "Jo" });
    prompter.finished();
    expect(printed.join("\n")).toContain(`To draft it: respond draft holding-statement --dir ${session.view.dir}`);
    expect((await events()).at(-1)).toMatchObject({ type: "statement.pending", data: { step: "first-statement", template: "holding-statement" } });
  });

  it("a statement drafted from the walk is saved in drafts/, recorded as draft.created, and the step is done", async () => {
    const { session, printed, events, state } = await setup(30);
    const prompter = scriptedPrompter([
      { select: msg.whatNow, pick: msg.chooseStep },
      { select: msg.pickStep, pick: /First statement/ },
      { select: msg.whatNow, pick: /^Draft it now/ },
      { select: msg.whatNow, pick: msg.saveQuit },
    ]);
    await runWalk(session, prompter, { user: "Jo", defaultUser: "Jo" });
    prompter.finished();
    const file = "drafts/holding-statement-en-20260514-1900.md";
    const last = (await events()).at(-1)!;
    expect(last).toMatchObject({ type: "draft.created", by: "Jo", data: { template: "holding-statement", step: "first-statement", lang: "en", format: "md", file } });
    const path = join(session.view.dir, file);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, "utf8")).toContain("[[to confirm: ");
    const shown = printed.join("\n");
    expect(shown).toContain(`Draft saved: ${path}`);
    expect(shown).toMatch(/\d+ facts are still to confirm/);
    expect(shown).toContain("Still to confirm: ");
    expect((await state()).steps.find((s) => s.id === "first-statement")?.state).toBe("done");
  });

  it("an entry made from another terminal meanwhile is seen, not recorded twice", async () => {
    const { session, printed, events, dir } = await setup(30);
    const other = () => appendEvents(dir, [{ type: "task.done", data: { step: "open-cell" }, by: "Sam (other terminal)", at: at(31).toISOString() }]).then(() => undefined);
    const prompter = scriptedPrompter([
      { select: msg.whatNow, pick: /^Next: Open the crisis cell/ },
      { select: msg.whatNow, pick: msg.noteOnStep, before: other },
      { input: msg.noteText, type: "Room 2.14" },
      { select: msg.whatNow, pick: /^Next: Brief the mayor/ },
      { select: msg.whatNow, pick: msg.backHome },
      { select: msg.whatNow, pick: msg.saveQuit },
    ]);
    await runWalk(session, prompter, { user: "Jo", defaultUser: "Jo" });
    prompter.finished();
    expect(printed.join("\n")).toContain('"Open the crisis cell" was already recorded as done by Sam (other terminal)');
    expect((await events()).filter((e) => e.type === "task.done")).toHaveLength(1);
  });

  it("a scripted prompter refuses a question it does not expect", async () => {
    const { session } = await setup(30);
    const prompter = scriptedPrompter([{ select: msg.whatNow, pick: msg.addNote }]);
    await expect(runWalk(session, prompter, { user: "Jo", defaultUser: "Jo" })).rejects.toThrow(/Unexpected question/);
  });
});

describe("screens", () => {
  it("the home screen fits 80 columns; late work of an earlier phase stays visible, with its owner", async () => {
    const { session, state } = await setup(25 * 60);
    const lines = homeScreen(session.view, await state());
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    const text = lines.join("\n");
    expect(text).toMatch(/^Lyon · T\+1d1h · First days/);
    expect(text).toMatch(/Late \(\d+\)\n  ! Open the crisis cell  \(24h45 late · Crisis lead\)/);
    expect(text).toContain("Daily briefing (no. 1)");
  });

  it("the home screen shows every role with work in the next hours, one line each, with its most urgent step", async () => {
    const playbook = await loadPlaybook("city-response", { cwd: ROOT });
    const view: View = { playbook, lang: "en", timeZone: "Europe/Paris", city: "Lyon", msg, paint: new Chalk({ level: 0 }), width: 80, dir: "/x" };
    for (const minutes of [20, 60, 5 * 60]) {
      const state = computeState({ playbook, t0: T0, timeZone: "Europe/Paris", events: [], now: at(minutes) });
      const lines = homeScreen(view, state);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
      expect(lines.length).toBeLessThanOrEqual(24);
      const soon = sections(state, { horizonHours: 6 }).dueSoon;
      const owners = [...new Set(soon.map((s) => s.owner))];
      expect(owners.length).toBeGreaterThan(3);
      for (const owner of owners) {
        const count = soon.filter((s) => s.owner === owner).length;
        const line = lines.find((l) => l.startsWith(`  ${roleShort(view, owner)} (${count})`));
        expect(line, `${owner} at T+${minutes}m:\n${lines.join("\n")}`).toBeDefined();
      }
    }
    // at T+20m the communications lead has 9 steps due: the holding statement is not hidden behind another role's
    const early = homeScreen(view, computeState({ playbook, t0: T0, timeZone: "Europe/Paris", events: [], now: at(20) })).join("\n");
    expect(early).toMatch(/Next 6 hours, by owner \(\d+\)\n/);
    expect(early).toMatch(/^  Communications \(9\) +- Agree who says what with the \S*… · in 40 min$/m);
  });

  it("in French, roles show by their short names, whole; the role column is as wide as the longest one", async () => {
    const playbook = await loadPlaybook("city-response", { cwd: ROOT });
    const view: View = { playbook, lang: "fr", timeZone: "Europe/Paris", city: "Lyon", msg: messages("fr").incident, paint: new Chalk({ level: 0 }), width: 80, dir: "/x" };
    const lines = homeScreen(view, computeState({ playbook, t0: T0, timeZone: "Europe/Paris", events: [], now: at(20) }));
    const text = lines.join("\n");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(text).toMatch(/^  Cabinet \(3\) +- /m);
    expect(text).toMatch(/^  Communication \(9\) +- /m);
    expect(text).not.toMatch(/Directeur|Responsable de la/);
    const roleRows = lines.slice(lines.findIndex((l) => l.startsWith("Dans les 6 prochaines heures")) + 1, lines.indexOf("", 4));
    const column = Math.max(...roleRows.map((l) => l.slice(2).indexOf(")") + 1));
    for (const row of roleRows) expect(row.slice(2, 2 + column + 2)).toMatch(/^\S.*\) +$/);
    expect(roleRows.some((row) => row.slice(2).startsWith("Victimes et familles (2)"))).toBe(true);
    expect(text).toMatch(/\(dans 11h40 · Cabinet\)/);
  });

  it("a role without a short name shows its name, shortened to 20 characters", async () => {
    const playbook = await loadPlaybook("city-response", { cwd: ROOT });
    const roles = playbook.roles.map((r) => (r.id === "chief-of-staff" ? { id: r.id, name: r.name } : r));
    const view: View = { playbook: { ...playbook, roles }, lang: "fr", timeZone: "Europe/Paris", city: "Lyon", msg: messages("fr").incident, paint: new Chalk({ level: 0 }), width: 80, dir: "/x" };
    expect(roleShort(view, "chief-of-staff")).toBe("Directeur ou direct…");
    expect(roleShort(view, "communications")).toBe("Communication");
    expect(roleShort(view, "nobody")).toBe("nobody");
  });

  it("the home screen caps a long late list with a count, and lists decisions most urgent first", async () => {
    const playbook = await loadPlaybook("city-response", { cwd: ROOT });
    const view: View = { playbook, lang: "en", timeZone: "Europe/Paris", city: "Lyon", msg, paint: new Chalk({ level: 0 }), width: 80, dir: "/x" };
    const state = computeState({ playbook, t0: T0, timeZone: "Europe/Paris", events: [], now: at(25 * 60) });
    const lines = homeScreen(view, state);
    expect(lines.length).toBeLessThanOrEqual(20);
    const late = sections(state, { horizonHours: 6 }).overdue.length;
    const shown = lines.filter((l) => l.startsWith("  ! ")).length;
    expect(shown).toBeGreaterThanOrEqual(2);
    expect(lines).toContain(`    … and ${late - shown} more (respond status lists them all)`);
    const decisions = lines.filter((l) => l.startsWith("  ? "));
    expect(decisions[0]).toMatch(/in 23h00/);
    expect(decisions.at(-1)).toMatch(/in 47h00/);
  });

  it("a decision shows its question, guidance and every option with its guidance", async () => {
    const { session, state } = await setup(30);
    const s = await state();
    const step = s.steps.find((x) => x.id === "motive-status")!;
    const text = stepScreen(session.view, s, step).join("\n");
    expect(text).toContain("Decision: Motive status");
    expect(text).toContain("Only the prosecutor confirms a motive.");
    expect(text).toMatch(/1\. Not confirmed\n  2\. Hate confirmed\n\s+Reach the targeted community at once\./);
  });

  it("speaks French", async () => {
    const { session, state } = await setup(30, "fr");
    const text = overview(session.view, await state()).join("\n");
    expect(text).toContain("Premières heures");
    expect(text).toContain("En retard (1)");
    expect(text).toContain("Ouvrir la cellule de crise");
  });
});

describe("the walk's menus", () => {
  it("every label fits one 80-column line beside inquirer's cursor, in English and French, and a due time is never cut", async () => {
    const playbook = await loadPlaybook("city-response", { cwd: ROOT });
    for (const lang of ["en", "fr"] as const) {
      for (const width of [80, 100]) {
        const view: View = { playbook, lang, timeZone: "Europe/Paris", city: "Lyon", msg: messages(lang).incident, paint: new Chalk({ level: 0 }), width, dir: "/x" };
        const state = computeState({ playbook, t0: T0, timeZone: "Europe/Paris", events: [], now: at(1) });
        const labels: string[] = [];
        labels.push(...homeChoices(view, nextStep(state, new Set())).map((c) => c.name));
        const picks = pickChoices(view, state);
        labels.push(...picks.map((c) => c.name));
        for (const step of openSteps(state)) {
          if (step.kind !== "decision") labels.push(...stepChoices(view, step).map((c) => c.name));
          const def = stepDef(view, step.stepId);
          if (def?.kind === "decision") labels.push(...decisionChoices(view, def).map((c) => c.name));
        }
        expect(picks.length).toBeGreaterThan(50);
        for (const label of labels) expect(`${label} (${label.length + 2} columns)`).toMatch(new RegExp(`\\((\\d|[1-7]\\d|80) columns\\)$`));
        // the title gives way, the due time stays whole
        openSteps(state).forEach((step, i) => {
          if (step.due) expect(picks[i]!.name.endsWith(`  (${shortDue(view, step, state.now)})`), picks[i]!.name).toBe(true);
        });
        expect(picks.some((p) => p.name.includes("…"))).toBe(true);
      }
    }
  });

  it("the French statement actions agree with « la prise de parole »", async () => {
    const { session, state } = await setup(30, "fr");
    const statement = (await state()).steps.find((s) => s.kind === "statement")!;
    const names = stepChoices(session.view, statement).map((c) => c.name);
    expect(names.slice(0, 3)).toEqual(["La rédiger maintenant (enregistrée dans les brouillons)", "La noter comme à rédiger (plus tard)", "Marquer comme faite (déjà publiée)"]);
  });
});

describe("the start questions", () => {
  it("asks facts with the same validators as the answers file", async () => {
    const playbook: ResolvedPlaybook = await loadPlaybook(FIXTURE, { cwd: ROOT });
    const prompter = scriptedPrompter([
      { input: msg.askName, type: "Jo Dupont" },
      { select: msg.askLang, pick: "English" },
      { input: msg.askCity, type: "Lyon", refused: [""] },
      { input: msg.askTimeZone, type: "", refused: ["Mars/Olympus"] },
      { input: /When did the attack happen/, type: "2026-05-14 18:30", refused: ["yesterday", "2026-05-15 18:30"] },
      { input: "Name of the mayor", type: "A. Martin", refused: [" "] }, // the city's own: not asked who confirmed it
      { input: "Where it happened", type: "the market" },
      { input: msg.askConfirmedBy, type: "Police" },
      { confirm: /more facts can be filled in/, answer: true },
      { input: "People killed", type: "2", refused: ["two"] },
      { input: msg.askConfirmedBy, type: "Prefecture" },
      { input: "Date of the vigil", type: "T+2d", refused: ["next week"] },
      { input: msg.askConfirmedBy, type: "" },
      { input: "Names of the victims", type: "" },
      { select: "Severity", pick: "High" },
      { input: msg.askConfirmedBy, type: "" },
    ]);
    const result = await askStart(prompter, playbook, {}, { lang: "en", timeZone: "Europe/Paris", user: "jo", now: at(60) }, () => {});
    prompter.finished();
    expect(result).toMatchObject({ user: "Jo Dupont", lang: "en", city: "Lyon", timeZone: "Europe/Paris" });
    expect(result.t0.toISOString()).toBe(T0.toISOString());
    expect(result.facts).toEqual([
      { id: "mayor_name", value: "A. Martin", confirmedBy: "Jo Dupont" },
      { id: "location", value: "the market", confirmedBy: "Police" },
      { id: "victims_count", value: 2, confirmedBy: "Prefecture" },
      { id: "vigil_date", value: "2026-05-16T16:30:00.000Z" },
      { id: "severity", value: "high" },
    ]);
    expect(prompter.refusals).toContain(msg.futureAttackTime);
    expect(prompter.refusals).toContain(msg.badTimeZone("Mars/Olympus"));
  });
});

describe("the start questions, continued", () => {
  it("--by answers the name question; the city's own facts are confirmed by that name", async () => {
    const playbook: ResolvedPlaybook = await loadPlaybook(FIXTURE, { cwd: ROOT });
    const prompter = scriptedPrompter([
      { input: "Name of the mayor", type: "A. Martin" },
      { input: "Where it happened", type: "the market" },
      { input: msg.askConfirmedBy, type: "" },
      { confirm: /more facts can be filled in/, answer: false },
    ]);
    const known = { user: "Sam Leroy", lang: "en" as const, city: "Lyon", timeZone: "Europe/Paris", t0: T0 };
    const result = await askStart(prompter, playbook, known, { lang: "en", timeZone: "Europe/Paris", user: "jo", now: at(60) }, () => {});
    prompter.finished();
    expect(result.user).toBe("Sam Leroy");
    expect(result.facts).toEqual([
      { id: "mayor_name", value: "A. Martin", confirmedBy: "Sam Leroy" },
      { id: "location", value: "the market" },
    ]);
  });

  it("offers the playbooks by title in the person's language, with their ids, the first as default", async () => {
    const rows = [
      { id: "city-response", title: { en: "City response", fr: "Réponse de la ville" } },
      { id: "heightened-tension", title: { en: "Heightened tension", fr: "Tensions" } },
    ];
    let offered: { message: string; names: string[]; default: unknown } | undefined;
    const prompter = scriptedPrompter([{ select: "Quel plan suivre ?", pick: "Tensions (heightened-tension)" }]);
    const spying = {
      ...prompter,
      select: <V>(q: Parameters<typeof prompter.select<V>>[0]) => {
        offered = { message: q.message, names: q.choices.map((c) => c.name), default: q.default };
        return prompter.select(q);
      },
    };
    expect(await askPlaybook(spying, rows, "fr")).toBe(rows[1]);
    expect(offered).toEqual({ message: "Quel plan suivre ?", names: ["Réponse de la ville (city-response)", "Tensions (heightened-tension)"], default: rows[0] });
  });
});

describe("inquirer's theme", () => {
  const choices = [
    { value: "a", name: "Un" },
    { value: "b", name: "Deux" },
  ];

  it("without colour, no escape codes at all; the key help in French", async () => {
    const { answer, events, getScreen } = await render(select, { message: "Quoi ?", choices, theme: inquirerTheme(new Chalk({ level: 0 }), "fr") });
    const raw = getScreen({ raw: true });
    expect(raw).not.toMatch(/\x1b\[[\d;]*m/); // no colour or style; cursor moves are fine
    expect(raw).toContain("↑↓ se déplacer • ⏎ choisir");
    events.keypress("enter");
    await expect(answer).resolves.toBe("a");
  });

  it("with colour, coloured; the key help in English", async () => {
    const { events, getScreen } = await render(select, { message: "What?", choices, theme: inquirerTheme(new Chalk({ level: 1 }), "en") });
    expect(getScreen({ raw: true })).toMatch(/\x1b\[1m/);
    expect(getScreen()).toContain("↑↓ navigate • ⏎ select");
    events.keypress("enter");
  });
});

describe("our validators on a real inquirer prompt (@inquirer/testing)", () => {
  it("refuses a blank name and accepts a typed one", async () => {
    const { answer, events, getScreen, nextRender } = await render(input, { message: msg.askName, validate: required(msg.nameRequired) });
    expect(getScreen()).toContain(msg.askName);
    events.keypress("enter");
    await nextRender();
    expect(getScreen()).toContain(msg.nameRequired);
    events.type("Jo Dupont");
    events.keypress("enter");
    await expect(answer).resolves.toBe("Jo Dupont");
  });
});

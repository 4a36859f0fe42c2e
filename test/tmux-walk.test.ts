/**
 * The "done when": a person in a real terminal (tmux, 80x24) starts an
 * incident, answers the facts, makes two decisions, ticks three tasks, quits, comes
 * back with `respond walk` and finds exactly what they left; Ctrl-C exits 130 with
 * the resume line and nothing lost. Skipped only where tmux is not installed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, ROOT, runCli, tempDir } from "./helpers/cli.js";

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
const FIXTURE = join(ROOT, "test/fixtures/incident/drill.yaml");
const NOW = "2026-05-14T17:00:00Z"; // T+30m for an attack at 18:30 in Paris
const session = `respond-walk-${process.pid}`;

const tmux = (...args: string[]) => execFileSync("tmux", args, { encoding: "utf8" });
const screen = () => tmux("capture-pane", "-p", "-t", session, "-S", "-");
const visible = () => tmux("capture-pane", "-p", "-t", session);
const keys = (...k: string[]) => void tmux("send-keys", "-t", session, ...k);
const type = (text: string) => void tmux("send-keys", "-t", session, "-l", text);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(pattern: RegExp, timeoutMs = 15_000, read = screen): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const text = read();
    if (pattern.test(text)) return text;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${pattern}. Screen:\n${text}`);
    await pause(50);
  }
}

/**
 * Answers given so far. Inquirer leaves a ✔ line for each answered prompt, so a
 * question is ready when every earlier answer shows its ✔ and a line starting with
 * "? " (the active prompt) matches: no fixed sleeps, no typing into the previous prompt.
 */
let submitted = 0;
const ticks = () => (screen().match(/✔/g) ?? []).length;

async function ready(question: RegExp): Promise<void> {
  const until = Date.now() + 15_000;
  for (;;) {
    const active = visible()
      .split("\n")
      .some((l) => l.startsWith("? ") && question.test(l));
    if (active && ticks() >= submitted) return;
    if (Date.now() > until) throw new Error(`Timed out waiting for the question ${question}. Screen:\n${visible()}`);
    await pause(50);
  }
}

async function answer(question: RegExp, text = ""): Promise<void> {
  await ready(question);
  if (text) type(text);
  keys("Enter");
  submitted++;
}

/** In a select list, move down until the cursor is on the wanted choice, then Enter. */
async function choose(question: RegExp, choice: RegExp): Promise<void> {
  await ready(question);
  for (let i = 0; i < 40; i++) {
    const cursorLine = visible()
      .split("\n")
      .find((l) => l.includes("❯"));
    if (cursorLine && choice.test(cursorLine)) {
      keys("Enter");
      submitted++;
      return;
    }
    keys("Down");
    await pause(60);
  }
  throw new Error(`No choice ${choice} under ${question}. Screen:\n${visible()}`);
}

const whatNow = (choice: RegExp) => choose(/What now\?/, choice);

describe.skipIf(!hasTmux)("the walk in a real terminal (tmux, 80x24)", () => {
  const cwd = tempDir();
  const dir = join(cwd, "inc");
  const respond = `${process.execPath} ${BIN}`;

  afterAll(() => {
    spawnSync("tmux", ["kill-session", "-t", session]);
  });

  it("start, answer facts, two decisions, three ticks, quit; walk again finds it all; Ctrl-C exits 130 with nothing lost", async () => {
    tmux(
      "new-session", "-d", "-s", session, "-x", "80", "-y", "24", "-c", cwd,
      "-e", "RESPOND_USER=Jo Dupont", "-e", "NO_COLOR=1", "-e", "TZ=Europe/Paris",
      // no RESPOND_LANG: the language question is part of the run
      "env -u RESPOND_LANG bash --norc --noprofile",
    );
    keys(`${respond} start ${FIXTURE} --dir inc --now ${NOW}; echo EXIT=$?`, "Enter");

    await answer(/Your name, for the log \(Jo Dupont\)/);
    await choose(/Language of the incident/, /English/);
    await answer(/\? City/, "Lyon");
    await answer(/Time zone of the city \(Europe\/Paris\)/);
    await answer(/When did the attack happen\?/, "2026-05-14 18:30");
    await answer(/Name of the mayor/, "A. Martin"); // the city's own information: no "Who confirmed it?"
    await answer(/Where it happened/, "the Saint-Jean market");
    await answer(/Who confirmed it\?/, "Police");
    await answer(/more facts can be filled in/); // default: not now

    // three tasks, the most urgent first
    await waitFor(/Lyon · T\+0h30 · First hours/);
    for (const task of ["Open the crisis cell", "Brief the mayor", "Call the prefecture"]) {
      await whatNow(new RegExp(`Next: ${task}`));
      await whatNow(/Mark as done/);
      await waitFor(new RegExp(`Saved: "${task}" is done\\.`));
    }

    // two decisions: the next one, and one chosen from the list
    await whatNow(/Next: Motive status/);
    await choose(/Is the motive confirmed\?/, /Hate confirmed/);
    await answer(/Who makes this decision\?/, "Prefect Durand");
    await answer(/Why\?/, "Statement by the prosecutor at 20:00");
    await answer(/Record "Hate confirmed", decided by Prefect Durand\?/);
    await waitFor(/Saved: decision "Motive status": Hate confirmed\.\n\s+Now open:\n\s+Call the community leaders/);

    await whatNow(/Choose another step/);
    await choose(/Which step\?/, /Who leads the vigil/);
    await choose(/Will there be a vigil, and who leads it\?/, /No vigil/);
    await answer(/Who makes this decision\?/, "A. Martin, mayor");
    await answer(/Why\?/, "The families asked for privacy");
    await answer(/Record "No vigil"/);
    await waitFor(/Saved: decision "Who leads the vigil": No vigil\.\n\s+No longer needed:\n\s+Plan the vigil with the police/);

    await whatNow(/Save and quit/);
    const quit = await waitFor(/EXIT=\d+/);
    expect(quit).toContain("Everything you entered is saved.");
    expect(quit).toContain(`To carry on: respond walk --dir ${dir}`);
    expect(quit).toMatch(/EXIT=0/);
    for (const line of quit.split("\n")) expect(line.length).toBeLessThanOrEqual(80);

    const after = await runCli(["status", "--json", "--dir", dir, "--now", "T+30m"]);
    const steps = (JSON.parse(after.stdout) as { steps: { id: string; state: string }[] }).steps;
    const stateOf = (id: string) => steps.find((s) => s.id === id)?.state;
    expect(["open-cell", "brief-mayor", "call-prefecture"].map(stateOf)).toEqual(["done", "done", "done"]);
    expect([stateOf("motive-status"), stateOf("vigil-lead"), stateOf("community-contact"), stateOf("plan-vigil")]).toEqual(["decided", "decided", "open", "closed"]);

    // come back: the home screen shows what was left, and only that
    keys("clear", "Enter");
    await waitFor(/^[^\n]*[$#]$/, 15_000, () => visible().trim()); // only the shell prompt is left
    tmux("clear-history", "-t", session);
    submitted = 0;
    keys(`${respond} walk --dir inc --now ${NOW}; echo EXIT=$?`, "Enter");
    await answer(/Your name, for the log \(Jo Dupont\)/);
    await ready(/What now\?/);
    const home = visible();
    expect(home).toContain("Lyon · T+0h30 · First hours");
    // one line per role with work in the next hours, its most urgent step and when
    expect(home).toMatch(/Next 6 hours, by owner \(2\)\n  Communications \(1\) +» First statement · in 1h30\n  Mayor \(1\) +- Call the community leaders · in 5h30/);
    expect(home).not.toContain("Open the crisis cell");
    expect(home).not.toContain("Motive status");
    expect(home).toMatch(/Next: Statement: First statement|Next: First statement/);

    // one more tick, then Ctrl-C at the next prompt: 130, the resume line, the tick kept
    await whatNow(/Choose another step/);
    await choose(/Which step\?/, /Call the community leaders/);
    await whatNow(/Mark as done/);
    await waitFor(/Saved: "Call the community leaders" is done\./);
    await ready(/What now\?/);
    keys("C-c");
    const stopped = await waitFor(/EXIT=130/);
    expect(stopped).toContain("Stopped. Everything recorded so far is saved.");
    expect(stopped).toContain(`To carry on: respond walk --dir ${dir}`);
    expect(stopped).not.toMatch(/\bat .*\.js:\d+/);

    const final = await runCli(["status", "--json", "--dir", dir, "--now", "T+30m"]);
    const finalSteps = (JSON.parse(final.stdout) as { steps: { id: string; state: string }[] }).steps;
    expect(finalSteps.find((s) => s.id === "community-contact")?.state).toBe("done");
    expect(finalSteps.filter((s) => s.state === "done").map((s) => s.id)).toEqual(["open-cell", "brief-mayor", "call-prefecture", "community-contact"]);
  }, 120_000);

  it("with no playbook named, asks which one, city-response first; --by answers the name; no colour codes with --no-color", async () => {
    tmux("kill-session", "-t", session);
    tmux("new-session", "-d", "-s", session, "-x", "80", "-y", "24", "-c", cwd, "-e", "TZ=Europe/Paris", "-e", "TERM=xterm-256color", "env -u NO_COLOR -u RESPOND_LANG bash --norc --noprofile");
    submitted = 0;
    keys(`${respond} start --dir other --by "Sam Leroy" --no-color; echo EXIT=$?`, "Enter");
    await ready(/Which playbook\?/);
    const menu = tmux("capture-pane", "-p", "-e", "-t", session);
    expect(menu).toMatch(/❯ .*\(city-response\)/);
    expect(menu).toContain("(heightened-tension)");
    for (const line of visible().split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    expect(menu).toContain("↑↓ navigate • ⏎ select");
    expect(menu).not.toMatch(/\x1b\[[\d;]*[1-9][\d;]*m/); // no colour or bold, only resets at most
    keys("Enter");
    submitted++;
    await ready(/Language of the incident/); // not "Your name": --by gave it
    expect(screen()).not.toContain("Your name");
    keys("C-c");
    const stopped = await waitFor(/EXIT=130/);
    expect(stopped).toContain("nothing was created");
  }, 60_000);

  it("walk --by skips the name question and goes straight to the home screen", async () => {
    keys(`clear; ${respond} walk --dir inc --now ${NOW} --by "Sam Leroy"; echo EXIT=$?`, "Enter");
    submitted = 0;
    await ready(/What now\?/);
    expect(screen()).not.toContain("Your name");
    keys("C-c");
    await waitFor(/EXIT=130/);
  }, 60_000);
});

/**
 * Argv to options, table-driven and apart from behaviour: the command table is
 * parsed with an `invoke` that records what would run, so no command runs here.
 */
import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram, runners, type Invocation } from "../src/cli/program.js";

async function parse(argv: string[]): Promise<Invocation> {
  const calls: Invocation[] = [];
  const program = buildProgram("0.0.0-test", async (call) => void calls.push(call));
  program.configureOutput({ writeOut: () => {}, writeErr: () => {} });
  await program.parseAsync(["node", "respond", ...argv]);
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

async function rejects(argv: string[]): Promise<string> {
  const program = buildProgram("0.0.0-test", async () => {
    throw new Error("must not run");
  });
  program.configureOutput({ writeOut: () => {}, writeErr: () => {} });
  const error = await program.parseAsync(["node", "respond", ...argv]).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommanderError);
  return (error as CommanderError).code;
}

describe("argv -> invocation", () => {
  it.each<[string[], Partial<Invocation>]>([
    [["start"], { command: "start", args: [], options: {} }],
    [["start", "my.yaml", "--answers", "a.yaml", "--at", "2026-05-14 18:30", "--tz", "Europe/Paris", "--by", "Jo"], { command: "start", args: ["my.yaml"], options: { answers: "a.yaml", at: "2026-05-14 18:30", tz: "Europe/Paris", by: "Jo" } }],
    [["status", "--role", "communications", "--json", "--dir", "inc"], { command: "status", args: [], options: { role: "communications", json: true, dir: "inc" } }],
    [["walk", "--by", "Jo"], { command: "walk", args: [], options: { by: "Jo" } }],
    [["decide", "motive-status", "not-confirmed", "--why", "No claim", "--by", "Mayor"], { command: "decide", args: ["motive-status", "not-confirmed"], options: { why: "No claim", by: "Mayor" } }],
    [["done", "daily-briefing#2", "--note", "held"], { command: "done", args: ["daily-briefing#2"], options: { note: "held" } }],
    [["skip", "x", "--reason", "n/a"], { command: "skip", args: ["x"], options: { reason: "n/a" } }],
    [["note", "a free note", "--step", "x"], { command: "note", args: ["a free note"], options: { step: "x" } }],
    [["fact", "set", "victims_count", "3", "--confirmed-by", "Prefecture"], { command: "fact", args: ["set", "victims_count", "3"], options: { confirmedBy: "Prefecture" } }],
    [["fact", "confirm", "location", "--by", "Police"], { command: "fact", args: ["confirm", "location"], options: { by: "Police" } }],
    [["fact", "list", "--json"], { command: "fact", args: ["list"], options: { json: true } }],
    [["draft", "holding-statement"], { command: "draft", args: ["holding-statement"], options: { format: "md" } }],
    [["draft", "social-post", "--format", "txt", "--out", "p.txt", "--strict", "--facts", "f.yaml"], { command: "draft", args: ["social-post"], options: { format: "txt", out: "p.txt", strict: true, facts: "f.yaml" } }],
    [["check", "-", "--json"], { command: "check", args: ["-"], options: { json: true } }],
    [["checklist", "--phase", "days", "--role", "mayor", "--format", "html"], { command: "checklist", args: [], options: { phase: "days", role: "mayor", format: "html" } }],
    [["exercise", "drill", "--speed", "10"], { command: "exercise", args: ["drill"], options: { speed: "10" } }],
    [["report", "--kind", "aar"], { command: "report", args: [], options: { kind: "aar", format: "md" } }],
    [["playbooks", "list"], { command: "playbooks", args: ["list"] }],
    [["playbooks", "show", "city-response", "--json"], { command: "playbooks", args: ["show", "city-response"], options: { json: true } }],
    [["playbooks", "validate", "a.yaml", "b.yaml"], { command: "playbooks", args: ["validate", "a.yaml", "b.yaml"] }],
    [["playbooks", "new", "my-city", "--extends", "heightened-tension"], { command: "playbooks", args: ["new", "my-city"], options: { extends: "heightened-tension" } }],
    [["templates", "list"], { command: "templates", args: ["list"] }],
  ])("%j", async (argv, expected) => {
    expect(await parse(argv)).toMatchObject(expected);
  });

  it.each<[string[], Record<string, unknown>]>([
    [["status", "--now", "T+25h"], { now: "T+25h" }],
    [["--now", "T+25h", "status"], { now: "T+25h" }],
    [["status", "--lang", "fr", "--no-color"], { lang: "fr", color: false }],
    [["start", "--no-interactive"], { interactive: false }],
    [["start", "--answers", "a.yaml"], { answers: "a.yaml" }],
  ])("global options %j", async (argv, globals) => {
    expect((await parse(argv)).globals).toMatchObject(globals);
  });

  it("every command module named by the table exists", () => {
    expect(Object.keys(runners).sort()).toEqual(
      ["check", "checklist", "decide", "done", "draft", "exercise", "fact", "note", "playbooks", "report", "skip", "start", "status", "templates", "walk"].sort(),
    );
  });

  it.each<[string[], string]>([
    [["decide", "only-one"], "commander.missingArgument"],
    [["skip", "x"], "commander.missingMandatoryOptionValue"],
    [["fact", "confirm", "x"], "commander.missingMandatoryOptionValue"],
    [["draft", "x", "--format", "pdf"], "commander.invalidArgument"],
    [["status", "--bogus"], "commander.unknownOption"],
    [["nope"], "commander.unknownCommand"],
  ])("refuses %j before anything runs", async (argv, code) => {
    expect(await rejects(argv)).toBe(code);
  });
});

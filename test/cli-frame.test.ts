import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";

describe("the CLI frame (built binary)", () => {
  it("prints its version and exits 0", async () => {
    const r = await runCli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("lists every command of design.md in --help, with an example", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    for (const c of ["start", "status", "walk", "decide", "done", "note", "fact", "draft", "check", "checklist", "exercise", "report", "playbooks", "templates"]) {
      expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, "m"));
    }
    expect(r.stdout).toContain("Example");
  });

  it.each([
    [["--bogus"], 2],
    [["decide"], 2],
    [["draft", "x", "--format", "pdf"], 2],
    [["--lang", "de", "status"], 2],
    [["no-such-command"], 2],
  ])("maps usage errors to exit 2: %j", async (args, code) => {
    const r = await runCli(args);
    expect(r.code).toBe(code);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
  });

  it("each command has --help with an example", async () => {
    for (const c of [["start"], ["status"], ["fact", "set"], ["playbooks", "validate"], ["report"]]) {
      const r = await runCli([...c, "--help"]);
      expect(r.code, c.join(" ")).toBe(0);
      expect(r.stdout, c.join(" ")).toMatch(/Examples?:\n  \$ respond /);
    }
  });
});

describe("output to a closed pipe", () => {
  it("stops quietly when the reader goes away (respond ... | head)", async () => {
    const { spawnSync } = await import("node:child_process");
    const { BIN } = await import("./helpers/cli.js");
    const r = spawnSync("bash", ["-c", `"${process.execPath}" "${BIN}" playbooks show city-response --json | head -c 100 >/dev/null; echo "status=\${PIPESTATUS[0]}"`], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(r.stderr).not.toMatch(/EPIPE|node:events/);
    expect(r.stdout).toContain("status=0");
  });
});

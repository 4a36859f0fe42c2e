/** `respond check` through the built binary: exit codes, positions, stdin, JSON, French, an incident. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./helpers/cli.js";
import { startIncident } from "./helpers/incident.js";

const CLEAN_EN = `Our thoughts are with the victims and their families.
Anyone affected can call the support line on 0800 123 456.
Official information is published on https://www.example-city.gov.
Please rely on official sources and do not share rumours.
`;

const CLEAN_FR = `Nos pensées vont aux victimes et à leurs familles.
Toute personne touchée peut appeler la cellule d'écoute au 0 800 123 456.
Les informations officielles sont publiées sur https://www.ville-exemple.fr.
Fiez-vous aux sources officielles et ne relayez pas les rumeurs.
`;

function write(dir: string, name: string, text: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe("respond check (built binary)", () => {
  it("a clean statement exits 0", async () => {
    const dir = tempDir();
    write(dir, "ok.md", CLEAN_EN);
    const r = await runCli(["check", "ok.md"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ok.md: no findings");
    expect(r.stderr).toContain("No incident folder found");
  });

  it("findings exit 1, each with file:line:col, rule, words, why and suggestion", async () => {
    const dir = tempDir();
    write(dir, "draft.md", `${CLEAN_EN}\nThis terrorist attack shocked us.\n`);
    const r = await runCli(["check", "draft.md"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('draft.md:6:6  motive-unconfirmed  "terrorist"');
    expect(r.stdout).toMatch(/^ {2}Why: .*motive/m);
    expect(r.stdout).toMatch(/^ {2}Suggestion: /m);
    expect(r.stdout).toContain("draft.md: 1 finding (1 to fix)");
  });

  it("reads standard input with -", async () => {
    const r = await runCli(["check", "-"], { input: `${CLEAN_EN}All migrants are to blame.\n` });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('(standard input):5:1  blame-generalisation  "All migrants are"');
  });

  it("a missing file, a folder and a binary file exit 2 with a clear message and no stack", async () => {
    const dir = tempDir();
    write(dir, "image.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    write(dir, "latin1.txt", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    for (const [arg, message] of [
      ["nope.md", "There is no file at nope.md."],
      [".", ". is a folder, not a file."],
      ["image.png", "image.png is not a text file"],
      ["latin1.txt", "latin1.txt is not a text file"],
    ] as const) {
      const r = await runCli(["check", arg], { cwd: dir });
      expect(r.code, arg).toBe(2);
      expect(r.stderr, arg).toContain(message);
      expect(r.stderr, arg).toContain("What to do:");
      expect(r.stderr, arg).not.toMatch(/\bat .*\.js:\d+/);
    }
  });

  it("--json prints { file, findings } and keeps the exit code", async () => {
    const dir = tempDir();
    write(dir, "d.txt", "Hello.\n");
    const r = await runCli(["check", "d.txt", "--json"], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { file: string; findings: Record<string, unknown>[] };
    expect(out.file).toBe("d.txt");
    expect(out.findings).toHaveLength(4);
    expect(Object.keys(out.findings[0]!).sort()).toEqual(["col", "line", "rule", "severity", "suggestion", "text", "why"]);
    expect(out.findings.every((f) => f.rule === "missing-essentials" && f.line === 1 && f.col === 1)).toBe(true);
    expect(r.stderr).toBe("");
    const clean = await runCli(["check", "-", "--json"], { input: CLEAN_EN });
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ file: "-", findings: [] });
  });

  it("writes a long --json report to a pipe in full before exiting", async () => {
    const dir = tempDir();
    write(dir, "long.txt", `${CLEAN_EN}${"Terrorism.\n".repeat(600)}`);
    const r = await runCli(["check", "long.txt", "--json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.length).toBeGreaterThan(128 * 1024);
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings).toHaveLength(600);
  });

  it("speaks French with --lang fr, rules and messages alike", async () => {
    const clean = await runCli(["check", "-", "--lang", "fr"], { input: `L'attentat a frappé notre ville.\n${CLEAN_FR}` });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain("(entrée standard) : aucune remarque");
    const r = await runCli(["check", "-", "--lang", "fr"], { input: `${CLEAN_FR}Cet attentat terroriste nous bouleverse.\n` });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('(entrée standard):5:14  motive-unconfirmed  "terroriste"');
    expect(r.stdout).toContain("Pourquoi : La déclaration avance un mobile");
    expect(r.stdout).toContain("1 remarque (1 à corriger)");
  });

  it("with an incident, takes the perpetrator's name and the motive decision from it", async () => {
    const { cwd, dir, run } = await startIncident({
      playbook: "city-response",
      answers: [
        "facts:",
        "  mayor_name: A. Martin",
        "  location: the Riverside market",
        "  incident_summary: a knife attack",
        "  support_line: 0800 123 456",
        "  info_url: https://www.example-city.gov",
        "  perpetrator_name: Daniel Kessler",
        "",
      ].join("\n"),
      // the time and place as flags this time, not in the answers file
      args: ["--at", "2026-05-14T14:00:00Z", "--city", "Lyon", "--tz", "Europe/Paris"],
      now: "2026-05-14T15:00:00Z",
    });
    write(cwd, "s.md", `${CLEAN_EN}Kessler acted alone. Terrorism will not win.\n`);

    const before = await run("check", "s.md", "--json");
    expect(before.code).toBe(1);
    const rules = (r: typeof before) => (JSON.parse(r.stdout) as { findings: { rule: string; text: string }[] }).findings.map((f) => `${f.rule} ${f.text}`);
    expect(rules(before)).toEqual(["perpetrator-name Kessler", "motive-unconfirmed Terrorism"]);

    const decided = await run("decide", "motive-status", "terrorism-confirmed", "--why", "Prosecutor's statement", "--by", "Chief of staff");
    expect(decided.code, decided.stderr).toBe(0);
    // found from the current folder this time, without --dir
    const after = await runCli(["check", join(cwd, "s.md"), "--json"], { cwd: dir });
    expect(rules(after)).toEqual(["perpetrator-name Kessler"]);
  });
});

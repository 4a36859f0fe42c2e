/**
 * Nothing acknowledged is lost when a writer is killed (kill -9) in the middle of
 * appending: real processes, bundled from the real journal code, killed at random.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readJournal } from "../src/journal/journal.js";
import { bundleScript } from "./helpers/bundle.js";
import { ROOT, tempDir } from "./helpers/cli.js";

const WRITER = `
import { appendEvents } from ${JSON.stringify(join(ROOT, "src/journal/journal.ts"))};
const dir = process.argv[2];
const filler = "x".repeat(4000);
for (let n = 0; ; n++) {
  const size = 1 + (n % 4);
  const batch = Array.from({ length: size }, (_, i) => ({
    type: "note.added", by: "writer-" + process.pid, at: new Date().toISOString(), data: { text: n + "." + i + " " + filler },
  }));
  const written = await appendEvents(dir, batch);
  // acknowledged only once appendEvents has resolved: the entries are on disk
  process.stdout.write(written.map((e) => e.id).join("\\n") + "\\n");
}
`;

let script: string;

beforeAll(async () => {
  script = await bundleScript("kill-writer", WRITER);
});

/** Run a writer, kill -9 it after `ms`, return the ids it acknowledged (whole lines only). */
function runAndKill(dir: string, ms: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dir], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    const timer = setTimeout(() => child.kill("SIGKILL"), ms);
    child.on("close", (_code, signal) => {
      clearTimeout(timer);
      if (signal !== "SIGKILL") return reject(new Error(`writer stopped on its own: ${err}`));
      resolve(out.split("\n").slice(0, -1));
    });
  });
}

describe("journal under kill -9", () => {
  it("keeps every acknowledged entry, whatever moment the writers are killed", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "journal.jsonl"), "", { mode: 0o600 });
    const acknowledged: string[] = [];
    for (let round = 0; round < 6; round++) {
      // two writers at once, so the lock (and taking over a dead writer's lock) is exercised too
      const ids = await Promise.all([runAndKill(dir, 150 + Math.random() * 350), runAndKill(dir, 150 + Math.random() * 350)]);
      acknowledged.push(...ids.flat());
    }
    expect(acknowledged.length).toBeGreaterThan(20);
    const { events, problems } = await readJournal(dir);
    const present = new Set(events.map((e) => e.id));
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    expect(problems.filter((p) => p.kind !== "torn-tail")).toEqual([]);
    expect(problems.length).toBeLessThanOrEqual(1);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  }, 60_000);
});

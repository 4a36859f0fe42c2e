/**
 * Two writers must never hold the journal lock at once, even while a dead writer's
 * lock is being taken over by several waiters at the same moment. Real processes,
 * bundled from the real lock code, each proving its hold with an O_EXCL marker file.
 */
import { spawn, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleScript } from "./helpers/bundle.js";
import { ROOT, tempDir } from "./helpers/cli.js";

const WORKER = `
import { closeSync, constants, linkSync, openSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { acquireLock } from ${JSON.stringify(join(ROOT, "src/journal/lock.ts"))};
const [dir, deadPid, rounds] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const marker = join(dir, "held-by-someone");
for (let n = 0; n < rounds; n++) {
  if (n % 2 === 0) {
    // leave a lock as a writer killed mid-append would: its owner is dead
    const planted = join(dir, "planted-" + process.pid + "-" + n);
    writeFileSync(planted, JSON.stringify({ pid: deadPid, host: hostname(), id: "dead-" + process.pid + "-" + n }));
    try { linkSync(planted, join(dir, "journal.lock")); } catch {}
    unlinkSync(planted);
  }
  const lock = await acquireLock(dir, undefined, 400);
  let fd;
  try {
    fd = openSync(marker, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY);
  } catch {
    process.stdout.write("VIOLATION\\n");
    process.exit(3);
  }
  for (let i = 0; i < 20000; i++) Math.sqrt(i);
  closeSync(fd);
  unlinkSync(marker);
  lock.release();
}
process.stdout.write("ok\\n");
`;

let script: string;

beforeAll(async () => {
  script = await bundleScript("lock-race-worker", WORKER);
});

function worker(dir: string, deadPid: number, rounds: number): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dir, String(deadPid), String(rounds)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

describe("journal lock under contention", () => {
  it("never lets two writers hold it, while dead writers' locks are taken over", async () => {
    const dir = tempDir();
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid!;
    const results = await Promise.all([1, 2, 3, 4].map(() => worker(dir, deadPid, 300)));
    for (const r of results) {
      expect(r.out + r.err).not.toContain("VIOLATION");
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
    }
    // nothing left behind: no lock, no break lock, no marker
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});

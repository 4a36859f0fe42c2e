import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appendEvents, readJournal } from "../src/journal/journal.js";
import { tempDir } from "./helpers/cli.js";
import { note } from "./helpers/journal.js";

const lockPath = (dir: string) => join(dir, "journal.lock");
const hold = (dir: string, owner: object) => writeFileSync(lockPath(dir), JSON.stringify(owner));
/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

describe("journal lock", () => {
  it("is released after each append", async () => {
    const dir = tempDir();
    await appendEvents(dir, [note("one")]);
    expect(existsSync(lockPath(dir))).toBe(false);
    expect(readdirSync(dir)).toEqual(["journal.jsonl"]);
  });

  it("makes a second writer wait while the first holds it", async () => {
    const dir = tempDir();
    hold(dir, { pid: process.pid, host: hostname() });
    setTimeout(() => unlinkSync(lockPath(dir)), 300);
    const written = await appendEvents(dir, [note("waited")]);
    expect(written).toHaveLength(1);
    expect((await readJournal(dir)).events).toHaveLength(1);
  });

  it("refuses clearly when the lock stays held, naming who holds it", async () => {
    const dir = tempDir();
    hold(dir, { pid: process.pid, host: hostname(), at: "2026-05-14T16:45:00.000Z" });
    const error = await appendEvents(dir, [note("refused")]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "locked" });
    expect((error as Error).message).toContain(`process ${process.pid} on ${hostname()}`);
    expect((error as { hint: string }).hint).toContain(lockPath(dir));
    // nothing written, and the other writer's lock is left alone
    expect(existsSync(join(dir, "journal.jsonl"))).toBe(false);
    expect(existsSync(lockPath(dir))).toBe(true);
  }, 10_000);

  it("takes over a lock left by a process that died on this machine", async () => {
    const dir = tempDir();
    hold(dir, { pid: deadPid(), host: hostname() });
    await appendEvents(dir, [note("after a crash")]);
    expect((await readJournal(dir)).events).toHaveLength(1);
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it("does not take over a lock from another machine it cannot check", async () => {
    const dir = tempDir();
    hold(dir, { pid: deadPid(), host: "another-computer" });
    await expect(appendEvents(dir, [note("refused")])).rejects.toMatchObject({ code: "locked", message: expect.stringContaining("another-computer") });
  }, 10_000);
});

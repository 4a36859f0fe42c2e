/**
 * One writer at a time: an exclusive lock file beside the journal.
 *
 * Chosen over one-journal-per-writer because a single file keeps one order and one
 * hash chain, and writes are short (milliseconds), so a second writer simply waits.
 * The lock is created complete (written to a private file, then hard-linked into
 * place, which fails if the lock exists), so it is never seen half-written. A lock left
 * by a process that died on this machine is taken over; a live one, or one from
 * another machine (a shared folder), is waited for, then reported.
 *
 * Taking over is the delicate part: two waiters may both find the same dead owner,
 * and the slower one must not then delete the lock the faster one has just taken.
 * So a takeover happens only under a second, short-lived lock (`journal.lock.break`),
 * and only if the lock file still holds the very lock found dead (each lock carries
 * a random id). Releasing removes the lock only if it is still ours, and never throws:
 * by then the entry is on disk, and the person must not be told otherwise.
 */
import { closeSync, linkSync, openSync, readFileSync, unlinkSync, writeSync, constants } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { RespondError } from "../errors.js";

const LOCK_FILE = "journal.lock";
const RETRY_MS = 50;
/** ~3 seconds: far longer than any append, short enough for a person waiting. */
const RETRIES = 60;

export interface LockOwner {
  pid: number;
  host: string;
  /** random, unique to this taking of the lock */
  id?: string;
  /** when the lock was taken, when the taker knew the time */
  at?: string;
}

export interface Lock {
  release(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, "utf8")) as LockOwner;
    return typeof owner.pid === "number" && typeof owner.host === "string" ? owner : undefined;
  } catch {
    return undefined;
  }
}

const sameLock = (a: LockOwner | undefined, b: LockOwner): boolean => a !== undefined && a.pid === b.pid && a.host === b.host && a.id === b.id;

/** Its owner died on this machine: nothing is being written under it. */
const isDead = (owner: LockOwner | undefined, host: string): owner is LockOwner => owner !== undefined && owner.host === host && !isAlive(owner.pid);

function removeIfStill(path: string, owner: LockOwner): void {
  try {
    if (sameLock(readOwner(path), owner)) unlinkSync(path);
  } catch {
    // already gone
  }
}

/**
 * Remove `path` if it still holds `stale`, under the break lock so that no other
 * waiter is removing or re-taking it at the same moment. A break lock whose own
 * owner died (killed within this microsecond-long step) is cleared the same way.
 */
function takeOver(path: string, stale: LockOwner, me: LockOwner): boolean {
  const breakPath = `${path}.break`;
  const breaker: LockOwner = { ...me, id: randomBytes(8).toString("hex") };
  if (!tryCreate(breakPath, breaker)) {
    const other = readOwner(breakPath);
    if (isDead(other, me.host)) removeIfStill(breakPath, other);
    return false;
  }
  try {
    removeIfStill(path, stale);
    return true;
  } finally {
    removeIfStill(breakPath, breaker);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function tryCreate(path: string, owner: LockOwner): boolean {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
  const fd = openSync(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
  try {
    writeSync(fd, JSON.stringify(owner));
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function describeOwner(owner: LockOwner | undefined): string {
  if (!owner) return "another respond command";
  const since = owner.at ? `, since ${owner.at}` : "";
  return `another respond command (process ${owner.pid} on ${owner.host}${since})`;
}

/** Take the journal lock of `dir`, waiting ~3 s; RespondError("locked") if it stays held. */
export async function acquireLock(dir: string, at?: string, retries = RETRIES): Promise<Lock> {
  const path = join(dir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), id: randomBytes(8).toString("hex"), ...(at ? { at } : {}) };
  let owner: LockOwner | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      if (tryCreate(path, me)) return { release: () => removeIfStill(path, me) };
      owner = readOwner(path);
      // taken over: try again at once; another waiter is taking it over: wait a little
      if (isDead(owner, me.host) && takeOver(path, owner, me)) continue;
    } catch (error) {
      throw new RespondError("io", `The journal in ${dir} could not be locked for writing (${(error as Error).message}).`, {
        hint: "Check that the folder exists and that you may write in it.",
        cause: error,
      });
    }
    if (attempt >= retries) break;
    await sleep(RETRY_MS);
  }
  throw new RespondError("locked", `The journal is being written by ${describeOwner(owner)}; nothing was saved this time.`, {
    hint: `Wait for the other command to finish, then try again. If no other respond is running, delete ${path}.`,
  });
}

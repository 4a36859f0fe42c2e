/**
 * The journal store: append-only, one write per batch, flushed before success.
 *
 * Appending: under the lock (lock.ts), the file opened O_APPEND, a torn tail set
 * aside first (tail.ts), every line of the batch written by ONE write, then fdatasync.
 * A short or failed write is cut back off, so the journal never keeps half a batch.
 *
 * Reading never stops at damage: each problem is reported with its line number and
 * the readable events around it are still returned.
 */
import { closeSync, constants, fdatasyncSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from "node:fs";
import { basename, join } from "node:path";
import { isRespondError, RespondError } from "../errors.js";
import type { JournalEvent, NewEvent } from "./events.js";
import { buildLine, GENESIS, lineHash, parseLine } from "./line.js";
import { acquireLock } from "./lock.js";
import { isWholeLine, readTail, setAside, tornStart } from "./tail.js";

export const JOURNAL_FILE = "journal.jsonl";

export interface JournalProblem {
  kind: "torn-tail" | "corrupt-line" | "broken-chain" | "unknown-version";
  /** 1-based line number in journal.jsonl */
  line: number;
  message: string;
  /** the line as found, when it is not used */
  text?: string;
}

export interface AppendOptions {
  /** the write call, replaceable so tests can simulate a full disk */
  write?: (fd: number, buf: Buffer) => number;
}

const notSaved = (dir: string, why: string, cause?: unknown) =>
  new RespondError("io", `This entry was NOT saved: ${why}. The journal is unchanged.`, {
    hint: `Check free disk space and the folder ${dir}, then do it again.`,
    cause,
  });

export async function appendEvents(dir: string, events: NewEvent[], options: AppendOptions = {}): Promise<JournalEvent[]> {
  if (events.length === 0) return [];
  const write = options.write ?? ((fd: number, buf: Buffer) => writeSync(fd, buf));
  const lock = await acquireLock(dir, events[0]?.at);
  let fd: number | undefined;
  try {
    try {
      fd = openSync(join(dir, JOURNAL_FILE), constants.O_RDWR | constants.O_APPEND | constants.O_CREAT, 0o600);
    } catch (error) {
      throw notSaved(dir, `the journal could not be opened (${(error as Error).message})`, error);
    }
    let tail = readTail(fd);
    const torn = tornStart(tail);
    if (torn !== undefined) {
      // a line cut short earlier: keep it aside so this batch starts on a fresh line
      setAside(dir, fd, torn);
      tail = readTail(fd);
    }
    let prev = tail.lastLine === undefined ? GENESIS : lineHash(tail.lastLine);
    const written: JournalEvent[] = [];
    let text = "";
    for (const event of events) {
      const line = buildLine(event, prev);
      prev = lineHash(line.text);
      text += `${line.text}\n`;
      written.push(line.event);
    }
    const buf = Buffer.from(text, "utf8");
    let count: number;
    try {
      count = write(fd, buf);
      if (count === buf.length) fdatasyncSync(fd);
    } catch (error) {
      rollBack(fd, tail.size);
      throw notSaved(dir, `the disk refused it (${(error as Error).message})`, error);
    }
    if (count !== buf.length) {
      rollBack(fd, tail.size);
      throw notSaved(dir, `only ${count} of ${buf.length} bytes could be written (is the disk full?)`);
    }
    return written;
  } finally {
    if (fd !== undefined) closeSync(fd);
    lock.release();
  }
}

function rollBack(fd: number, size: number): void {
  try {
    ftruncateSync(fd, size);
    fsyncSync(fd);
  } catch {
    // nothing more can be done; the reader will set the torn part aside
  }
}

export function readJournal(dir: string): Promise<{ events: JournalEvent[]; problems: JournalProblem[] }> {
  return read(dir, false);
}

async function read(dir: string, retried: boolean): Promise<{ events: JournalEvent[]; problems: JournalProblem[] }> {
  const path = join(dir, JOURNAL_FILE);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new RespondError("io", `The journal ${path} could not be read (${(error as Error).message}).`, {
      hint: "Check that this is an incident folder made by `respond start`.",
      cause: error,
    });
  }
  const lines = text.split("\n");
  // after the last newline: empty, or a torn line
  const rest = lines.pop() ?? "";
  const problems: JournalProblem[] = [];
  let torn: { line: number; text: string } | undefined;
  if (rest !== "") torn = { line: lines.length + 1, text: rest };
  else if (lines.length > 0 && !isWholeLine(lines[lines.length - 1]!)) {
    torn = { line: lines.length, text: lines.pop()! };
  }
  if (torn) {
    const problem = await setAsideTorn(dir, torn);
    if (problem) problems.push(problem);
    else if (!retried) return read(dir, true);
  }

  const events: JournalEvent[] = [];
  let prevText: string | undefined;
  let prevBad = false;
  lines.forEach((line, index) => {
    const number = index + 1;
    const parsed = parseLine(line);
    if (!parsed.ok) {
      const kind = parsed.reason === "version" ? "unknown-version" : "corrupt-line";
      problems.push({ kind, line: number, message: `line ${number}: ${parsed.message}; this entry is not used`, text: line });
    } else {
      const expected = prevText === undefined ? GENESIS : lineHash(prevText);
      if (parsed.prev !== expected && !prevBad) {
        const message =
          number === 1
            ? "line 1 is not the first entry ever written: lines were removed from the start of the journal"
            : `the chain of entries breaks between line ${number - 1} and line ${number}: line ${number - 1} was changed, or lines were removed or inserted here`;
        problems.push({ kind: "broken-chain", line: number, message });
      }
      events.push(parsed.event);
    }
    prevText = line;
    prevBad = !parsed.ok;
  });
  return { events, problems: problems.sort((a, b) => a.line - b.line) };
}

/**
 * Set the torn tail aside, under the lock: what looked torn may be another command's
 * write in flight, which the lock waits out. Returns undefined when the tail turned
 * out sound (the journal must then be read again).
 */
async function setAsideTorn(dir: string, torn: { line: number; text: string }): Promise<JournalProblem | undefined> {
  const cut = `line ${torn.line} is incomplete (respond was probably stopped while writing it)`;
  let lock;
  try {
    lock = await acquireLock(dir);
  } catch (error) {
    const why = isRespondError(error) && error.code === "locked" ? "another command is writing" : "the folder cannot be written";
    return { kind: "torn-tail", line: torn.line, message: `${cut}; it is not used, and was left in place because ${why}`, text: torn.text };
  }
  let fd: number | undefined;
  try {
    fd = openSync(join(dir, JOURNAL_FILE), constants.O_RDWR);
    const from = tornStart(readTail(fd));
    if (from === undefined) return undefined;
    const aside = basename(setAside(dir, fd, from));
    return { kind: "torn-tail", line: torn.line, message: `${cut}; it was set aside in ${aside} and the journal goes on without it`, text: torn.text };
  } catch (error) {
    // a read-only folder, say: reading must still work, so leave the line where it is
    return { kind: "torn-tail", line: torn.line, message: `${cut}; it is not used, and could not be set aside (${(error as Error).message})`, text: torn.text };
  } finally {
    if (fd !== undefined) closeSync(fd);
    lock.release();
  }
}

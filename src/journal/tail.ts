/**
 * The end of the journal: its last complete line (for the hash chain) and a torn
 * tail (a line cut short when a process was stopped mid-write, or a disk that lost
 * the end of a write), which is moved to a file beside the journal, never deleted.
 */
import { closeSync, constants, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from "node:fs";
import { join } from "node:path";

const CHUNK = 64 * 1024;
const NEWLINE = 0x0a;

/** Bytes [start, end) of an open file. */
function readRange(fd: number, start: number, end: number): Buffer {
  const buf = Buffer.alloc(end - start);
  let done = 0;
  while (done < buf.length) {
    const n = readSync(fd, buf, done, buf.length - done, start + done);
    if (n === 0) break;
    done += n;
  }
  return buf.subarray(0, done);
}

/** Offset just after the last newline before `end`, reading backwards in chunks (0 if none). */
function lineStartBefore(fd: number, end: number): number {
  let pos = end;
  while (pos > 0) {
    const start = Math.max(0, pos - CHUNK);
    const at = readRange(fd, start, pos).lastIndexOf(NEWLINE);
    if (at >= 0) return start + at + 1;
    pos = start;
  }
  return 0;
}

export interface Tail {
  size: number;
  /** the last line ending with a newline, without it; undefined for an empty journal */
  lastLine: string | undefined;
  /** offset where that line begins */
  lastLineAt: number;
  /** offset where bytes after the last newline begin (== size when there are none) */
  tornAt: number;
}

export function readTail(fd: number): Tail {
  const size = fstatSync(fd).size;
  const tornAt = lineStartBefore(fd, size);
  if (tornAt === 0) return { size, lastLine: undefined, lastLineAt: 0, tornAt };
  const lastLineAt = lineStartBefore(fd, tornAt - 1);
  return { size, lastLine: readRange(fd, lastLineAt, tornAt - 1).toString("utf8"), lastLineAt, tornAt };
}

/** Every line respond writes is JSON: one that is not can only be what is left of a cut write. */
export function isWholeLine(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where the torn tail begins, or undefined when the end is sound: bytes after the
 * last newline, or else a last line that is not JSON. The reader and the appender
 * both go by this, so they set aside the same thing.
 */
export function tornStart(tail: Tail): number | undefined {
  if (tail.tornAt < tail.size) return tail.tornAt;
  if (tail.lastLine === undefined || isWholeLine(tail.lastLine)) return undefined;
  return tail.lastLineAt;
}

/** `journal.torn-20260514T183012Z.jsonl`, named after when the damaged write happened. */
function tornName(dir: string, mtime: Date, attempt: number): string {
  const stamp = mtime.toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
  return join(dir, `journal.torn-${stamp}${attempt ? `-${attempt + 1}` : ""}.jsonl`);
}

/**
 * Move bytes [from, end) of the journal open as `fd` into a new file beside it, then
 * cut them from the journal. The copy is on disk before the cut. Returns its path.
 * The caller holds the journal lock.
 */
export function setAside(dir: string, fd: number, from: number): string {
  const stat = fstatSync(fd);
  const bytes = readRange(fd, from, stat.size);
  for (let attempt = 0; ; attempt++) {
    const path = tornName(dir, stat.mtime, attempt);
    let out: number;
    try {
      out = openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST" && attempt < 100) continue;
      throw error;
    }
    try {
      writeSync(out, bytes);
      fsyncSync(out);
    } finally {
      closeSync(out);
    }
    ftruncateSync(fd, from);
    fsyncSync(fd);
    return path;
  }
}

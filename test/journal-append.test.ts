import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isRespondError } from "../src/errors.js";
import { appendEvents, readJournal } from "../src/journal/journal.js";
import { GENESIS, lineHash } from "../src/journal/line.js";
import { tempDir } from "./helpers/cli.js";
import { AT, done, note } from "./helpers/journal.js";

const journalLines = (dir: string) => readFileSync(join(dir, "journal.jsonl"), "utf8").split("\n").slice(0, -1);

describe("appendEvents", () => {
  it("writes one versioned, checksummed, chained line per event", async () => {
    const dir = tempDir();
    const first = await appendEvents(dir, [note("one")]);
    const more = await appendEvents(dir, [note("two"), done("brief-mayor")]);
    const lines = journalLines(dir);
    expect(lines).toHaveLength(3);
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records[0]).toMatchObject({ v: 1, at: AT, by: "tester", type: "note.added", data: { text: "one" }, prev: GENESIS });
    expect(records[1]!.prev).toBe(lineHash(lines[0]!));
    expect(records[2]!.prev).toBe(lineHash(lines[1]!));
    for (const r of records) expect(r.crc).toMatch(/^[0-9a-f]{8}$/);
    // the crc is the last key, so the line's content before it is what it protects
    expect(lines[0]).toMatch(/,"crc":"[0-9a-f]{8}"}$/);
    expect(first[0]!.id).toBe(records[0]!.id);
    expect(more.map((e) => e.id)).toEqual([records[1]!.id, records[2]!.id]);
    expect((statSync(join(dir, "journal.jsonl")).mode & 0o777).toString(8)).toBe("600");
    const read = await readJournal(dir);
    expect(read.problems).toEqual([]);
    expect(read.events.map((e) => e.id)).toEqual(records.map((r) => r.id));
    expect(read.events[2]).toEqual({ v: 1, id: records[2]!.id, at: AT, by: "tester", type: "task.done", data: { step: "brief-mayor" } });
  });

  it("gives unique, time-sortable ids", async () => {
    const dir = tempDir();
    const early = await appendEvents(dir, Array.from({ length: 50 }, () => note("x", "2026-05-14T16:45:00.000Z")));
    const late = await appendEvents(dir, [note("y", "2026-05-14T16:46:00.000Z")]);
    const ids = [...early, ...late].map((e) => e.id);
    expect(new Set(ids).size).toBe(51);
    expect(early.every((e) => e.id < late[0]!.id)).toBe(true);
  });

  it("writes a whole batch with a single write call", async () => {
    const dir = tempDir();
    let calls = 0;
    await appendEvents(dir, [note("a"), note("b"), note("c")], {
      write: (fd, buf) => {
        calls++;
        return writeSync(fd, buf);
      },
    });
    expect(calls).toBe(1);
    expect(journalLines(dir)).toHaveLength(3);
  });

  it("rolls back a short write and says plainly that nothing was saved", async () => {
    const dir = tempDir();
    await appendEvents(dir, [note("kept")]);
    const before = readFileSync(join(dir, "journal.jsonl"));
    const error = await appendEvents(dir, [note("lost"), note("lost too")], {
      write: (fd, buf) => writeSync(fd, buf, 0, 30),
    }).catch((e: unknown) => e);
    expect(isRespondError(error)).toBe(true);
    expect((error as { code: string }).code).toBe("io");
    expect((error as Error).message).toContain("NOT saved");
    expect(readFileSync(join(dir, "journal.jsonl"))).toEqual(before);
    // and the journal still chains cleanly afterwards
    await appendEvents(dir, [note("after")]);
    const read = await readJournal(dir);
    expect(read.problems).toEqual([]);
    expect(read.events.map((e) => (e.data as { text: string }).text)).toEqual(["kept", "after"]);
  });

  it("rolls back a write the disk refuses", async () => {
    const dir = tempDir();
    await appendEvents(dir, [note("kept")]);
    const error = await appendEvents(dir, [note("lost")], {
      write: (fd, buf) => {
        writeSync(fd, buf, 0, 10);
        throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
      },
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/NOT saved.*no space left/);
    expect(journalLines(dir)).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual(["journal.jsonl"]);
  });

  it("sets a torn tail aside before appending, so the new line starts clean", async () => {
    const dir = tempDir();
    await appendEvents(dir, [note("kept")]);
    const path = join(dir, "journal.jsonl");
    writeFileSync(path, readFileSync(path, "utf8") + '{"v":1,"id":"cut');
    await appendEvents(dir, [note("next")]);
    const read = await readJournal(dir);
    expect(read.problems).toEqual([]);
    expect(read.events).toHaveLength(2);
    const torn = readdirSync(dir).filter((f) => f.startsWith("journal.torn-"));
    expect(torn).toHaveLength(1);
    expect(readFileSync(join(dir, torn[0]!), "utf8")).toBe('{"v":1,"id":"cut');
  });

  it("sets aside an unreadable last line too, as the reader does, and chains on the line before it", async () => {
    const dir = tempDir();
    await appendEvents(dir, [note("kept")]);
    const path = join(dir, "journal.jsonl");
    writeFileSync(path, readFileSync(path, "utf8") + "\u0000\u0000\u0000\n");
    await appendEvents(dir, [note("next")]);
    const read = await readJournal(dir);
    expect(read.problems).toEqual([]);
    expect(read.events.map((e) => (e.data as { text: string }).text)).toEqual(["kept", "next"]);
    const torn = readdirSync(dir).filter((f) => f.startsWith("journal.torn-"));
    expect(torn.map((f) => readFileSync(join(dir, f), "utf8"))).toEqual(["\u0000\u0000\u0000\n"]);
  });
});

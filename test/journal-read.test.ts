import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { appendEvents, readJournal } from "../src/journal/journal.js";
import { tempDir } from "./helpers/cli.js";
import { note } from "./helpers/journal.js";

async function journalOf(count: number): Promise<{ dir: string; path: string; lines: string[] }> {
  const dir = tempDir();
  await appendEvents(dir, Array.from({ length: count }, (_, i) => note(`entry ${i + 1}`)));
  const path = join(dir, "journal.jsonl");
  return { dir, path, lines: readFileSync(path, "utf8").split("\n").slice(0, -1) };
}

const texts = (events: { data: unknown }[]) => events.map((e) => (e.data as { text: string }).text);
const rewrite = (path: string, lines: string[], tail = "\n") => writeFileSync(path, lines.join("\n") + tail);

/** Recompute a line's crc the way a careful hand-editor would, so only the chain can tell. */
function recrc(line: string): string {
  const at = line.lastIndexOf(',"crc":"');
  const body = `${line.slice(0, at)}}`;
  return `${line.slice(0, at)},"crc":"${crc32(body).toString(16).padStart(8, "0")}"}`;
}

describe("readJournal", () => {
  it("reads an empty journal", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "journal.jsonl"), "");
    expect(await readJournal(dir)).toEqual({ events: [], problems: [] });
  });

  it("sets a torn last line aside with a warning, and keeps the rest", async () => {
    const { dir, path, lines } = await journalOf(3);
    const cut = lines[2]!.slice(0, 40);
    rewrite(path, [...lines.slice(0, 2), cut], "");
    const { events, problems } = await readJournal(dir);
    expect(texts(events)).toEqual(["entry 1", "entry 2"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: "torn-tail", line: 3, text: cut });
    const aside = readdirSync(dir).filter((f) => /^journal\.torn-\d{8}T\d{6}Z\.jsonl$/.test(f));
    expect(aside).toHaveLength(1);
    expect(problems[0]!.message).toContain(aside[0]);
    expect(readFileSync(join(dir, aside[0]!), "utf8")).toBe(cut);
    // set aside once: the journal is sound again and the next append chains on line 2
    expect(readFileSync(path, "utf8")).toBe(lines.slice(0, 2).join("\n") + "\n");
    await appendEvents(dir, [note("entry 4")]);
    expect(await readJournal(dir)).toMatchObject({ problems: [] });
  });

  it("treats an unreadable last line as torn even with its newline", async () => {
    const { dir, path, lines } = await journalOf(2);
    rewrite(path, [lines[0]!, "\u0000\u0000\u0000\u0000"]);
    const { events, problems } = await readJournal(dir);
    expect(texts(events)).toEqual(["entry 1"]);
    expect(problems).toMatchObject([{ kind: "torn-tail", line: 2 }]);
    expect(readFileSync(path, "utf8")).toBe(lines[0] + "\n");
  });

  it("sets aside only the unreadable last line, even when its bytes are not UTF-8", async () => {
    const { dir, path, lines } = await journalOf(2);
    writeFileSync(path, Buffer.concat([Buffer.from(`${lines[0]}\n`), Buffer.from([0xff, 0xfe, 0x0a])]));
    const { events, problems } = await readJournal(dir);
    expect(texts(events)).toEqual(["entry 1"]);
    expect(problems).toMatchObject([{ kind: "torn-tail", line: 2 }]);
    expect(readFileSync(path, "utf8")).toBe(lines[0] + "\n");
  });

  it("reports a corrupt middle line by number, does not use it, and never removes it", async () => {
    const { dir, path, lines } = await journalOf(5);
    const damaged = lines[2]!.replace("entry 3", "entry 9"); // one changed byte: the crc catches it
    const broken = lines[1]!.slice(0, 30); // not JSON any more
    rewrite(path, [lines[0]!, broken, damaged, lines[3]!, lines[4]!]);
    const before = readFileSync(path, "utf8");
    const { events, problems } = await readJournal(dir);
    expect(texts(events)).toEqual(["entry 1", "entry 4", "entry 5"]);
    expect(problems.map((p) => [p.kind, p.line])).toEqual([
      ["corrupt-line", 2],
      ["corrupt-line", 3],
    ]);
    expect(problems[0]!.text).toBe(broken);
    expect(problems[1]!.message).toMatch(/line 3: .*checksum/);
    expect(readFileSync(path, "utf8")).toBe(before);
    expect(readdirSync(dir).filter((f) => f.startsWith("journal.torn"))).toEqual([]);
  });

  it("reports where the chain breaks when a line was edited by hand, checksum and all", async () => {
    const { dir, path, lines } = await journalOf(5);
    const edited = recrc(lines[2]!.replace("entry 3", "entry 3 (edited)"));
    rewrite(path, [lines[0]!, lines[1]!, edited, lines[3]!, lines[4]!]);
    const { events, problems } = await readJournal(dir);
    // the edited line itself reads well; the next line no longer points at it
    expect(texts(events)).toEqual(["entry 1", "entry 2", "entry 3 (edited)", "entry 4", "entry 5"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: "broken-chain", line: 4 });
    expect(problems[0]!.message).toContain("line 3 was changed");
  });

  it("reports a removed line as a broken chain", async () => {
    const { dir, path, lines } = await journalOf(4);
    rewrite(path, [lines[0]!, lines[2]!, lines[3]!]);
    const { problems } = await readJournal(dir);
    expect(problems.map((p) => [p.kind, p.line])).toEqual([["broken-chain", 2]]);
  });

  it("reports a line from an unknown format version and does not use it", async () => {
    const { dir, path, lines } = await journalOf(3);
    const future = recrc(lines[1]!.replace('{"v":1,', '{"v":7,'));
    rewrite(path, [lines[0]!, future, lines[2]!]);
    const { events, problems } = await readJournal(dir);
    expect(texts(events)).toEqual(["entry 1", "entry 3"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: "unknown-version", line: 2 });
    expect(problems[0]!.message).toContain("format 7");
  });

  it("says clearly when there is no journal", async () => {
    await expect(readJournal(tempDir())).rejects.toMatchObject({ code: "io" });
  });
});

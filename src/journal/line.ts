/**
 * One journal line: its text, its CRC32 and its link to the previous line.
 * The format is described in events.ts; this module is its only writer and reader.
 */
import { createHash, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import { JOURNAL_VERSION, type JournalEvent, type NewEvent } from "./events.js";

/** `prev` of the first line. */
export const GENESIS = "0".repeat(64);
const CRC_KEY = ',"crc":"';

export const lineHash = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
const crcHex = (text: string): string => crc32(text).toString(16).padStart(8, "0");

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** ULID-like: 10 characters of time (so ids sort by time), 16 random ones (so they never collide). */
function eventId(at: string): string {
  let ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new Error(`event time is not an ISO time: ${at}`);
  let time = "";
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[ms % 32] + time;
    ms = Math.floor(ms / 32);
  }
  const random = [...randomBytes(16)].map((b) => CROCKFORD[b % 32]).join("");
  return time + random;
}

/** The line's text (no newline) and the event it stands for. */
export function buildLine(event: NewEvent, prev: string): { text: string; event: JournalEvent } {
  const full: JournalEvent = {
    v: JOURNAL_VERSION,
    id: eventId(event.at),
    at: event.at,
    ...(event.sim === undefined ? {} : { sim: event.sim }),
    by: event.by,
    type: event.type,
    data: event.data,
  };
  const body = JSON.stringify({ ...full, prev });
  const text = `${body.slice(0, -1)}${CRC_KEY}${crcHex(body)}"}`;
  return { text, event: full };
}

export type ParsedLine =
  | { ok: true; event: JournalEvent; prev: string }
  | { ok: false; reason: "json" | "crc" | "shape" | "version"; message: string };

export function parseLine(text: string): ParsedLine {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: "json", message: "this line is not valid JSON" };
  }
  const at = text.lastIndexOf(CRC_KEY);
  const record = raw as Record<string, unknown>;
  if (at < 0 || typeof record?.crc !== "string") return { ok: false, reason: "crc", message: "this line has no checksum (crc)" };
  if (crcHex(`${text.slice(0, at)}}`) !== record.crc) {
    return { ok: false, reason: "crc", message: "this line's checksum does not match its content: it was damaged or changed" };
  }
  if (record.v !== JOURNAL_VERSION) {
    return { ok: false, reason: "version", message: `this line is in journal format ${String(record.v)}, which this version of respond does not know (it knows ${JOURNAL_VERSION}); update respond` };
  }
  const { id, at: when, sim, by, type, data, prev } = record;
  if (typeof id !== "string" || typeof when !== "string" || typeof by !== "string" || typeof type !== "string" || typeof prev !== "string" || typeof data !== "object" || data === null || (sim !== undefined && typeof sim !== "string")) {
    return { ok: false, reason: "shape", message: "this line lacks a field every entry has (id, at, by, type, data, prev)" };
  }
  const event = { v: JOURNAL_VERSION, id, at: when, ...(sim === undefined ? {} : { sim }), by, type, data } as JournalEvent;
  return { ok: true, event, prev };
}

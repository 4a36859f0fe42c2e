/**
 * The journal's events. One JSON object per line of journal.jsonl:
 *
 *   {"v":1,"id":"...","at":"<wall ISO>","sim":"<simulated ISO>"?,"by":"...",
 *    "type":"decision.made","data":{...},"prev":"<sha256 of previous line>","crc":"<crc32>"}
 *
 * `crc` is the CRC32 (hex) of the line's text up to, not including, `,"crc":`,
 * with the closing brace: it catches damage to one line. `prev` chains lines
 * (sha256 hex of the previous line's full text; the first line's prev is 64 zeros):
 * it catches a line edited by hand. See journal/journal.ts.
 */

export const JOURNAL_VERSION = 1;

export interface EventPayloads {
  /** first event of every workspace */
  "incident.opened": {
    playbook: string;
    playbookVersion: string;
    playbookHash: string;
    t0: string;
    city: string;
    lang: string;
    timeZone: string;
    mode: "live" | "exercise";
  };
  /** a fact's value, possibly confirmed at the same time */
  "fact.set": { fact: string; value: string | number | string[]; confirmedBy?: string };
  "fact.confirmed": { fact: string; by: string };
  "decision.made": { step: string; option: string; why: string };
  /** occurrence is 1-based for repeating tasks, absent otherwise */
  "task.done": { step: string; occurrence?: number; note?: string };
  "task.skipped": { step: string; occurrence?: number; reason: string };
  /** a skipped or done step put back to open */
  "task.reopened": { step: string; occurrence?: number; reason?: string };
  "note.added": { text: string; step?: string };
  /** the walk reached a statement step; drafting is pending until a draft exists */
  "statement.pending": { step: string; template: string };
  "draft.created": {
    template: string;
    step?: string;
    lang: string;
    format: string;
    file: string;
    facts: string[];
    missing: string[];
    findings: number;
  };
  "exercise.inject": { inject: string; title: string };
  "exercise.clock": { speed: number; sim: string };
  "exercise.ended": { reason: string };
}

export type EventType = keyof EventPayloads;

export interface JournalEvent<T extends EventType = EventType> {
  v: number;
  id: string;
  /** wall-clock time of writing, ISO 8601 UTC */
  at: string;
  /** simulated time when rehearsing, ISO 8601 UTC */
  sim?: string;
  /** who did it: a name, or a role id */
  by: string;
  type: T;
  data: EventPayloads[T];
}

/** What a caller gives to append: the journal adds v, id, prev and crc. */
export type NewEvent = { [T in EventType]: { type: T; data: EventPayloads[T]; by: string; at: string; sim?: string } }[EventType];

/** The time an event counts at: simulated time in an exercise, wall time otherwise. */
export function eventTime(event: Pick<JournalEvent, "at" | "sim">): string {
  return event.sim ?? event.at;
}

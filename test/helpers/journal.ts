/** Small builders for journal tests. */
import type { NewEvent } from "../../src/journal/events.js";

export const AT = "2026-05-14T16:45:00.000Z";

export function note(text: string, at = AT): NewEvent {
  return { type: "note.added", data: { text }, by: "tester", at };
}

export function done(step: string, at = AT, occurrence?: number): NewEvent {
  return { type: "task.done", data: { step, ...(occurrence ? { occurrence } : {}) }, by: "tester", at };
}

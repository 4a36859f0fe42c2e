/**
 * Offsets relative to the attack time T0: `30m`, `6h`, `3d`, `2w`, `6mo`, `1y`,
 * compounds such as `1d12h`, and a leading `-` for preparedness steps before T0.
 * Months and years are calendar units, so they are kept apart from fixed units and
 * applied with calendar arithmetic in the incident's time zone (see engine/time.ts).
 * `Offset` is enough to order and check offsets; `OffsetParts` also keeps days apart,
 * for adding an offset in a time zone.
 */

export interface Offset {
  /** sign applies to both parts */
  sign: 1 | -1;
  /** calendar months (a year is 12) */
  months: number;
  /** fixed milliseconds (minutes, hours, days, weeks) */
  ms: number;
  /** the text it was parsed from, for messages */
  text: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const OFFSET_PATTERN = "^-?(\\d+(mo|y|w|d|h|m))+$";
const WHOLE = new RegExp(OFFSET_PATTERN);
const PART = /(\d+)(mo|y|w|d|h|m)/g;

export function isOffset(text: string): boolean {
  return WHOLE.test(text);
}

/**
 * An offset by unit family, for adding it in a time zone's calendar: a day (or a
 * week) is the same wall time the next day, which is not always 24 hours across a
 * DST change, so days are kept apart from elapsed hours and minutes.
 */
export interface OffsetParts {
  /** sign applies to every part */
  sign: 1 | -1;
  /** calendar months (a year is 12) */
  months: number;
  /** calendar days (a week is 7) */
  days: number;
  /** elapsed milliseconds (hours, minutes) */
  ms: number;
}

/** Parse an offset into its calendar parts; undefined when the text is not one. */
export function offsetParts(text: string): OffsetParts | undefined {
  const trimmed = text.trim();
  if (!WHOLE.test(trimmed)) return undefined;
  const parts: OffsetParts = { sign: trimmed.startsWith("-") ? -1 : 1, months: 0, days: 0, ms: 0 };
  for (const [, amount, unit] of trimmed.matchAll(PART)) {
    const n = Number(amount);
    if (unit === "y") parts.months += 12 * n;
    else if (unit === "mo") parts.months += n;
    else if (unit === "w") parts.days += 7 * n;
    else if (unit === "d") parts.days += n;
    else parts.ms += n * (unit === "h" ? HOUR : MINUTE);
  }
  return parts;
}

/** Parse an offset; returns undefined when the text is not one. */
export function parseOffset(text: string): Offset | undefined {
  const parts = offsetParts(text);
  if (!parts) return undefined;
  return { sign: parts.sign, months: parts.months, ms: parts.days * DAY + parts.ms, text: text.trim() };
}

/** `6h` -> `T+6h`; `0h` -> `T+0`; `-2d` -> `T-2d`. */
export function tLabel(offset: Offset): string {
  if (offset.ms === 0 && offset.months === 0) return "T+0";
  return `T${offset.sign < 0 ? "-" : "+"}${offset.text.replace(/^-/, "")}`;
}

/** Add an offset to a UTC instant, months by the UTC calendar. Time zones: engine/time.ts. */
export function addOffsetUTC(base: Date, offset: Offset): Date {
  const d = new Date(base.getTime());
  if (offset.months) d.setUTCMonth(d.getUTCMonth() + offset.sign * offset.months);
  return new Date(d.getTime() + offset.sign * offset.ms);
}

/** A fixed reference instant, so offsets can be compared (12mo == 1y, 2w == 14d). */
const REFERENCE = new Date(Date.UTC(2001, 0, 1));

/** Compare two offsets: negative when a < b. */
export function compareOffsets(a: Offset, b: Offset): number {
  return addOffsetUTC(REFERENCE, a).getTime() - addOffsetUTC(REFERENCE, b).getTime();
}


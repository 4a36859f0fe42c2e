/**
 * Offsets relative to the attack time T0: `30m`, `6h`, `3d`, `2w`, `6mo`, `1y`,
 * compounds such as `1d12h`, and a leading `-` for preparedness steps before T0.
 * Months and years are calendar units, so they are kept apart from fixed units and
 * applied with calendar arithmetic in the incident's time zone (see engine/time.ts).
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

const UNIT_MS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

export const OFFSET_PATTERN = "^-?(\\d+(mo|y|w|d|h|m))+$";
const WHOLE = new RegExp(OFFSET_PATTERN);
const PART = /(\d+)(mo|y|w|d|h|m)/g;

export function isOffset(text: string): boolean {
  return WHOLE.test(text);
}

/** Parse an offset; returns undefined when the text is not one. */
export function parseOffset(text: string): Offset | undefined {
  const trimmed = text.trim();
  if (!WHOLE.test(trimmed)) return undefined;
  const sign = trimmed.startsWith("-") ? -1 : 1;
  let months = 0;
  let ms = 0;
  for (const [, amount, unit] of trimmed.matchAll(PART)) {
    const n = Number(amount);
    if (unit === "y") months += 12 * n;
    else if (unit === "mo") months += n;
    else ms += n * (UNIT_MS[unit as string] ?? 0);
  }
  return { sign, months, ms, text: trimmed };
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

/** Milliseconds of an offset from the reference instant (for ordering and rough maths). */
export function offsetMs(offset: Offset): number {
  return addOffsetUTC(REFERENCE, offset).getTime() - REFERENCE.getTime();
}

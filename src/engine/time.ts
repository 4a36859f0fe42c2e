/**
 * Time relative to the attack (T0), in the incident's own time zone.
 *
 * Offsets mix calendar units and fixed units on purpose: `mo`/`y` and `d`/`w` follow
 * the incident's calendar (a day later is the same wall time, even across a DST
 * change; a month after the 31st is the last day of the shorter month), while `h` and
 * `m` are elapsed time. Units are applied largest first: months, then days, then
 * hours and minutes.
 */
import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns/addDays";
import { addMilliseconds } from "date-fns/addMilliseconds";
import { addMonths } from "date-fns/addMonths";
import { format } from "date-fns/format";
import { enGB } from "date-fns/locale/en-GB";
import { fr } from "date-fns/locale/fr";
import type { Lang } from "../lang.js";
import { isOffset, offsetParts } from "../playbook/duration.js";

/** True when the runtime knows this IANA zone (or a fixed offset such as +02:00). */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return /^[+-]\d{2}(:?\d{2})?$/.test(timeZone);
  }
}

/** `base` + offset (e.g. `1d12h`, `-3d`, `6mo`) in the calendar of `timeZone`. */
export function dueTime(base: Date, offset: string, timeZone: string): Date {
  const parts = offsetParts(offset);
  if (!parts) throw new Error(`not an offset: ${offset}`);
  const { sign, months, days, ms } = parts;
  let date = new TZDate(base.getTime(), timeZone);
  if (months) date = addMonths(date, sign * months);
  if (days) date = addDays(date, sign * days);
  if (ms) date = addMilliseconds(date, sign * ms);
  return new Date(date.getTime());
}

const RELATIVE = /^T\s*([+-])\s*(\d[0-9a-z]*)$/i;
const ABSOLUTE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A time typed by a person: ISO with Z or an offset; ISO without one
 * ("2026-05-14T18:30" or "2026-05-14 18:30", read as wall time in `timeZone`);
 * or relative to T0 ("T+25h", "T+1d2h", "T-3d", which need `t0`).
 * Returns undefined when the text is none of these (the caller says so).
 */
export function parseTime(text: string, options: { timeZone: string; t0?: Date }): Date | undefined {
  const trimmed = text.trim();
  const relative = RELATIVE.exec(trimmed);
  if (relative) {
    const [, sign, offset] = relative;
    if (!options.t0 || !offset || !isOffset(offset.toLowerCase())) return undefined;
    return dueTime(options.t0, `${sign === "-" ? "-" : ""}${offset.toLowerCase()}`, options.timeZone);
  }
  if (ABSOLUTE.test(trimmed)) {
    const date = new Date(trimmed.replace(" ", "T").toUpperCase());
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  const local = LOCAL.exec(trimmed);
  if (local) {
    const [y, mo, d, h, mi, s] = local.slice(1).map((part) => Number(part ?? 0)) as number[];
    const date = new TZDate(y!, mo! - 1, d!, h!, mi!, s!, options.timeZone);
    // reject 2026-02-31 and 25:00, which Date would silently roll over
    if (date.getMonth() !== mo! - 1 || date.getDate() !== d! || h! > 23 || mi! > 59 || s! > 59) return undefined;
    return Number.isNaN(date.getTime()) ? undefined : new Date(date.getTime());
  }
  return undefined;
}

/**
 * Elapsed time since T0, compact, truncated to the minute, with the two largest units:
 * - under a day:  `T+2h15`, `T+0h05`, `T+2h` (minutes left out when zero, except at 0h)
 * - under a week: `T+3d4h`, `T+3d` (days are 24 hours of elapsed time)
 * - beyond:       `T+2w1d`, `T+2w`
 * Before T0 the sign is `-`: `T-1h`, `T-0h30`.
 */
export function sinceT0(t0: Date, now: Date): string {
  const diff = now.getTime() - t0.getTime();
  const sign = diff < 0 ? "-" : "+";
  const minutes = Math.floor(Math.abs(diff) / 60_000);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  const weeks = Math.floor(days / 7);
  let text: string;
  if (days === 0) {
    const m = minutes % 60;
    text = m === 0 && hours > 0 ? `${hours}h` : `${hours}h${String(m).padStart(2, "0")}`;
  } else if (weeks === 0) {
    text = hours % 24 ? `${days}d${hours % 24}h` : `${days}d`;
  } else {
    text = days % 7 ? `${weeks}w${days % 7}d` : `${weeks}w`;
  }
  return `T${sign}${text}`;
}

export type TimeStyle = "clock" | "day" | "full";

const PATTERNS: Record<Lang, Record<TimeStyle, string>> = {
  // clock: 18:30 | day: Thu 14 May, 18:30 | full: Thursday 14 May 2026, 18:30
  en: { clock: "HH:mm", day: "EEE d MMM, HH:mm", full: "EEEE d MMMM yyyy, HH:mm" },
  // clock: 18:30 | day: jeu. 14 mai, 18:30 | full: jeudi 14 mai 2026 à 18:30
  fr: { clock: "HH:mm", day: "EEE d MMM, HH:mm", full: "EEEE d MMMM yyyy 'à' HH:mm" },
};

/** A time as a person in the incident's city reads it. */
export function formatTime(date: Date, timeZone: string, lang: Lang, style: TimeStyle): string {
  return format(new TZDate(date.getTime(), timeZone), PATTERNS[lang][style], { locale: lang === "fr" ? fr : enGB });
}

/**
 * A fact's value as typed by a person (a prompt) or written in an answers file,
 * checked against the fact's declared type. One validator for both, so the
 * interactive start and `--answers` accept exactly the same values.
 */
import { parseTime } from "../engine/time.js";
import { pick } from "../lang.js";
import type { Fact } from "../playbook/schema.js";

export type FactValue = string | number | string[];

export type FactParse = { ok: true; value: FactValue } | { ok: false; message: string };

export interface FactTimeContext {
  timeZone: string;
  t0?: Date;
}

const fail = (message: string): FactParse => ({ ok: false, message });

/** Split a list typed on one line: commas or semicolons, blanks dropped. */
function splitList(text: string): string[] {
  return text
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * Check `raw` against the fact's type. Strings come from prompts; YAML gives numbers,
 * lists and dates too. A blank is never a value: the caller decides whether the fact
 * may be left unset.
 */
export function parseFactValue(fact: Fact, raw: unknown, time: FactTimeContext): FactParse {
  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) {
    return fail("is empty; give a value, or leave the fact out");
  }
  switch (fact.type) {
    case "text":
      if (typeof raw === "string") return { ok: true, value: raw.trim() };
      // a phone number written without quotes reads as a number in YAML
      if (typeof raw === "number") return { ok: true, value: String(raw) };
      return fail("must be a text");
    case "number": {
      const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : Number.NaN;
      return Number.isFinite(n) ? { ok: true, value: n } : fail("must be a number, e.g. 3");
    }
    case "datetime": {
      if (raw instanceof Date && !Number.isNaN(raw.getTime())) return { ok: true, value: raw.toISOString() };
      if (typeof raw !== "string") return fail("must be a date and time, e.g. 2026-05-16 18:00");
      const date = parseTime(raw, time);
      return date ? { ok: true, value: date.toISOString() } : fail(`'${raw}' is not a date and time; use e.g. 2026-05-16 18:00, or T+2d from the attack time`);
    }
    case "choice": {
      const ids = (fact.options ?? []).map((o) => o.id);
      if (typeof raw === "string" && ids.includes(raw.trim())) return { ok: true, value: raw.trim() };
      return fail(`must be one of: ${ids.join(", ")}`);
    }
    case "list": {
      if (typeof raw === "string") {
        const items = splitList(raw);
        return items.length > 0 ? { ok: true, value: items } : fail("is empty");
      }
      if (!Array.isArray(raw)) return fail("must be a list (one '- item' per line)");
      const items: string[] = [];
      for (const item of raw) {
        if (typeof item === "number") items.push(String(item));
        else if (typeof item === "string" && item.trim() !== "") items.push(item.trim());
        else return fail("every item of the list must be a non-empty text");
      }
      return items.length > 0 ? { ok: true, value: items } : fail("is an empty list");
    }
  }
}

/** The fact's label in `lang`, for prompts and messages. */
export const factLabel = (fact: Fact, lang: string): string => pick(fact.label, lang);

/**
 * Who vouches for a value as it is entered: the person or authority named, else, for
 * the city's own information (`confirm: false`: its support line, the mayor's name),
 * whoever entered it; otherwise nobody yet.
 */
export const confirmedOnEntry = (fact: Pick<Fact, "confirm">, named: string | undefined, enteredBy: string): string | undefined =>
  named ?? (fact.confirm ? undefined : enteredBy);

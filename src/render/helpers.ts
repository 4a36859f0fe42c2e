/**
 * Our template helpers, and only these: dates and times in the incident's language
 * and time zone, time since the attack, lists, plurals, per-language choice, and the
 * small logic needed to branch on decisions, and French "de" before a name. A value that is a placeholder passes
 * through unchanged, so a missing date still shows `[[to confirm: vigil_date]]`.
 */
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns/format";
import { enGB } from "date-fns/locale/en-GB";
import { fr } from "date-fns/locale/fr";
import { parseTime, sinceT0 } from "../engine/time.js";
import { isMarked } from "./placeholders.js";

export interface HelperSettings {
  lang: string;
  timeZone: string;
  t0: Date;
  /** facts with a printable value */
  known: ReadonlySet<string>;
}

/** Handlebars appends its options object to every helper call. */
interface HelperOptions {
  hash?: Record<string, unknown>;
  name?: string;
}

type Helper = (...args: unknown[]) => unknown;

const PATTERNS: Record<string, { date: string; time: string; datetime: string; day: string }> = {
  // Saturday 16 May 2026 | 18:30 | Saturday 16 May 2026 at 18:30 | Saturday 16 May
  en: { date: "EEEE d MMMM yyyy", time: "HH:mm", datetime: "EEEE d MMMM yyyy 'at' HH:mm", day: "EEEE d MMMM" },
  // samedi 16 mai 2026 | 8 h 30 | samedi 16 mai 2026 à 18 h 30 | samedi 16 mai (whole hours: "19 h")
  fr: { date: "EEEE d MMMM yyyy", time: "H' h 'mm", datetime: "EEEE d MMMM yyyy 'à' H' h 'mm", day: "EEEE d MMMM" },
};

/** Helper names, for the template checker: anything else called with arguments is refused. */
export const HELPER_NAMES = ["date", "time", "datetime", "day", "since", "list", "plural", "pick", "eq", "not", "and", "or", "known", "capitalize", "de"] as const;
/** Handlebars' own block helpers that we keep; `lookup` and `log` are removed. */
export const BUILT_IN_HELPERS = ["if", "unless", "each", "with"] as const;

/**
 * French elides "de" before a vowel or y (d'Orléans, d'Yvonne), accented or not. Not
 * before h: whether an h is mute depends on the word, and "de Hélène" reads better than
 * a wrong "d'Hautefort". Straight apostrophe, as the French templates write it.
 */
const ELIDES = /^[aeiouyàâäéèêëîïôöùûüÿæœ]/iu;

/** `{{de city}}`: "de Lyon", "d'Orléans"; a placeholder keeps "de [[à confirmer : …]]". */
export function frenchDe(text: string): string {
  return ELIDES.test(text) ? `d'${text}` : `de ${text}`;
}

function args(raw: unknown[]): { params: unknown[]; options: HelperOptions } {
  const options = (raw.at(-1) ?? {}) as HelperOptions;
  return { params: raw.slice(0, -1), options };
}

export function createHelpers(settings: HelperSettings): Record<string, Helper> {
  const lang = settings.lang === "fr" ? "fr" : "en";
  const locale = lang === "fr" ? fr : enGB;
  const patterns = PATTERNS[lang]!;

  const toDate = (value: unknown): Date | undefined => {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
    if (typeof value === "string") return parseTime(value, { timeZone: settings.timeZone, t0: settings.t0 });
    return undefined;
  };

  const when =
    (style: keyof typeof patterns): Helper =>
    (...raw) => {
      const { params, options } = args(raw);
      if (params.length !== 1) throw new Error(`{{${options.name ?? style}}} takes one value, e.g. {{${style} facts.vigil_date}}`);
      const value = params[0];
      if (isMarked(value)) return value;
      const date = toDate(value);
      // a time typed in words ("Saturday evening") is shown as typed, never dropped
      if (!date) return value === undefined || value === null ? "" : String(value);
      const local = new TZDate(date.getTime(), settings.timeZone);
      // French typography writes a whole hour as "19 h", not "19 h 00"
      const pattern = lang === "fr" && local.getMinutes() === 0 ? patterns[style].replace(" 'mm", "'") : patterns[style];
      return format(local, pattern, { locale });
    };

  const listFormat = new Intl.ListFormat(lang === "fr" ? "fr" : "en-GB", { style: "long", type: "conjunction" });
  const plurals = new Intl.PluralRules(lang === "fr" ? "fr" : "en-GB");

  return {
    date: when("date"),
    time: when("time"),
    datetime: when("datetime"),
    day: when("day"),
    since: (...raw) => {
      const { params } = args(raw);
      const value = params[0];
      if (isMarked(value)) return value;
      const date = toDate(value);
      return date ? sinceT0(settings.t0, date) : String(value ?? "");
    },
    list: (...raw) => {
      const { params } = args(raw);
      const value = params[0];
      if (Array.isArray(value)) return listFormat.format(value.map(String));
      return String(value ?? "");
    },
    plural: (...raw) => {
      const { params } = args(raw);
      const [n, one, other] = params;
      if (typeof one !== "string" || typeof other !== "string") throw new Error('{{plural}} takes a number and two words, e.g. {{plural facts.injured_count "person" "people"}}');
      const count = typeof n === "number" ? n : Array.isArray(n) ? n.length : Number.NaN;
      if (!Number.isFinite(count)) return other;
      return plurals.select(count) === "one" ? one : other;
    },
    pick: (...raw) => {
      const { options } = args(raw);
      const hash = options.hash ?? {};
      const text = Object.hasOwn(hash, lang) ? hash[lang] : hash.en;
      if (typeof text !== "string") throw new Error(`{{pick}} needs a text for '${lang}', e.g. {{pick en="..." fr="..."}}`);
      return text;
    },
    eq: (...raw) => {
      const { params } = args(raw);
      return params.length === 2 && params[0] === params[1];
    },
    not: (...raw) => !args(raw).params[0],
    and: (...raw) => args(raw).params.every(Boolean),
    or: (...raw) => args(raw).params.some(Boolean),
    /** for a fact that opens a sentence or a list item: "the Prefecture" -> "The Prefecture" */
    capitalize: (...raw) => {
      const value = args(raw).params[0];
      const text: string = Array.isArray(value) ? value.join(", ") : String(value ?? "");
      if (isMarked(text)) return text;
      return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
    },
    de: (...raw) => {
      const { params } = args(raw);
      if (params.length !== 1) throw new Error("{{de}} takes one value, e.g. {{de city}} (de Lyon, d'Orléans)");
      const value = params[0];
      return frenchDe(Array.isArray(value) ? listFormat.format(value.map(String)) : String(value ?? ""));
    },
    known: (...raw) => {
      const { params } = args(raw);
      return params.length > 0 && params.every((id) => typeof id === "string" && settings.known.has(id));
    },
  };
}

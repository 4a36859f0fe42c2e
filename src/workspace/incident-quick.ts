/**
 * incident.yaml as `respond start` writes it, read without the YAML parser and the
 * schema library (together ~30 ms of start-up on every incident command). Only the
 * exact shape the writer produces is accepted, and only values the full reading
 * would accept unchanged; anything else returns undefined and the file gets the full
 * parse in incident.ts, with its positioned issues. So this never accepts more.
 */
import { isTimeZone } from "../engine/time.js";
import { isLang } from "../lang.js";
import type { Incident } from "./incident.js";

const TOP = ["format", "id", "playbook", "t0", "city", "lang", "timeZone", "mode", "created"] as const;
const NESTED = ["id", "version", "hash", "ref"] as const;

// YAML 1.2 core schema: plain scalars that are NOT strings
const NOT_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^[-+]?[0-9]+$/,
  /^0o[0-7]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?\.(?:inf|Inf|INF)$/,
  /^\.(?:nan|NaN|NAN)$/,
];
// a plain scalar of ordinary characters: no indicator first, no ": " or " #" inside, no edge spaces
const PLAIN = /^[\p{L}\p{N}/._](?:[\p{L}\p{N} ._/+-]|:(?=[^ ]))*$/u;
const QUOTED = /^"([^"\\]*)"$/;
const LINE = /^( {2})?([A-Za-z0-9]+):(?: (.*))?$/;
const ZONED = /T.*(Z|[+-]\d{2}:?\d{2})$/;

/** An ISO time with its zone, as incident.yaml holds them (the full schema checks with this too). */
export const isIsoTime = (s: string | undefined): s is string => s !== undefined && !Number.isNaN(Date.parse(s)) && ZONED.test(s);

/** A string value, or undefined when the full parser must decide. */
function stringValue(raw: string): string | undefined {
  const quoted = QUOTED.exec(raw);
  if (quoted) return /[\u0000-\u001f\u007f]/.test(quoted[1]!) ? undefined : quoted[1];
  if (!PLAIN.test(raw) || / $/.test(raw) || NOT_STRING.some((r) => r.test(raw))) return undefined;
  return raw;
}

export function quickIncident(text: string): Incident | undefined {
  const top = new Map<string, string>();
  const nested = new Map<string, string>();
  let inPlaybook = false;
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const m = LINE.exec(line);
    if (!m) return undefined;
    const [, indent, key, value] = m as unknown as [string, string | undefined, string, string | undefined];
    if (indent) {
      if (!inPlaybook || value === undefined || !(NESTED as readonly string[]).includes(key) || nested.has(key)) return undefined;
      nested.set(key, value);
      continue;
    }
    if (!(TOP as readonly string[]).includes(key) || top.has(key)) return undefined;
    inPlaybook = key === "playbook";
    if (inPlaybook ? value !== undefined : value === undefined) return undefined;
    top.set(key, value ?? "");
  }
  if (top.size !== TOP.length || nested.size !== NESTED.length || top.get("format") !== "1") return undefined;

  // every key is there (counted above): what is left is whether its value is a plain string
  const s = (map: Map<string, string>, key: string) => stringValue(map.get(key)!);
  const playbook = { id: s(nested, "id"), version: s(nested, "version"), hash: s(nested, "hash"), ref: s(nested, "ref") };
  const [id, t0, city, lang, timeZone, mode, created] = ["id", "t0", "city", "lang", "timeZone", "mode", "created"].map((k) => s(top, k));
  if (!id || !city || !playbook.id || !playbook.version || !playbook.hash || !playbook.ref) return undefined;
  if (!isLang(lang) || (mode !== "live" && mode !== "exercise")) return undefined;
  if (!isIsoTime(t0) || !isIsoTime(created) || !timeZone || !isTimeZone(timeZone)) return undefined;
  return {
    format: 1,
    id,
    playbook: { id: playbook.id, version: playbook.version, hash: playbook.hash, ref: playbook.ref },
    t0,
    city,
    lang,
    timeZone,
    mode,
    created,
  };
}

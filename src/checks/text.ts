/**
 * The text the rules read: front matter and HTML markup taken out, accents and case
 * folded, typographic apostrophes and spaces made plain. Every character of the
 * folded text remembers where it came from, so findings point into the original.
 */

export interface FoldedText {
  /** what the patterns run on: lower case, no accents, no markup */
  text: string;
  /** for each UTF-16 unit of `text`, its offset in the original */
  from: number[];
  original: string;
}

interface Replacement {
  start: number;
  end: number;
  with: string;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*>/g;
const ENTITY = /&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g;
// block-level tags end a sentence: the rules' "same sentence" must not run across them
const BLOCK = /^(?:p|div|br|hr|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|blockquote|pre|title|body|html|head)$/i;
const NAMED: Record<string, string> = { nbsp: " ", amp: "&", apos: "'", quot: '"', rsquo: "'", lsquo: "'", laquo: "«", raquo: "»", lt: "<", gt: ">", ndash: "-", mdash: "-", hellip: "..." };

function markup(original: string): Replacement[] {
  const found: Replacement[] = [];
  const front = FRONT_MATTER.exec(original);
  if (front) found.push({ start: 0, end: front[0].length, with: "\n\n" });
  for (const m of original.matchAll(COMMENT)) found.push({ start: m.index, end: m.index + m[0].length, with: " " });
  for (const m of original.matchAll(TAG)) found.push({ start: m.index, end: m.index + m[0].length, with: BLOCK.test(m[1]!) ? "\n\n" : " " });
  for (const m of original.matchAll(ENTITY)) found.push({ start: m.index, end: m.index + m[0].length, with: entity(m[1]!) });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Replacement[] = [];
  for (const r of found) if (kept.length === 0 || r.start >= kept[kept.length - 1]!.end) kept.push(r);
  return kept;
}

function entity(name: string): string {
  if (name.startsWith("#")) {
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : " ";
  }
  return NAMED[name.toLowerCase()] ?? " ";
}

/** Fold one piece of text as patterns expect it: no accents, lower case, plain punctuation. */
export function foldChars(s: string): string {
  return foldPattern(s.toLowerCase());
}

/**
 * Fold a pattern's source the same way, except for case: lower-casing would turn
 * `\S` into `\s`; patterns are matched case-insensitively instead.
 */
export function foldPattern(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[\u2018\u2019\u02bc\u2032`]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u00a0\u2007\u202f\u2009]/g, " ")
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "OE")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "AE");
}

// one folded string per distinct non-ASCII character: a text repeats the same few
const foldedChars = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldedChars.get(ch);
  if (folded === undefined) {
    folded = foldChars(ch);
    foldedChars.set(ch, folded);
  }
  return folded;
}

/**
 * Each character is folded on its own (so each folded unit knows its origin), ASCII
 * runs at once: for ASCII, foldChars is exactly lower-casing plus ` -> '.
 */
export function foldText(original: string): FoldedText {
  const replacements = markup(original);
  const parts: string[] = [];
  const from: number[] = [];
  let next = 0;
  const emit = (folded: string, at: number) => {
    parts.push(folded);
    for (let k = 0; k < folded.length; k++) from.push(at);
  };
  const plain = (start: number, end: number) => {
    for (let i = start; i < end; ) {
      if (original.charCodeAt(i) < 0x80) {
        let j = i + 1;
        while (j < end && original.charCodeAt(j) < 0x80) j++;
        const run = original.slice(i, j).toLowerCase();
        parts.push(run.includes("`") ? run.replace(/`/g, "'") : run);
        for (let k = i; k < j; k++) from.push(k);
        i = j;
        continue;
      }
      const ch = String.fromCodePoint(original.codePointAt(i)!);
      emit(foldChar(ch), i);
      i += ch.length;
    }
  };
  for (const r of replacements) {
    plain(next, r.start);
    emit(foldChars(r.with), r.start);
    next = r.end;
  }
  plain(next, original.length);
  return { text: parts.join(""), from, original };
}

/** The original span behind a span of the folded text. */
export function originalSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  const s = folded.from[start] ?? folded.original.length;
  let e = end < folded.from.length ? folded.from[end]! : folded.original.length;
  if (e <= s) {
    // the span ends inside one original character (a folded ligature): take the whole character
    const cp = folded.original.codePointAt(s);
    e = s + (cp === undefined ? 0 : String.fromCodePoint(cp).length);
  }
  // never report trailing spaces
  while (e > s && /\s/.test(folded.original[e - 1]!)) e--;
  return { start: s, end: e };
}

/**
 * Safe YAML for input files: a size cap, duplicate keys rejected, aliases bounded
 * (an "alias bomb" is refused instead of eating the memory), and every syntax error
 * turned into an Issue with its line and column. `locate` maps a path in the parsed
 * value back to where the node sits in the text, so later checks can point at it.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Issue } from "../errors.js";

/** Playbooks are a few hundred lines; anything this big is a mistake or an attack. */
export const MAX_YAML_BYTES = 2 * 1024 * 1024;
/** What is said of a file over that size (checked before reading it, and again on the text). */
export const tooLarge = (bytes: number): string =>
  `the file is too large (${(bytes / 1024 / 1024).toFixed(1)} MiB); a playbook must stay under ${MAX_YAML_BYTES / 1024 / 1024} MiB`;
/** Enough for any honest reuse of an anchor, far too few for exponential expansion. */
export const MAX_ALIAS_COUNT = 50;

export type Path = ReadonlyArray<string | number>;
export interface Position {
  line: number;
  col: number;
}
export type Locator = (path: Path, options?: { key?: boolean }) => Position;

export interface ParsedYaml {
  value: unknown;
  issues: Issue[];
  locate: Locator;
}

/** `phases[0].steps[3].owner` */
export function pathText(path: Path): string {
  let text = "";
  for (const part of path) text += typeof part === "number" ? `[${part}]` : text ? `.${part}` : part;
  return text;
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const nowhere: Locator = () => ({ line: 1, col: 1 });
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_YAML_BYTES) return { value: undefined, issues: [{ file, line: 0, col: 0, path: "", message: tooLarge(bytes) }], locate: nowhere };
  if (text.includes("\u0000")) {
    const message = "this is not a text file (it contains binary data); a playbook is a YAML text file";
    return { value: undefined, issues: [{ file, line: 0, col: 0, path: "", message }], locate: nowhere };
  }

  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line, col };
  };
  const issues: Issue[] = [...doc.errors, ...doc.warnings].map((e) => ({
    file,
    ...at(openingOf(text, e.code, e.message, e.pos[0])),
    path: "",
    message: yamlMessage(e.code, e.message),
  }));
  const locate = makeLocator(doc, at);
  if (issues.length > 0) return { value: undefined, issues, locate };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message =
      error instanceof ReferenceError
        ? `too many aliases (*name): at most ${MAX_ALIAS_COUNT} are allowed, so that a small file cannot expand into a huge one`
        : `the YAML could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { value: undefined, issues: [{ file, line: 1, col: 1, path: "", message }], locate };
  }
  return { value, issues, locate };
}

/**
 * The parser notices an unclosed quote or bracket where the text runs out; the
 * author needs the line where it was opened.
 */
function openingOf(text: string, code: string, message: string, offset: number): number {
  if (code === "MISSING_CHAR" && /quote/.test(message)) {
    const quote = message.includes("'") ? "'" : '"';
    const at = text.lastIndexOf(quote, Math.max(0, offset - 1));
    return at >= 0 ? at : offset;
  }
  const flow = /Flow (sequence|map)/.exec(message);
  if (flow) {
    const [open, close] = flow[1] === "sequence" ? ["[", "]"] : ["{", "}"];
    let depth = 0;
    for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
      if (text[i] === close) depth++;
      else if (text[i] === open && depth-- === 0) return i;
    }
  }
  return offset;
}

function yamlMessage(code: string, raw: string): string {
  // the library's messages are good but end with position text we already print
  const message = raw.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, "").trim();
  if (code === "MISSING_CHAR" && /quote/.test(message)) return `this quoted text is never closed (a ${message.includes("'") ? "'" : '"'} is missing at its end)`;
  if (/Flow sequence/.test(message)) return "this [ list is never closed with ] (or a line inside it is not indented enough)";
  if (/Flow map/.test(message)) return "this { map is never closed with } (or a line inside it is not indented enough)";
  if (code === "DUPLICATE_KEY") return `${message} (this key appears twice in the same block)`;
  if (code === "TAB_AS_INDENT") return `${message} (indent with spaces, not tabs)`;
  return message || code;
}

function makeLocator(doc: Document, at: (offset: number) => Position): Locator {
  return (path, options = {}) => {
    let node: Node | null | undefined = doc.contents;
    let best = node?.range ? node.range[0] : 0;
    for (let i = 0; i < path.length; i++) {
      const part = path[i] as string | number;
      const last = i === path.length - 1;
      if (isAlias(node)) node = node.resolve(doc) ?? null;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
        if (!pair) break;
        const key = pair.key as Node;
        const value = pair.value as Node | null;
        // a key without a value (`owner:`) has nothing else to point at
        const empty = !value?.range || (isScalar(value) && value.value === null && value.range[0] === value.range[1]);
        if ((options.key && last) || empty) {
          if (key.range) best = key.range[0];
          break;
        }
        node = value;
        best = (value as Node & { range: [number, number] }).range[0];
      } else if (isSeq(node) && typeof part === "number") {
        const item = node.items[part] as Node | undefined;
        if (!item?.range) break;
        node = item;
        best = item.range[0];
      } else {
        break;
      }
    }
    return at(best);
  };
}

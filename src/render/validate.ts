/**
 * A template is checked before it is ever run: every name it reads, every helper it
 * calls and every partial it includes. What this refuses never reaches Handlebars:
 * prototype members (`constructor`, `__proto__`, `toString`...), names outside the
 * render context, facts the front matter does not declare, dynamic partials,
 * decorators, and helpers we did not register. Errors carry the body's line and
 * column; the caller shifts them past the front matter.
 */
import { BUILT_IN_HELPERS, HELPER_NAMES } from "./helpers.js";

interface Loc {
  start: { line: number; column: number };
}
interface Node {
  type: string;
  loc?: Loc;
  [key: string]: unknown;
}
interface PathNode extends Node {
  original: string;
  parts: string[];
  depth: number;
  data: boolean;
}

export interface BodyIssue {
  line: number;
  col: number;
  message: string;
}

export interface ValidateOptions {
  /** names allowed at the top level of the context */
  roots: ReadonlySet<string>;
  /** fact ids the template may read as facts.X; null when the template has no facts */
  facts: ReadonlySet<string> | null;
}

export interface Validation {
  issues: BodyIssue[];
  referencedFacts: string[];
  partials: string[];
}

export const TEMPLATE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Every member any prototype a template could reach might offer: refused by name. */
const FORBIDDEN = new Set<string>([
  "__proto__",
  "prototype",
  "constructor",
  "length",
  ...Object.getOwnPropertyNames(Object.prototype),
  ...Object.getOwnPropertyNames(Array.prototype),
  ...Object.getOwnPropertyNames(String.prototype),
  ...Object.getOwnPropertyNames(Number.prototype),
  ...Object.getOwnPropertyNames(Function.prototype),
]);
const DATA_NAMES = new Set(["root", "index", "first", "last", "key"]);
const HELPERS = new Set<string>([...HELPER_NAMES, ...BUILT_IN_HELPERS]);
const SCOPE_CHANGING = new Set(["each", "with"]);

export function validateBody(ast: unknown, options: ValidateOptions): Validation {
  const issues: BodyIssue[] = [];
  const referenced = new Set<string>();
  const partials = new Set<string>();

  const report = (node: Node, message: string) => {
    const start = node.loc?.start ?? { line: 1, column: 0 };
    issues.push({ line: start.line, col: start.column + 1, message });
  };

  const checkFact = (node: Node, id: string) => {
    if (!options.facts) return report(node, `'${id}': this template has no facts`);
    if (!options.facts.has(id)) return report(node, `the fact '${id}' is not declared in the front matter (facts: [...])`);
    referenced.add(id);
  };

  /** A name read from the context. `nested`: inside each/with, where `this` is an item. */
  const checkPath = (path: PathNode, nested: boolean) => {
    const bad = path.parts.find((part) => FORBIDDEN.has(part) || part.startsWith("__"));
    if (bad !== undefined) return report(path, `'${path.original}' is not allowed: templates cannot reach '${bad}'`);
    let parts = path.parts;
    let top = !nested && path.depth === 0;
    if (path.data) {
      const [first, ...rest] = parts;
      if (!first || !DATA_NAMES.has(first)) return report(path, `'${path.original}' is not a variable templates may use`);
      if (first !== "root") return;
      parts = rest;
      top = true;
    }
    if (!top || parts.length === 0) return;
    const [root, second] = parts;
    if (!options.roots.has(root!)) return report(path, `'${path.original}' is not something a template can use; use one of: ${[...options.roots].join(", ")}`);
    if (root === "facts" && options.facts !== null && second !== undefined) checkFact(path, second);
  };

  const checkCall = (node: Node, path: Node, nested: boolean, isCall: boolean) => {
    if (path.type !== "PathExpression") return report(node, "a helper must be called by its name");
    const p = path as PathNode;
    const name = p.original;
    if (isCall || node.type === "BlockStatement") {
      if (!HELPERS.has(name) || p.parts.length !== 1 || p.data || p.depth > 0) {
        return report(p, `'${name}' is not a helper templates can use; helpers: ${[...HELPERS].join(", ")}`);
      }
      if (name === "known") {
        for (const param of (node.params as Node[]) ?? []) {
          if (param.type === "StringLiteral") checkFact(param, String(param.value));
          else report(param, `{{known}} takes fact ids in quotes, e.g. (known "victims_count")`);
        }
      }
      return;
    }
    if (HELPERS.has(name)) return report(p, `'${name}' is a helper and needs a value, e.g. {{${name} facts.vigil_date}}`);
    checkPath(p, nested);
  };

  const visitExpr = (node: Node | undefined, nested: boolean) => {
    if (!node) return;
    if (node.type === "PathExpression") checkPath(node as PathNode, nested);
    else if (node.type === "SubExpression") visitCall(node, nested);
  };

  const visitCall = (node: Node, nested: boolean) => {
    const params = (node.params as Node[] | undefined) ?? [];
    const pairs = ((node.hash as { pairs?: { value: Node }[] } | undefined)?.pairs ?? []) as { value: Node }[];
    const isCall = node.type === "SubExpression" || params.length > 0 || pairs.length > 0;
    checkCall(node, node.path as Node, nested, isCall);
    for (const param of params) visitExpr(param, nested);
    for (const pair of pairs) visitExpr(pair.value, nested);
  };

  const visitProgram = (program: Node | undefined, nested: boolean) => {
    for (const statement of (program?.body as Node[] | undefined) ?? []) visitStatement(statement, nested);
  };

  const visitStatement = (node: Node, nested: boolean) => {
    switch (node.type) {
      case "ContentStatement":
      case "CommentStatement":
        return;
      case "MustacheStatement":
        return visitCall(node, nested);
      case "BlockStatement": {
        visitCall(node, nested);
        const name = (node.path as PathNode).original;
        visitProgram(node.program as Node, nested || SCOPE_CHANGING.has(name));
        visitProgram(node.inverse as Node, nested);
        return;
      }
      case "PartialStatement": {
        const name = node.name as Node;
        const id = name.type === "PathExpression" ? (name as PathNode).original : undefined;
        if (!id || !TEMPLATE_ID.test(id)) return report(node, "a partial must be named plainly, e.g. {{> signature}}");
        if (((node.params as Node[]) ?? []).length > 0 || node.hash) return report(node, "partials take no arguments here");
        partials.add(id);
        return;
      }
      default:
        return report(node, `${node.type.replace(/Statement$/, "").toLowerCase()} blocks are not supported in templates`);
    }
  };

  visitProgram(ast as Node, false);
  return { issues, referencedFacts: [...referenced], partials: [...partials] };
}

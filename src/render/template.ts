/**
 * Loading, listing and rendering statement templates. A template is read from the
 * templates folder only, its front matter and body are checked before anything
 * runs, and a render never leaves a blank: see context.ts and placeholders.ts.
 */
import type { Issue } from "../errors.js";
import { shippedTemplatesDir } from "../paths.js";
import { BUILT_IN_FACTS } from "../playbook/built-in-facts.js";
import { buildContext, CONTEXT_ROOTS, hasValue } from "./context.js";
import { compile, createEnv, parse } from "./env.js";
import { parseErrorPosition, runtimeIssue, templateProblem } from "./errors.js";
import { htmlPage, markdownToHtml, tidy, toText } from "./format.js";
import { splitTemplate } from "./frontmatter.js";
import { languagesIn, readTemplateFile, templateFile, templateIdsIn } from "./files.js";
import { marksIn } from "./placeholders.js";
import type { Format, RenderInput, RenderResult, Template, TemplateInfo } from "./types.js";
import { validateBody, type ValidateOptions } from "./validate.js";

export type { Format, RenderInput, RenderResult, Template, TemplateInfo } from "./types.js";

/** Names a checklist template reads (see checklist.ts). */
export const CHECKLIST_ROOTS = ["title", "playbook", "city", "now", "elapsed", "selection", "phases", "empty", "counts"] as const;

const MAX_PARTIAL_DEPTH = 5;

interface Checked {
  referenced: string[];
  partials: string[];
}

/** Parse and check a body; issues are positioned in `file`, `bodyLine` lines down. */
function checkBody(body: string, file: string, bodyLine: number, options: ValidateOptions): Checked {
  let ast: unknown;
  try {
    ast = parse(body);
  } catch (error) {
    const at = parseErrorPosition(error as Error, body);
    throw templateProblem(file, [{ file, line: bodyLine + at.line, col: at.col, path: "", message: at.message }]);
  }
  const result = validateBody(ast, options);
  if (result.issues.length > 0) {
    throw templateProblem(
      file,
      result.issues.map((i): Issue => ({ file, line: bodyLine + i.line, col: i.col, path: "", message: i.message })),
    );
  }
  return { referenced: result.referencedFacts, partials: result.partials };
}

export function loadTemplateSync(id: string, lang: string, options: { dir?: string } = {}): Template {
  const root = options.dir ?? shippedTemplatesDir();
  const file = templateFile(root, lang, id);
  const split = splitTemplate(readTemplateFile(file), file);
  if (!split.front) throw templateProblem(file, split.issues);
  const front = split.front;
  if (front.id !== id) {
    throw templateProblem(file, [{ file, line: 2, col: 1, path: "id", message: `the id '${front.id}' does not match the file name '${id}.hbs'` }]);
  }

  const checklist = front.kind === "checklist";
  const validate: ValidateOptions = {
    roots: new Set<string>(checklist ? CHECKLIST_ROOTS : CONTEXT_ROOTS),
    facts: checklist ? null : new Set<string>([...front.facts, ...BUILT_IN_FACTS]),
  };
  const main = checkBody(split.body, file, split.bodyLine, validate);

  // partials: checked with the same rules, loaded from partials/ only, no cycles
  const partials: Template["partials"] = Object.create(null);
  const referenced = new Set(main.referenced);
  const pending = main.partials.map((name) => ({ name, depth: 1 }));
  while (pending.length > 0) {
    const { name, depth } = pending.shift()!;
    if (name in partials) continue;
    if (depth > MAX_PARTIAL_DEPTH) throw templateProblem(file, [{ file, line: 0, col: 0, path: "", message: `partials are nested too deep (at '${name}')` }]);
    const partialFile = templateFile(root, lang, name, "partial");
    const partialBody = readTemplateFile(partialFile);
    const checked = checkBody(partialBody, partialFile, 0, validate);
    partials[name] = { body: partialBody, file: partialFile };
    for (const fact of checked.referenced) referenced.add(fact);
    for (const next of checked.partials) pending.push({ name: next, depth: depth + 1 });
  }

  const info: TemplateInfo = {
    id: front.id,
    title: front.title,
    audience: front.audience,
    channel: front.channel,
    public: front.public,
    facts: front.facts,
    languages: [lang],
    ...(front.limit !== undefined ? { limit: front.limit } : {}),
    ...(front.description !== undefined ? { description: front.description } : {}),
  };
  return { info, lang, file, body: split.body, bodyLine: split.bodyLine, referenced: [...referenced], partials, kind: front.kind };
}

export async function loadTemplate(id: string, lang: string, options: { dir?: string } = {}): Promise<Template> {
  return loadTemplateSync(id, lang, options);
}

/**
 * Every template in `dir` (default: the shipped templates), once per id, with the
 * languages it exists in. With `lang`, only the templates in that language, described in it.
 */
export async function listTemplates(options: { lang?: string; dir?: string } = {}): Promise<TemplateInfo[]> {
  const root = options.dir ?? shippedTemplatesDir();
  const langs = languagesIn(root);
  const byId = new Map<string, TemplateInfo>();
  const order = options.lang ? [options.lang, ...langs.filter((l) => l !== options.lang)] : langs;
  for (const lang of order) {
    for (const id of templateIdsIn(root, lang)) {
      const existing = byId.get(id);
      if (existing) {
        existing.languages.push(lang);
        continue;
      }
      if (options.lang && lang !== options.lang) continue;
      const template = loadTemplateSync(id, lang, { dir: root });
      byId.set(id, { ...template.info, languages: [lang] });
    }
  }
  for (const info of byId.values()) info.languages.sort();
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Run a loaded template against a context already prepared for it. */
export function runTemplate(template: Template, context: unknown, settings: { lang: string; timeZone: string; t0: Date; known: ReadonlySet<string> }, escape: boolean): string {
  const hb = createEnv(settings);
  for (const [name, partial] of Object.entries(template.partials)) hb.registerPartial(name, partial.body);
  try {
    return compile(hb, template.body, escape)(context);
  } catch (error) {
    throw templateProblem(template.file, [runtimeIssue(error, template.file, template.bodyLine, template.body)]);
  }
}

export function renderTemplate(template: Template, input: RenderInput, format: Format): RenderResult {
  const { context, known } = buildContext(template, input);
  const settings = { lang: template.lang, timeZone: input.timeZone, t0: input.t0, known };
  const markdown = tidy(runTemplate(template, context, settings, format === "html"));

  const marks = marksIn(markdown);
  const valued = (id: string) => hasValue(Object.hasOwn(input.facts, id) ? input.facts[id]?.value : undefined);
  const missing = marks.toConfirm.filter((id) => !valued(id));
  const unconfirmed = [...new Set([...marks.toConfirm.filter(valued), ...marks.unconfirmed])];
  const builtIn = new Set<string>(BUILT_IN_FACTS);
  const facts = template.referenced.filter((id) => !builtIn.has(id) && known.has(id) && !unconfirmed.includes(id));

  const text = format === "txt" ? toText(markdown) : format === "html" ? htmlPage(markdownToHtml(markdown), template.info.title, template.lang) : markdown;
  return { text, missing, unconfirmed, facts };
}

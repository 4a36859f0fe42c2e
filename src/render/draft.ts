/**
 * One draft: render a template and run the statement checks on the result. Both the
 * facts-file mode and the incident mode of `respond draft` go through here.
 */
import { checkStatement, type CheckContext, type Finding } from "../checks/checks.js";
import { checkContextOf } from "../checks/context.js";
import { toText } from "./format.js";
import { renderTemplate, loadTemplateSync } from "./template.js";
import type { Format, RenderInput, RenderResult, Template } from "./types.js";

export interface Draft extends RenderResult {
  template: Template;
  /** the statement checks' findings, positioned in the Markdown/text version */
  findings: Finding[];
  /** length of the plain-text version, to compare with template.info.limit */
  length: number;
}

export function checkContext(template: Template, input: RenderInput): CheckContext {
  return checkContextOf({
    facts: input.facts,
    declared: input.factMeta ?? [],
    flags: input.flags,
    lang: template.lang === "fr" ? "fr" : "en",
    audience: template.info.public ? "public" : "internal",
  });
}

export function draftFromInput(templateId: string, input: RenderInput, options: { format: Format; lang: string; dir?: string }): Draft {
  const template = loadTemplateSync(templateId, options.lang, options.dir ? { dir: options.dir } : {});
  // one run gives the Markdown and, from it, the plain text; HTML escapes values, so it needs its own
  const markdown = renderTemplate(template, input, "md");
  const plain = toText(markdown.text);
  const result = options.format === "md" ? markdown : options.format === "txt" ? { ...markdown, text: plain } : renderTemplate(template, input, "html");
  // checks read what a person reads: the Markdown for md, the plain text otherwise
  const checked = options.format === "md" ? markdown.text : plain;
  const findings = checkStatement(checked, checkContext(template, input));
  return { ...result, template, findings, length: plain.trim().length };
}

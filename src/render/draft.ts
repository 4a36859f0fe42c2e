/**
 * One draft: render a template and run the statement checks on the result. Both the
 * facts-file mode and the incident mode of `respond draft` go through here.
 */
import { checkStatement, type CheckContext, type Finding } from "../checks/checks.js";
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
  const meta = new Map((input.factMeta ?? []).map((m) => [m.id, m]));
  const sensitive = (id: string) => {
    const s = meta.get(id)?.sensitive;
    return s === "perpetrator" || s === "victims" || s === "casualties" ? s : undefined;
  };
  return {
    lang: template.lang === "fr" ? "fr" : "en",
    motiveConfirmed: input.flags.motive_confirmed === true,
    audience: template.info.public ? "public" : "internal",
    facts: Object.entries(input.facts).map(([id, fact]) => ({
      id,
      value: fact.value,
      confirmed: fact.confirmed,
      ...(sensitive(id) ? { sensitive: sensitive(id)! } : {}),
      ...(meta.get(id)?.public === false ? { public: false } : {}),
    })),
  };
}

export function draftFromInput(templateId: string, input: RenderInput, options: { format: Format; lang: string; dir?: string }): Draft {
  const template = loadTemplateSync(templateId, options.lang, options.dir ? { dir: options.dir } : {});
  const result = renderTemplate(template, input, options.format);
  const plain = options.format === "txt" ? result.text : renderTemplate(template, input, "txt").text;
  // checks read what a person reads: the Markdown for md, the plain text otherwise
  const checked = options.format === "md" ? result.text : plain;
  const findings = checkStatement(checked, checkContext(template, input));
  return { ...result, template, findings, length: plain.trim().length };
}

/**
 * A playbook as a readable outline by phase, in one language, wrapped to a width.
 * Pure: it returns lines; the CLI prints them. The words come from the caller's
 * message catalog so the outline reads in the interface language.
 */
import { pick } from "../lang.js";
import type { Messages } from "../i18n/index.js";
import { parseOffset, tLabel } from "./duration.js";
import type { Condition, Step } from "./schema.js";
import type { ResolvedPlaybook } from "./types.js";

type Words = Messages["playbooks"];

function tOffset(text: string): string {
  const offset = parseOffset(text);
  return offset ? tLabel(offset) : text;
}

export function summariseCondition(condition: Condition, words: Words["conditions"], nested = false): string {
  const values = (v: unknown) => (Array.isArray(v) ? v.map(String).join(words.orValues) : String(v));
  if ("all" in condition || "any" in condition) {
    const list = "all" in condition ? condition.all : condition.any;
    const joined = list.map((c) => summariseCondition(c, words, true)).join("all" in condition ? words.and : words.or);
    return nested && list.length > 1 ? `(${joined})` : joined;
  }
  if ("not" in condition) return words.not(summariseCondition(condition.not, words));
  if ("decision" in condition) return condition.is === undefined ? words.decided(condition.decision) : words.decisionIs(condition.decision, values(condition.is));
  if ("flag" in condition) return condition.is === undefined ? words.flag(condition.flag) : words.flagIs(condition.flag, String(condition.is));
  return condition.is === undefined ? words.has(condition.fact) : words.factIs(condition.fact, values(condition.is));
}

/** Greedy word wrap; the first line gets `first`, the rest `rest` as indent. */
export function wrap(text: string, width: number, first: string, rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (empty ? "" : " ") + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

const MARK: Record<Step["kind"], string> = { task: "[ ]", decision: "[?]", statement: "[S]" };

export function outline(playbook: ResolvedPlaybook, lang: string, words: Words, width = 80): string[] {
  const w = words.show;
  const out: string[] = [];
  const roleName = new Map(playbook.roles.map((r) => [r.id, pick(r.name, lang)]));
  out.push(...wrap(w.heading(pick(playbook.title, lang), playbook.id, playbook.version), width, ""));
  if (playbook.description) out.push(...wrap(pick(playbook.description, lang), width, ""));
  out.push(w.languages(playbook.languages.join(", ")));
  if (playbook.extendsChain.length) out.push(w.extendsChain(playbook.extendsChain.join(" > ")));
  out.push(w.legend);

  for (const phase of playbook.phases) {
    out.push("");
    const window = w.window(tOffset(phase.window.from), phase.window.to === undefined ? undefined : tOffset(phase.window.to));
    const extra = phase.preparedness ? ` (${w.preparedness})` : "";
    out.push(...wrap(`${pick(phase.title, lang)} · ${window}${extra} · ${w.stepsCount(phase.steps.length)}`, width, "", "  "));
    if (phase.summary) out.push(...wrap(pick(phase.summary, lang), width, "  ", "  "));
    for (const step of phase.steps) {
      out.push(...wrap(`${MARK[step.kind]} ${step.id}: ${pick(step.title, lang)}`, width, "  ", "      "));
      const details = [w.owner(roleName.get(step.owner) ?? step.owner)];
      if (step.due) details.push(w.due(tOffset(step.due)));
      if (step.kind === "task" && step.repeat) details.push(w.repeat(step.repeat.every, tOffset(step.repeat.until)));
      if (step.kind === "statement") details.push(w.template(step.template, step.audience, step.channel));
      if (step.starts === "closed") details.push(w.closed);
      out.push(...wrap(details.join(" · "), width, "      "));
      if (step.when) out.push(...wrap(w.when(summariseCondition(step.when, words.conditions)), width, "      ", "        "));
      if (step.kind === "decision") {
        for (const option of step.options) {
          const effects: string[] = [];
          if (option.set) effects.push(w.sets(Object.entries(option.set).map(([k, v]) => `${k}=${String(v)}`).join(", ")));
          if (option.open?.length) effects.push(w.opens(option.open.join(", ")));
          if (option.close?.length) effects.push(w.closes(option.close.join(", ")));
          const tail = effects.length ? ` (${effects.join("; ")})` : "";
          out.push(...wrap(`- ${option.id}: ${pick(option.label, lang)}${tail}`, width, "        ", "          "));
        }
      }
    }
  }

  const contacts = playbook.contacts ?? [];
  if (contacts.length) {
    out.push("", w.contacts);
    for (const c of contacts) {
      const bits = [c.name, c.organisation, c.role ? roleName.get(c.role) ?? c.role : undefined, c.phone, c.email].filter(Boolean);
      out.push(...wrap(`- ${bits.join(" · ")}`, width, "  ", "    "));
    }
  }
  const partners = playbook.partners ?? [];
  if (partners.length) {
    out.push("", w.partners);
    for (const p of partners) out.push(...wrap(`- ${[p.name, p.kind, p.contact].filter(Boolean).join(" · ")}`, width, "  ", "    "));
  }
  return out;
}

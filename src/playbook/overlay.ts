/**
 * Overlays: a city adapts a playbook without copying it. Steps are replaced in
 * place (same id, same position), removed, or added after a given step (or at the
 * end of a phase); roles, facts, contacts and partners are merged by id, the
 * overlay's version winning. Every target that does not exist is an issue at the
 * overlay line that names it.
 */
import type { Issue } from "../errors.js";
import { isRec, issueAt, languagesOf, list, parts, str, type Draft, type Origin, type Part, type SourceFile } from "./draft.js";

export interface OverlayResult {
  draft: Draft;
  issues: Issue[];
  /** step id -> the `remove` entry that removed it, so references to it are reported there */
  removed: Map<string, Origin>;
}

export function applyOverlay(base: Draft, source: SourceFile, baseId: string): OverlayResult {
  const { value, file, locate } = source;
  const o = { file, locate };
  const top: Origin = { ...o, at: [] };
  const issues: Issue[] = [];
  const removed = new Map<string, Origin>();
  const phases = base.phases.map((p) => ({ ...p, steps: [...p.steps] }));
  const findStep = (id: string) => {
    for (const phase of phases) {
      const index = phase.steps.findIndex((s) => str(s.raw, "id") === id);
      if (index >= 0) return { phase, index };
    }
    return undefined;
  };

  list(value, "replace").forEach((raw, i) => {
    if (!isRec(raw)) return;
    const id = str(raw, "id");
    if (id === undefined) return;
    const found = findStep(id);
    if (!found) issues.push(issueAt(top, ["replace", i, "id"], `there is no step '${id}' to replace in '${baseId}'`));
    else found.phase.steps[found.index] = { raw, origin: { ...o, at: ["replace", i] } };
  });

  list(value, "remove").forEach((id, i) => {
    if (typeof id !== "string") return;
    const found = findStep(id);
    if (!found) issues.push(issueAt(top, ["remove", i], `there is no step '${id}' to remove in '${baseId}'`));
    else {
      found.phase.steps.splice(found.index, 1);
      removed.set(id, { ...o, at: ["remove", i] });
    }
  });

  list(value, "add").forEach((entry, i) => {
    if (!isRec(entry) || !isRec(entry.step)) return;
    const phaseId = str(entry, "phase");
    const phase = phases.find((p) => str(p.raw, "id") === phaseId);
    const step: Part = { raw: entry.step, origin: { ...o, at: ["add", i, "step"] } };
    if (phaseId === undefined) return;
    if (!phase) {
      const known = phases.map((p) => str(p.raw, "id")).filter(Boolean).join(", ");
      issues.push(issueAt(top, ["add", i, "phase"], `there is no phase '${phaseId}' in '${baseId}' (phases: ${known})`));
      return;
    }
    const after = str(entry, "after");
    if (after === undefined) {
      phase.steps.push(step);
      return;
    }
    const index = phase.steps.findIndex((s) => str(s.raw, "id") === after);
    if (index >= 0) {
      phase.steps.splice(index + 1, 0, step);
      return;
    }
    const elsewhere = findStep(after);
    const why = removed.has(after)
      ? `step '${after}' is removed by this overlay`
      : elsewhere
        ? `step '${after}' is in phase '${str(elsewhere.phase.raw, "id")}', not '${phaseId}'`
        : `there is no step '${after}' in '${baseId}'`;
    issues.push(issueAt(top, ["add", i, "after"], why));
    phase.steps.push(step);
  });

  const languages = languagesOf(value);
  languages.forEach((lang, i) => {
    if (base.languages.length && !base.languages.includes(lang)) {
      issues.push(issueAt(top, ["languages", i], `'${baseId}' has no text in '${lang}' (its languages: ${base.languages.join(", ")})`));
    }
  });

  return {
    draft: {
      meta: { raw: value, origin: top },
      languages,
      roles: merge(base.roles, parts(value, "roles", o, [])),
      facts: merge(base.facts, parts(value, "facts", o, [])),
      contacts: merge(base.contacts, parts(value, "contacts", o, [])),
      partners: merge(base.partners, parts(value, "partners", o, [])),
      phases,
      sources: [...base.sources, source],
      chain: [baseId, ...base.chain],
    },
    issues,
    removed,
  };
}

/** The overlay's item replaces the base's of the same id; new ids are appended. */
function merge(base: Part[], added: Part[]): Part[] {
  const result = [...base];
  for (const item of added) {
    const id = str(item.raw, "id");
    const index = result.findIndex((b, i) => i < base.length && b.origin.file !== item.origin.file && str(b.raw, "id") === id);
    if (id !== undefined && index >= 0) result[index] = item;
    else result.push(item);
  }
  return result;
}

/**
 * The text of a new playbook file: an overlay of an existing playbook (the usual
 * case: a city adapts the shipped one) or a small complete playbook. Both carry the
 * editor schema line and validate as written; the examples are comments.
 */
import { dirname, relative, sep } from "node:path";
import { shippedPlaybooksDir } from "../paths.js";
import type { ResolvedPlaybook } from "./types.js";

/** The schema line, relative to where the file is written so editors find it offline. */
export function schemaLine(outFile: string): string {
  let ref = relative(dirname(outFile), `${shippedPlaybooksDir()}${sep}playbook.schema.json`).split(sep).join("/");
  if (!ref.startsWith(".")) ref = `./${ref}`;
  return `# yaml-language-server: $schema=${ref}`;
}

const quote = (text: string) => JSON.stringify(text);

export function overlayText(id: string, base: ResolvedPlaybook, outFile: string): string {
  const phase = base.phases[0];
  const firstStep = phase?.steps[0];
  const lastStep = base.phases.flatMap((p) => p.steps).at(-1);
  const role = base.roles[0]?.id ?? "lead";
  const phaseId = phase?.id ?? "first-hours";
  const afterId = firstStep?.id ?? "first-step";
  return `${schemaLine(outFile)}
# A local adaptation of '${base.id}'. Everything not changed here comes from it,
# so updates to '${base.id}' reach you without copying anything.
# Reference: docs/playbook-format.md. Check it with: respond playbooks validate <this file>
format: 1
id: ${id}
extends: ${base.id}
title: ${quote(`${id} (adapted from ${base.id})`)}
version: 0.1.0
languages: [${base.languages.join(", ")}]

# Who to call: people and the playbook role they fill (roles: ${base.roles.map((r) => r.id).join(", ")}).
# contacts:
#   - id: duty-officer
#     name: Jane Doe
#     organisation: City hall
#     role: ${role}
#     phone: "+33 1 23 45 67 89"
#     email: jane.doe@example.org

# Local organisations to involve: faith, youth, victims-support, civil-society...
# partners:
#   - id: interfaith-council
#     name: Interfaith council
#     kind: faith
#     contact: "+33 1 98 76 54 32"

# Add a step after another one (or at the end of the phase without 'after').
# add:
#   - phase: ${phaseId}
#     after: ${afterId}
#     step:
#       kind: task
#       id: call-local-radio
#       title: { ${base.languages.map((l) => `${l}: Call the local radio`).join(", ")} }
#       owner: ${role}
#       due: 2h
#       source: City procedure

# Replace a step whole: same id, same place; give every field again.
# replace:
#   - kind: task
#     id: ${afterId}
#     title: Our own version of this step
#     owner: ${role}
#     due: 1h
#     source: City procedure

# Remove steps that do not apply here (nothing may still name them in 'when',
# 'open' or 'close').
# remove: [${lastStep?.id ?? "some-step"}]
`;
}

export function blankText(id: string, lang: string, outFile: string): string {
  return `${schemaLine(outFile)}
# A new playbook. Reference: docs/playbook-format.md.
# Check it with: respond playbooks validate <this file>
format: 1
id: ${id}
title: ${quote(id)}
version: 0.1.0
languages: [${lang}]

roles:
  - id: lead
    name: Crisis lead
  - id: communications
    name: Communications

# Facts asked at start (city, attack_time, timezone and lang are always known).
facts:
  - id: location
    type: text
    label: Where it happened
    required: true

phases:
  - id: first-hours
    title: First hours
    window: { from: 0h, to: 24h }
    steps:
      - kind: task
        id: activate-crisis-cell
        title: Activate the crisis cell
        owner: lead
        due: 30m
        guidance: Who sits in it, where, and the one phone line everyone calls.
        source: Your own procedure
      - kind: decision
        id: first-public-words
        title: When to speak publicly
        owner: lead
        due: 1h
        source: Your own procedure
        question: Do we speak now, or wait for the authorities' first statement?
        options:
          - id: speak-now
            label: Speak now, with confirmed facts only
            set: { spoke_early: true }
          - id: wait
            label: Wait for the authorities
            set: { spoke_early: false }
      - kind: task
        id: brief-staff
        title: Brief city staff
        owner: communications
        due: 2h
        source: Your own procedure
        when: { decision: first-public-words }
`;
}

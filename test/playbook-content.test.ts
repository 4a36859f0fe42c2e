/**
 * The shipped playbooks are the product: these tests hold their content to the
 * promises the README and docs/practice-map.md make (both languages everywhere, every
 * step owned, dated and sourced, every domain practice covered by real steps).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadPlaybook, validatePlaybookFiles } from "../src/playbook/load.js";
import { BasePlaybook, Overlay, type Step } from "../src/playbook/schema.js";
import { ROOT } from "./helpers/cli.js";
import { STATEMENTS as AGREED_TEMPLATES } from "./helpers/render-facts.js";

/** domain.md's References and the seeds: every `source` starts with one of these. */
const REFERENCES = [
  "Strong Cities Network, A Guide for City-Led Response (2024): ",
  "Strong Cities Network, Transatlantic Dialogue, ten key findings (2023), ",
  "Strong Cities Network, City response and response toolkit (seed 000)",
  "Strong Cities Network, ten-step roadmap for city support to community programmes (2023, seed 003)",
  "Strong Cities Network, multi-actor frameworks in small and mid-sized US cities (seed 004)",
  "Kerslake Report on the Manchester Arena attack (2018)",
  "Brussels parliamentary inquiry on the 22 March 2016 attacks",
  "NKVTS reports on follow-up of Utøya survivors",
  "Christchurch City Council statements, March 2019",
  "US DOJ Office for Victims of Crime, Helping Victims of Mass Violence & Terrorism",
  "EU Radicalisation Awareness Network, Communications after an attack (2019)",
  "EU Handbook on Victims of Terrorism (2021)",
  "Victim Support Europe, Remembering Victims of Terrorism",
  "FEMA HSEEP",
  "CISA Tabletop Exercise Packages",
  "ICS forms 201 and 214",
  "CDC Crisis and Emergency Risk Communication (CERC)",
];

const FILES = {
  city: "playbooks/city-response.yaml",
  tension: "playbooks/heightened-tension.yaml",
  riverton: "playbooks/examples/riverton.yaml",
} as const;

const raw = (file: string): unknown => parse(readFileSync(join(ROOT, file), "utf8"));
const city = BasePlaybook.parse(raw(FILES.city));
const tension = BasePlaybook.parse(raw(FILES.tension));
const riverton = Overlay.parse(raw(FILES.riverton));

const stepsOf = (pb: BasePlaybook): Step[] => pb.phases.flatMap((p) => p.steps);
const cityIds = new Set(stepsOf(city).map((s) => s.id));
/** every step the three shipped files define, the overlay's added and replaced ones included */
const shippedSteps: Step[] = [...stepsOf(city), ...stepsOf(tension), ...(riverton.add ?? []).map((a) => a.step), ...(riverton.replace ?? [])];

/**
 * domain.md "Practices by phase" and "Statement rules" -> the steps that carry them.
 * docs/practice-map.md is the readable copy of this table.
 */
const PRACTICES: Record<string, string[]> = {
  // hours
  "contact national lead and police": ["contact-national-lead"],
  "agree who says what": ["agree-spokespeople"],
  "holding statement early": ["holding-statement", "first-social-post", "info-page"],
  "no speculation on perpetrator or motive": ["message-check", "motive-status"],
  "no terrorism/hate wording until confirmed": ["motive-status", "motive-update-statement"],
  "do not name the perpetrator": ["record-perpetrator-private", "message-check"],
  "families told before public disclosure": ["families-first", "family-media-shield"],
  "activate crisis team": ["activate-crisis-team", "situation-briefing"],
  "support line": ["support-line"],
  "psychological first aid": ["psychological-first-aid"],
  translation: ["translation"],
  "speak out against hate; unite or divide": ["solidarity-statement", "message-check"],
  "watch for reprisals, protect places of worship": ["reprisal-protection", "targeted-community"],
  "monitor rumours and disinformation": ["rumour-watch", "rumour-watch-days", "rumour-rebuttal"],
  // days
  "one-stop assistance centre": ["assistance-centre", "assistance-centre-open", "assistance-centre-join"],
  "single reference person per family": ["family-reference-person"],
  "vigil: city-led or community-led": ["vigil-lead", "vigil-organise", "vigil-support", "vigil-remarks"],
  "meet affected communities; safe spaces": ["community-meetings", "targeted-community-meeting"],
  "credible messengers, hard-to-reach communities": ["credible-messengers"],
  "council condemnation and minute's silence": ["council-session", "council-motion", "minute-silence"],
  "condolence books": ["condolence-book", "condolence-book-setup"],
  "flowers and tributes": ["site-tributes", "tributes-care"],
  "multilingual information on reaching services": ["multilingual-services", "translation"],
  "support for first responders and staff": ["responder-support", "staff-support-message"],
  // weeks
  "proactive outreach to survivors and families": ["survivor-outreach"],
  "return visits to the site": ["site-return-visits"],
  "city coordinates psychosocial support; witnesses": ["psychosocial-coordination", "witness-outreach"],
  "tributes archiving with families' views": ["tributes-archive"],
  "donations and funds": ["donation-fund", "donations-governance", "donations-fraud-warning", "donations-distribution"],
  "schools: teachers, media literacy, early signs": ["schools-teacher-guidance", "schools-early-signs"],
  "monitor tensions and hate incidents, keep data current": ["tension-monitoring", "hate-incident-data"],
  // months
  "long-term mental-health support (18 months+)": ["long-term-mental-health", "services-review"],
  "review centred on those affected; lessons learned": ["review-form", "review-conduct"],
  "public meetings chaired by the mayor": ["public-meetings"],
  "long-term funding, small grants, capacity building": ["partner-funding", "partner-capacity"],
  "permanent memorial: consult first": ["memorial-decision", "memorial-consultation", "memorial-consultation-process"],
  // anniversary
  "anniversary planned with families": ["anniversary-form", "anniversary-with-families"],
  "clinicians present at the anniversary": ["anniversary-clinicians", "anniversary-day-support"],
  "prefer community-led events": ["anniversary-form"],
  "anniversary media handling": ["anniversary-media"],
  // before
  "written plan with roles and chain of command": ["prep-written-plan"],
  "contact directory": ["prep-contact-directory"],
  "yearly tabletop exercise with national actors": ["prep-tabletop"],
  "relationships with communities in place": ["prep-community-relationships", "prep-steering-group", "prep-partner-directory"],
  // statement rules
  "rule: no perpetrator name or voice": ["record-perpetrator-private", "message-check"],
  "rule: no motive wording before confirmation": ["motive-status", "message-check"],
  "rule: casualties and names only when confirmed and cleared": ["families-first", "letter-to-families"],
  "rule: no blame of a community": ["message-check", "reprisal-protection"],
  "rule: no party-political content": ["inform-council", "message-check"],
  "rule: essentials (sympathy, help, official info, unity)": ["holding-statement", "message-check"],
};

/** Keys whose values are Text in the format (Role.name only: contacts and partners have plain names). */
const TEXT_KEYS = new Set(["title", "description", "label", "help", "guidance", "question", "summary", "notes"]);

function textsWithoutBothLanguages(value: unknown, at = "", inRoles = false): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => textsWithoutBothLanguages(v, `${at}[${i}]`, inRoles));
  if (typeof value !== "object" || value === null) return [];
  const bad: string[] = [];
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const path = at ? `${at}.${key}` : key;
    if (TEXT_KEYS.has(key) || (inRoles && (key === "name" || key === "short"))) {
      const map = inner as Record<string, unknown>;
      const ok =
        typeof inner === "object" &&
        inner !== null &&
        typeof map.en === "string" &&
        map.en.trim() !== "" &&
        typeof map.fr === "string" &&
        map.fr.trim() !== "";
      if (!ok) bad.push(path);
    } else {
      bad.push(...textsWithoutBothLanguages(inner, path, key === "roles"));
    }
  }
  return bad;
}

describe("shipped playbook content", () => {
  it("every text in every shipped file has both English and French", () => {
    for (const file of Object.values(FILES)) {
      expect(textsWithoutBothLanguages(raw(file)), file).toEqual([]);
    }
  });

  it("every role of the shipped playbooks has a short name for screens, in both languages, at most 20 characters", () => {
    for (const role of [...city.roles, ...tension.roles]) {
      const short = role.short as Record<string, string> | undefined;
      expect(short && Object.keys(short).sort(), role.id).toEqual(["en", "fr"]);
      for (const text of Object.values(short ?? {})) expect(text.length, `${role.id}: ${text}`).toBeLessThanOrEqual(20);
    }
  });

  it("every step has an owner, a due offset and a source", () => {
    for (const step of shippedSteps) {
      expect(step.owner, step.id).toBeTruthy();
      expect(step.due, step.id).toBeTruthy();
      const sources = Array.isArray(step.source) ? step.source : [step.source];
      expect(sources.length, step.id).toBeGreaterThan(0);
      for (const s of sources) expect(REFERENCES.some((r) => s.startsWith(r)), `${step.id}: ${s}`).toBe(true);
    }
  });

  it("city-response has at least 60 steps and 12 decisions, and the phases the issue asks for", () => {
    const steps = stepsOf(city);
    expect(steps.length).toBeGreaterThanOrEqual(60);
    expect(steps.filter((s) => s.kind === "decision").length).toBeGreaterThanOrEqual(12);
    expect(city.phases.map((p) => p.id)).toEqual(["before", "hours", "days", "weeks", "months", "anniversary"]);
    expect(city.phases[0]?.preparedness).toBe(true);
  });

  it("every decision option says its trade-offs, and decisions branch", () => {
    for (const pb of [city, tension]) {
      for (const step of stepsOf(pb)) {
        if (step.kind !== "decision") continue;
        for (const option of step.options) expect(option.guidance, `${step.id}/${option.id}`).toBeTruthy();
        const branches = step.options.some((o) => o.set || o.open || o.close);
        expect(branches, `${step.id} has no option that sets a flag or opens or closes a step`).toBe(true);
      }
    }
  });

  it("the decisions that templates and checks rely on are there, with the agreed flags", () => {
    const decision = (id: string) => {
      const step = stepsOf(city).find((s) => s.id === id);
      if (step?.kind !== "decision") throw new Error(`${id} is not a decision`);
      return Object.fromEntries(step.options.map((o) => [o.id, o.set]));
    };
    expect(decision("motive-status")).toMatchObject({
      "not-confirmed": { motive_confirmed: false },
      "terrorism-confirmed": { motive_confirmed: true, motive: "terrorism" },
      "hate-confirmed": { motive_confirmed: true, motive: "hate" },
    });
    expect(decision("targeted-community")).toMatchObject({
      identified: { community_targeted: true },
      "not-identified": { community_targeted: false },
    });
    expect(decision("vigil-lead")).toMatchObject({
      "city-led": { vigil: "city" },
      "community-led": { vigil: "community" },
      "no-vigil": { vigil: "none" },
    });
  });

  it("statements use only the agreed template ids", () => {
    for (const step of shippedSteps) {
      if (step.kind === "statement") expect(AGREED_TEMPLATES, step.id).toContain(step.template);
    }
    const used = new Set(stepsOf(city).flatMap((s) => (s.kind === "statement" ? [s.template] : [])));
    expect([...used].sort()).toEqual([...AGREED_TEMPLATES].sort());
  });

  it("heightened-tension drafts its statements only once it knows there was no attack here", () => {
    const steps = stepsOf(tension);
    const kind = steps.find((s) => s.id === "situation-kind");
    if (kind?.kind !== "decision") throw new Error("situation-kind is not a decision");
    expect(kind.options.map((o) => o.id).sort()).toEqual(["attack-elsewhere", "hate-incidents", "threat"]);
    for (const option of kind.options) expect(option.set, option.id).toEqual({ attack_here: false, tension: option.id });
    const statements = steps.filter((s) => s.kind === "statement");
    expect(statements.map((s) => (s.kind === "statement" ? s.template : "")).sort()).toEqual(
      ["partner-briefing", "rumour-rebuttal", "social-post", "solidarity-statement", "staff-message"],
    );
    // before the decision, attack_here is unset and templates would speak of an attack here
    for (const step of statements) expect(step.when, step.id).toEqual({ decision: "situation-kind" });
    // city-response leaves the flag unset: its statements are about an attack here
    expect(JSON.stringify(city)).not.toContain("attack_here");
  });

  it("declares the agreed facts, the perpetrator's name private", () => {
    const facts = new Map(city.facts.map((f) => [f.id, f]));
    for (const id of [
      "mayor_name", "location", "incident_summary", "victims_count", "injured_count", "victim_names", "perpetrator_name",
      "targeted_community", "support_line", "info_url", "assistance_centre", "national_lead", "vigil_date", "vigil_place",
      "condolence_book_place", "memorial_consultation_date", "memorial_consultation_place", "donations_info", "staff_support_contact",
    ]) {
      expect(facts.has(id), id).toBe(true);
    }
    expect(facts.get("perpetrator_name")).toMatchObject({ public: false, sensitive: "perpetrator" });
    expect(facts.get("victim_names")).toMatchObject({ sensitive: "victims", ask: false });
    for (const id of ["location", "support_line", "info_url", "incident_summary"]) expect(facts.get(id)?.required, id).toBe(true);
    for (const id of ["vigil_date", "vigil_place", "memorial_consultation_date"]) expect(facts.get(id)?.ask, id).toBe(false);
  });

  it("every domain.md practice maps to steps that exist", () => {
    for (const [practice, ids] of Object.entries(PRACTICES)) {
      expect(ids.length, practice).toBeGreaterThan(0);
      for (const id of ids) expect(cityIds.has(id), `${practice}: ${id}`).toBe(true);
    }
  });

  it("docs/practice-map.md names every step the table names", () => {
    const doc = readFileSync(join(ROOT, "docs/practice-map.md"), "utf8");
    for (const id of new Set(Object.values(PRACTICES).flat())) expect(doc, id).toContain(`\`${id}\``);
  });

  it("the Riverton overlay adapts city-response with real ids", () => {
    expect(riverton.extends).toBe("city-response");
    expect(riverton.contacts?.length).toBeGreaterThan(3);
    expect(riverton.partners?.some((p) => p.kind === "faith")).toBe(true);
    for (const id of riverton.replace?.map((s) => s.id) ?? []) expect(cityIds.has(id), id).toBe(true);
    for (const add of riverton.add ?? []) {
      expect(add.after && cityIds.has(add.after), add.step.id).toBe(true);
      expect(cityIds.has(add.step.id), add.step.id).toBe(false);
    }
    const removed = new Set(riverton.remove ?? []);
    expect(removed.size).toBe(1);
    for (const id of removed) expect(cityIds.has(id), id).toBe(true);
    // a removed step must not be what any remaining option opens or closes, or a `when` names
    const rest = JSON.stringify(stepsOf(city).filter((s) => !removed.has(s.id)));
    for (const id of removed) expect(rest).not.toContain(`"${id}"`);
  });
});

// The shipped files must pass the real loader whole (overlay resolution, cross-references, templates).
describe("shipped playbooks pass the loader", () => {
  it("validatePlaybookFiles finds no issues in the three files", async () => {
    const results = await validatePlaybookFiles(Object.values(FILES), { cwd: ROOT });
    expect(results).toHaveLength(3);
    expect(results.flatMap((r) => r.issues.map((i) => `${i.file}:${i.line} ${i.path} ${i.message}`))).toEqual([]);
    for (const r of results) expect(r.playbook, r.file).toBeDefined();
  });

  it("the resolved Riverton playbook has its step added, replaced and removed", async () => {
    const pb = await loadPlaybook(FILES.riverton, { cwd: ROOT });
    const hours = pb.phases.find((p) => p.id === "hours")?.steps ?? [];
    const ids = hours.map((s) => s.id);
    expect(ids.indexOf("interfaith-phone-tree")).toBe(ids.indexOf("reprisal-protection") + 1);
    expect(pb.phases.flatMap((p) => p.steps).some((s) => s.id === "flags-half-mast")).toBe(false);
    expect(JSON.stringify(hours.find((s) => s.id === "support-line")?.title)).toContain("Riverton Victim Support");
    expect(pb.contacts?.length).toBe(riverton.contacts?.length);
    expect(pb.extendsChain).toEqual(["city-response"]);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkStatement } from "../src/checks/checks.js";
import { listTemplates, loadTemplate, renderTemplate } from "../src/render/template.js";
import type { RenderInput } from "../src/render/types.js";
import { ROOT } from "./helpers/cli.js";
import {
  ATTACK_ELSEWHERE,
  FACT_META,
  fullInput,
  HATE_INCIDENTS,
  HATE_TARGETED,
  MOTIVE_OPEN,
  PUBLIC_STATEMENTS,
  STATEMENTS,
  tensionInput,
  TENSION_TEMPLATES,
  TERRORISM,
  THREAT,
} from "./helpers/render-facts.js";

const LANGS = ["en", "fr"] as const;

function checksFor(input: RenderInput, lang: "en" | "fr", audience: "public" | "internal") {
  const meta = new Map(FACT_META.map((m) => [m.id, m]));
  return {
    lang,
    motiveConfirmed: input.flags.motive_confirmed === true,
    audience,
    facts: Object.entries(input.facts).map(([id, f]) => ({
      id,
      value: f.value,
      confirmed: f.confirmed,
      ...(meta.get(id)?.sensitive ? { sensitive: meta.get(id)!.sensitive as "perpetrator" } : {}),
      ...(meta.get(id)?.public === false ? { public: false } : {}),
    })),
  };
}

describe.each(LANGS)("shipped templates in %s", (lang) => {
  it("lists the twelve statements and the checklist, each in both languages", async () => {
    const list = await listTemplates({ lang });
    const ids = list.map((t) => t.id);
    for (const id of [...STATEMENTS, "checklist"]) expect(ids).toContain(id);
    for (const info of list) expect(info.languages).toEqual(["en", "fr"]);
    expect(list.find((t) => t.id === "social-post")?.limit).toBe(280);
  });

  it.each(STATEMENTS)("%s renders with every fact confirmed: no placeholder, no blank, within its limit", async (id) => {
    const template = await loadTemplate(id, lang);
    for (const flags of [MOTIVE_OPEN, TERRORISM, HATE_TARGETED]) {
      for (const vigil of ["city-led", "community-led", "no-vigil"]) {
        const input = fullInput(lang, { flags, decisions: { "vigil-lead": vigil } });
        for (const format of ["md", "txt", "html"] as const) {
          const r = renderTemplate(template, input, format);
          expect(r.missing, `${id} ${format}`).toEqual([]);
          expect(r.unconfirmed).toEqual([]);
          expect(r.text).not.toMatch(/\[\[|undefined|\[object|NaN|\bnull\b|Invalid Date/);
          expect(r.text).not.toContain("Jon Doerr");
          // no hole left by an empty value: " ," " ." doubled spaces, runs of blank lines
          expect(r.text, `${id} ${format}`).not.toMatch(/ ,|[^\S\n]\.(?!\w)|[^\S\n]{2,}\S|\n{3,}/);
        }
        const txt = renderTemplate(template, input, "txt").text.trim();
        if (template.info.limit) expect(txt.length, `${id} is ${txt.length} characters`).toBeLessThanOrEqual(template.info.limit);
      }
    }
  });

  it.each(STATEMENTS)("%s passes the statement checks when its facts are confirmed", async (id) => {
    const template = await loadTemplate(id, lang);
    for (const flags of [MOTIVE_OPEN, TERRORISM, HATE_TARGETED]) {
      const input = fullInput(lang, { flags });
      const text = renderTemplate(template, input, "txt").text;
      const findings = checkStatement(text, checksFor(input, lang, template.info.public ? "public" : "internal"));
      expect(findings.map((f) => `${f.rule} ${f.line}:${f.col} ${f.text}`), `${id} ${JSON.stringify(flags)}`).toEqual([]);
    }
  });

  it.each(PUBLIC_STATEMENTS)("%s with facts missing shows the placeholders and lists them", async (id) => {
    const template = await loadTemplate(id, lang);
    const r = renderTemplate(template, fullInput(lang, { facts: {} }), "md");
    const mark = lang === "fr" ? "[[à confirmer : " : "[[to confirm: ";
    expect(r.missing.length).toBeGreaterThan(0);
    for (const fact of r.missing) expect(r.text).toContain(`${mark}${fact}]]`);
    expect(r.unconfirmed).toEqual([]);
    expect(r.text).not.toMatch(/undefined|\[object/);
  });

  it("a public statement holds back unconfirmed facts; an internal one shows them marked", async () => {
    const facts = { ...fullInput(lang).facts, victims_count: { value: 4, confirmed: false }, support_line: { value: "0800 999", confirmed: false } };
    const pub = renderTemplate(await loadTemplate("update-statement", lang), fullInput(lang, { facts }), "md");
    expect(pub.unconfirmed.sort()).toEqual(["support_line", "victims_count"]);
    expect(pub.text).not.toContain("0800 999");
    expect(pub.text).not.toMatch(/\b4 (people|personnes)/);
    const internal = renderTemplate(await loadTemplate("staff-message", lang), fullInput(lang, { facts }), "md");
    expect(internal.unconfirmed.sort()).toEqual(["support_line", "victims_count"]);
    expect(internal.text).toContain(lang === "fr" ? "4 [[non confirmé : victims_count]]" : "4 [[unconfirmed: victims_count]]");
  });

  it("names the motive only once confirmed, as the authorities did", async () => {
    const template = await loadTemplate("holding-statement", lang);
    const open = renderTemplate(template, fullInput(lang, { flags: MOTIVE_OPEN }), "txt").text;
    const terror = renderTemplate(template, fullInput(lang, { flags: TERRORISM }), "txt").text;
    const hate = renderTemplate(template, fullInput(lang, { flags: HATE_TARGETED }), "txt").text;
    expect(open).not.toMatch(/terror|haine|hatred|hate/i);
    expect(terror).toMatch(lang === "fr" ? /attentat terroriste/ : /terrorist attack/);
    expect(hate).toMatch(lang === "fr" ? /motivée par la haine envers la communauté juive/ : /motivated by hatred of the Jewish community/);
    // an unset motive flag is not a confirmation
    const unset = renderTemplate(template, fullInput(lang, { flags: { motive_confirmed: true } }), "txt").text;
    expect(unset).not.toMatch(/terror|haine|hatred/i);
  });

  it("speaks to the targeted community only when one is identified", async () => {
    for (const id of ["holding-statement", "solidarity-statement", "social-post", "vigil-remarks", "council-motion"]) {
      const template = await loadTemplate(id, lang);
      const community = lang === "fr" ? "la communauté juive" : "the Jewish community";
      const targeted = renderTemplate(template, fullInput(lang, { flags: { ...MOTIVE_OPEN, community_targeted: true } }), "txt").text;
      const not = renderTemplate(template, fullInput(lang), "txt").text;
      expect(targeted, id).toContain(community);
      expect(not, id).not.toContain(community);
    }
  });

  it("vigil wording follows who leads it", async () => {
    const template = await loadTemplate("vigil-remarks", lang);
    const texts = ["city-led", "community-led", "no-vigil"].map((v) => renderTemplate(template, fullInput(lang, { decisions: { "vigil-lead": v } }), "txt").text);
    expect(new Set(texts).size).toBe(3);
  });

  it("victim names appear only once confirmed", async () => {
    const template = await loadTemplate("anniversary-message", lang);
    const facts = { ...fullInput(lang).facts, victim_names: { value: ["Anna Keller"], confirmed: false } };
    const r = renderTemplate(template, fullInput(lang, { facts }), "txt");
    expect(r.text).not.toContain("Anna Keller");
    const ok = renderTemplate(template, fullInput(lang), "txt");
    expect(ok.text).toContain(lang === "fr" ? "Anna Keller et Youssef Amrani" : "Anna Keller and Youssef Amrani");
  });
});

/** What heightened-tension declares, read from the shipped file so the two cannot drift apart. */
const TENSION_FACTS = new Set(
  ((parse(readFileSync(join(ROOT, "playbooks/heightened-tension.yaml"), "utf8")) as { facts: { id: string }[] }).facts ?? []).map((f) => f.id),
);
const KINDS = [ATTACK_ELSEWHERE, HATE_INCIDENTS, THREAT];
/** Wording that belongs to an attack here: casualty lines, "our city has been struck", the assistance centre. */
const ATTACK_HERE_WORDS = /struck|Deaths|Injured:|killed|assistance centre|condolence|frapp[ée]e? le|décédées|blessées|centre d'accueil|registre/i;

describe.each(LANGS)("attack_here in %s", (lang) => {
  it.each(STATEMENTS)("%s reads the same with attack_here true as with no flag (city-response is unchanged)", async (id) => {
    const template = await loadTemplate(id, lang);
    for (const flags of [MOTIVE_OPEN, TERRORISM, HATE_TARGETED]) {
      const unset = renderTemplate(template, fullInput(lang, { flags }), "md").text;
      const set = renderTemplate(template, fullInput(lang, { flags: { ...flags, attack_here: true } }), "md").text;
      expect(set, `${id} ${JSON.stringify(flags)}`).toBe(unset);
    }
  });

  it.each(STATEMENTS)("%s renders and passes the checks with attack_here false and every fact confirmed", async (id) => {
    const template = await loadTemplate(id, lang);
    for (const kind of KINDS) {
      for (const flags of [MOTIVE_OPEN, TERRORISM, HATE_TARGETED]) {
        const input = fullInput(lang, { flags: { ...flags, ...kind } });
        const r = renderTemplate(template, input, "txt");
        expect(r.missing, id).toEqual([]);
        expect(r.text).not.toMatch(/\[\[|undefined|\[object|NaN|\bnull\b|Invalid Date/);
        const findings = checkStatement(r.text, checksFor(input, lang, template.info.public ? "public" : "internal"));
        expect(findings.map((f) => `${f.rule} ${f.text}`), `${id} ${JSON.stringify(input.flags)}`).toEqual([]);
      }
    }
  });

  it.each(TENSION_TEMPLATES)("%s, for heightened-tension, needs only that playbook's facts and speaks of no attack here", async (id) => {
    const template = await loadTemplate(id, lang);
    for (const kind of KINDS) {
      for (const community_targeted of [false, true]) {
        const input = tensionInput(lang, kind, { community_targeted });
        const what = `${id} ${kind.tension} community=${community_targeted}`;
        for (const id of Object.keys(input.facts)) expect(TENSION_FACTS.has(id), `${id} is not a heightened-tension fact`).toBe(true);
        for (const format of ["md", "txt", "html"] as const) {
          const r = renderTemplate(template, input, format);
          expect(r.missing, `${what} ${format}`).toEqual([]);
          expect(r.unconfirmed).toEqual([]);
          expect(r.text).not.toMatch(/\[\[|undefined|\[object|NaN|\bnull\b|Invalid Date/);
          expect(r.text, `${what} ${format}`).not.toMatch(/ ,|[^\S\n]\.(?!\w)|[^\S\n]{2,}\S|\n{3,}/);
        }
        const txt = renderTemplate(template, input, "txt").text;
        expect(txt, what).not.toMatch(ATTACK_HERE_WORDS);
        expect(txt, what).toContain(input.facts.hate_reporting!.value as string);
        if (community_targeted) expect(txt, what).toMatch(lang === "fr" ? /la communauté juive/ : /the Jewish community/i);
        if (kind === ATTACK_ELSEWHERE) expect(txt, what).toContain("Manchester");
        if (template.info.limit) expect(txt.trim().length, what).toBeLessThanOrEqual(template.info.limit);
        const findings = checkStatement(txt, checksFor(input, lang, template.info.public ? "public" : "internal"));
        expect(findings.map((f) => `${f.rule} ${f.text}`), what).toEqual([]);
      }
    }
  });

  it.each(TENSION_TEMPLATES)("%s words an attack elsewhere, local tension and an attack here differently", async (id) => {
    const template = await loadTemplate(id, lang);
    const here = renderTemplate(template, fullInput(lang), "txt").text;
    const elsewhere = renderTemplate(template, tensionInput(lang, ATTACK_ELSEWHERE), "txt").text;
    const incidents = renderTemplate(template, tensionInput(lang, HATE_INCIDENTS), "txt").text;
    expect(new Set([here, elsewhere, incidents]).size).toBe(3);
  });

  it("the public statements still carry the essentials without an attack here", async () => {
    const template = await loadTemplate("solidarity-statement", lang);
    for (const kind of KINDS) {
      const input = tensionInput(lang, kind);
      const text = renderTemplate(template, input, "txt").text;
      for (const fact of ["support_line", "info_url", "hate_reporting", "mayor_name"]) expect(text, `${kind.tension} ${fact}`).toContain(input.facts[fact]!.value as string);
      expect(text).toMatch(lang === "fr" ? /rumeurs/ : /rumours/);
    }
    // a missing value is never blank here either
    const r = renderTemplate(template, tensionInput(lang, HATE_INCIDENTS, {}), "md");
    const bare = renderTemplate(template, { ...tensionInput(lang, HATE_INCIDENTS), facts: {} }, "md");
    expect(r.missing).toEqual([]);
    expect(bare.missing).toEqual(expect.arrayContaining(["hate_reporting", "support_line", "info_url", "incident_summary"]));
  });
});

describe("French templates elide « de » before a vowel", () => {
  it.each(["holding-statement", "vigil-remarks"])("%s: « Déclaration d'Anne Martin, maire d'Orléans », « de Claire Martin, maire de Lyon »", async (id) => {
    const template = await loadTemplate(id, "fr");
    const base = fullInput("fr");
    const elided = renderTemplate(template, { ...base, city: "Orléans", facts: { ...base.facts, mayor_name: { value: "Anne Martin", confirmed: true } } }, "md").text;
    expect(elided).toMatch(/^# \S+ d'Anne Martin, maire d'Orléans$/m);
    expect(elided).not.toMatch(/\bde (Anne|Orléans)\b/);
    expect(renderTemplate(template, base, "md").text).toMatch(/^# \S+ de Claire Martin, maire de Lyon$/m);
  });

  it("no French template writes « de » straight before a value", () => {
    for (const id of [...STATEMENTS, "checklist"]) {
      const text = readFileSync(join(ROOT, "templates/fr", `${id}.hbs`), "utf8");
      expect(text, id).not.toMatch(/\bde \{\{(?!#|\/|else)(?!(date|day|datetime|time) )/i);
    }
  });
});

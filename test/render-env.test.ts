import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { IncidentState, StepState } from "../src/engine/types.js";
import type { ResolvedPlaybook } from "../src/playbook/types.js";
import { renderChecklist } from "../src/render/checklist.js";
import { compile, createEnv } from "../src/render/env.js";
import { frenchDe } from "../src/render/helpers.js";
import { loadTemplate, renderTemplate } from "../src/render/template.js";
import type { RenderInput } from "../src/render/types.js";
import { tempDir } from "./helpers/cli.js";

function templatesRoot(): string {
  const root = tempDir("respond-tpl-");
  mkdirSync(join(root, "en", "partials"), { recursive: true });
  mkdirSync(join(root, "fr"), { recursive: true });
  return root;
}

function write(root: string, lang: string, id: string, body: string, front: Record<string, unknown> = {}): void {
  const meta = { id, title: "Test", audience: "public", channel: "press", public: true, facts: "[victims_count, support_line, victim_names, vigil_date, national_lead, note]", ...front };
  const yaml = Object.entries(meta)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  writeFileSync(join(root, lang, `${id}.hbs`), `---\n${yaml}\n---\n${body}`);
}

function input(overrides: Partial<RenderInput> = {}): RenderInput {
  return {
    lang: "en",
    timeZone: "Europe/Paris",
    t0: new Date("2026-05-14T16:30:00Z"),
    now: new Date("2026-05-14T19:45:00Z"),
    city: "Lyon",
    facts: {
      victims_count: { value: 3, confirmed: true },
      support_line: { value: "0800 123 456", confirmed: true },
      victim_names: { value: ["Anna", "Ben", "Chloé"], confirmed: true },
      vigil_date: { value: "2026-05-16T16:00:00Z", confirmed: true },
      note: { value: `<b>"Tom" & 'Jerry'</b> = x`, confirmed: true },
    },
    flags: { motive_confirmed: false },
    decisions: { "vigil-lead": "city-led" },
    ...overrides,
  };
}

async function render(body: string, options: { lang?: string; format?: "md" | "txt" | "html"; in?: Partial<RenderInput>; front?: Record<string, unknown> } = {}) {
  const root = templatesRoot();
  const lang = options.lang ?? "en";
  write(root, lang, "t", body, options.front);
  const template = await loadTemplate("t", lang, { dir: root });
  return renderTemplate(template, input({ lang, ...options.in }), options.format ?? "md");
}

async function templateError(body: string, front: Record<string, unknown> = {}): Promise<{ message: string; issues: { line: number; col: number; message: string }[] }> {
  try {
    await render(body, { front });
  } catch (error) {
    const e = error as { code?: string; message: string; issues: { line: number; col: number; message: string }[] };
    expect(e.code).toBe("invalid-input");
    return e;
  }
  throw new Error(`expected a template error for ${body}`);
}

describe("helpers", () => {
  it("format dates and times in the incident's language and time zone", async () => {
    const body = "{{date facts.vigil_date}}|{{time facts.vigil_date}}|{{datetime facts.vigil_date}}|{{day attack_time}}|{{time attack_time}}";
    expect((await render(body)).text.trim()).toBe("Saturday 16 May 2026|18:00|Saturday 16 May 2026 at 18:00|Thursday 14 May|18:30");
    expect((await render(body, { lang: "fr" })).text.trim()).toBe("samedi 16 mai 2026|18 h|samedi 16 mai 2026 à 18 h|jeudi 14 mai|18 h 30");
    const tokyo = await render("{{time attack_time}}", { in: { timeZone: "Asia/Tokyo" } });
    expect(tokyo.text.trim()).toBe("01:30");
  });

  it("give the time since the attack", async () => {
    expect((await render("{{since now}} {{since facts.vigil_date}}")).text.trim()).toBe("T+3h15 T+1d23h");
  });

  it("join lists and choose plurals per language", async () => {
    const body = '{{list facts.victim_names}}; {{facts.victims_count}} {{plural facts.victims_count "person" "people"}}; {{plural 1 "person" "people"}}';
    expect((await render(body)).text.trim()).toBe("Anna, Ben and Chloé; 3 people; person");
    const fr = '{{list facts.victim_names}} ; {{plural 0 "personne" "personnes"}} ; {{plural 2 "personne" "personnes"}}';
    expect((await render(fr, { lang: "fr" })).text.trim()).toBe("Anna, Ben et Chloé ; personne ; personnes");
  });

  it("pick per language, compare, negate, combine, capitalize", async () => {
    const body = '{{pick en="Hello" fr="Bonjour"}} {{#if (eq decisions.vigil-lead "city-led")}}city{{/if}} {{#if (not flags.motive_confirmed)}}open{{/if}} {{#if (and flags.x (or true false))}}no{{else}}yes{{/if}} {{capitalize "the Prefecture"}}';
    expect((await render(body)).text.trim()).toBe("Hello city open yes The Prefecture");
    expect((await render('{{pick en="Hello" fr="Bonjour"}}', { lang: "fr" })).text.trim()).toBe("Bonjour");
  });

  it("write French « de » before a name, elided before a vowel or y (accented too), not before h", async () => {
    const cases: [string, string][] = [
      ["Lyon", "de Lyon"],
      ["Orléans", "d'Orléans"],
      ["Anne Martin", "d'Anne Martin"],
      ["Yvonne", "d'Yvonne"],
      ["Évry", "d'Évry"],
      ["Île-Saint-Denis", "d'Île-Saint-Denis"],
      ["Hélène", "de Hélène"],
      ["la gare", "de la gare"],
      ["[[à confirmer : mayor_name]]", "de [[à confirmer : mayor_name]]"],
    ];
    for (const [name, expected] of cases) expect(frenchDe(name)).toBe(expected);
    const body = "maire {{de city}} ; {{de (list facts.victim_names)}} ; {{de facts.national_lead}}";
    expect((await render(body, { lang: "fr", in: { city: "Orléans" } })).text.trim()).toBe("maire d'Orléans ; d'Anna, Ben et Chloé ; de [[à confirmer : national_lead]]");
    expect((await render("{{de city}}", { lang: "fr" })).text.trim()).toBe("de Lyon");
  });

  it("branch on whether a fact can be printed", async () => {
    const body = '{{#if (known "victims_count")}}known{{else}}unknown{{/if}}';
    expect((await render(body)).text.trim()).toBe("known");
    const facts = { victims_count: { value: 3, confirmed: false } };
    expect((await render(body, { in: { facts } })).text.trim()).toBe("unknown");
    expect((await render(body, { in: { facts }, front: { public: false, audience: "staff" } })).text.trim()).toBe("known");
  });
});

describe("escaping", () => {
  it("leaves text as written in md and txt, escapes it in html", async () => {
    const body = "Note: {{facts.note}}";
    const md = await render(body);
    expect(md.text).toContain(`<b>"Tom" & 'Jerry'</b> = x`);
    const txt = await render(body, { format: "txt" });
    expect(txt.text).toContain(`<b>"Tom" & 'Jerry'</b> = x`);
    const html = await render(body, { format: "html" });
    expect(html.text).not.toContain("<b>");
    expect(html.text).toContain("&lt;b&gt;&quot;Tom&quot; &amp; &#x27;Jerry&#x27;&lt;/b&gt; &#x3D; x");
  });

  it("wraps html in a self-contained, printable page", async () => {
    const html = (await render("# Title\n\n- **one**\n- two\n\n[[x]] {{facts.national_lead}}", { format: "html" })).text;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<li><strong>one</strong></li>");
    expect(html).toContain('<mark class="to-confirm">[[to confirm: national_lead]]</mark>');
    expect(html).toContain("@media print");
    expect(html).not.toMatch(/<script|<link|src=|url\(|https?:\/\//);
  });
});

describe("placeholders", () => {
  it("never render a missing fact blank, in English or French", async () => {
    const body = "Call {{facts.support_line}}. Led by {{facts.national_lead}}.";
    const en = await render(body, { in: { facts: {} } });
    expect(en.text.trim()).toBe("Call [[to confirm: support_line]]. Led by [[to confirm: national_lead]].");
    expect(en.missing).toEqual(["support_line", "national_lead"]);
    const fr = await render(body, { lang: "fr", in: { facts: {} } });
    expect(fr.text.trim()).toBe("Call [[à confirmer : support_line]]. Led by [[à confirmer : national_lead]].");
    expect(fr.missing).toEqual(["support_line", "national_lead"]);
  });

  it("hold back an unconfirmed fact in a public document and list it", async () => {
    const r = await render("{{facts.victims_count}} {{date facts.vigil_date}} {{list facts.victim_names}}", {
      in: { facts: { victims_count: { value: 3, confirmed: false }, vigil_date: { value: "2026-05-16T16:00:00Z", confirmed: false } } },
    });
    expect(r.text.trim()).toBe("[[to confirm: victims_count]] [[to confirm: vigil_date]] [[to confirm: victim_names]]");
    expect(r.unconfirmed).toEqual(["victims_count", "vigil_date"]);
    expect(r.missing).toEqual(["victim_names"]);
    expect(r.facts).toEqual([]);
  });

  it("show an unconfirmed fact marked in an internal document", async () => {
    const r = await render("Dead: {{facts.victims_count}}", { in: { facts: { victims_count: { value: 3, confirmed: false } } }, front: { public: false, audience: "staff" } });
    expect(r.text.trim()).toBe("Dead: 3 [[unconfirmed: victims_count]]");
    expect(r.unconfirmed).toEqual(["victims_count"]);
  });

  it("never give a private fact to a public template", async () => {
    const factMeta = [{ id: "perpetrator_name", type: "text", public: false }];
    const facts = { perpetrator_name: { value: "Jon Doe", confirmed: true } };
    const e = await render("{{facts.perpetrator_name}}", { in: { facts, factMeta }, front: { facts: "[perpetrator_name]" } }).catch((error: Error) => error);
    expect((e as { code?: string }).code).toBe("invalid-input");
    const undeclared = await templateError("{{facts.perpetrator_name}}");
    expect(undeclared.issues[0]!.message).toMatch(/not declared/);
  });
});

describe("the sandbox", () => {
  it.each([
    "{{constructor}}",
    "{{__proto__}}",
    "{{facts.constructor}}",
    "{{facts.__proto__.polluted}}",
    '{{lookup this "constructor"}}',
    '{{lookup facts "__proto__"}}',
    "{{#with city}}{{constructor.name}}{{/with}}",
    "{{#each facts.victim_names}}{{this.constructor}}{{/each}}",
    "{{facts.victim_names.constructor}}",
    "{{facts.victim_names.toString}}",
    "{{city.length}}",
    "{{@root.constructor}}",
    '{{log "x"}}',
    "{{> (lookup . 'p')}}",
    "{{*inline}}",
    "{{#> layout}}x{{/layout}}",
    "{{nope}}",
    "{{process.env.HOME}}",
    "{{since}}",
  ])("refuses %s as a template error", async (body) => {
    const e = await templateError(body);
    expect(e.issues.length).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("compiles from text only", () => {
    const hb = createEnv({ lang: "en", timeZone: "UTC", t0: new Date(0), known: new Set() });
    expect(() => compile(hb, { type: "Program", body: [] } as unknown as string, false)).toThrow(TypeError);
    expect(hb.helpers.lookup).toBeUndefined();
    expect(hb.helpers.log).toBeUndefined();
  });

  it("reads templates and partials only from inside templates/<lang>/", async () => {
    const root = templatesRoot();
    const outside = tempDir("respond-outside-");
    writeFileSync(join(outside, "secret.hbs"), "---\nid: secret\ntitle: x\naudience: public\nchannel: press\npublic: true\n---\nsecret");
    symlinkSync(join(outside, "secret.hbs"), join(root, "en", "linked.hbs"));
    symlinkSync(join(outside, "secret.hbs"), join(root, "en", "partials", "leak.hbs"));
    write(root, "en", "uses-leak", "{{> leak}}");
    for (const [id, lang] of [
      ["../../etc/passwd", "en"],
      ["/etc/passwd", "en"],
      ["..", "en"],
      ["holding-statement", "../en"],
      ["linked", "en"],
      ["uses-leak", "en"],
    ] as const) {
      const e = await loadTemplate(id, lang, { dir: root }).catch((error: unknown) => error);
      expect(e, `${id} ${lang}`).toMatchObject({ name: "RespondError" });
      expect(String((e as Error).message)).not.toContain("secret\n");
    }
  });

  it("includes partials from templates/<lang>/partials/", async () => {
    const root = templatesRoot();
    writeFileSync(join(root, "en", "partials", "help.hbs"), "Call {{facts.support_line}}.");
    write(root, "en", "with-partial", "Hello. {{> help}}");
    const r = renderTemplate(await loadTemplate("with-partial", "en", { dir: root }), input({ facts: {} }), "md");
    expect(r.text.trim()).toBe("Hello. Call [[to confirm: support_line]].");
    expect(r.missing).toEqual(["support_line"]);
  });
});

describe("template errors carry file, line and column", () => {
  // the front matter written by `write` is 8 lines: the body starts on line 9
  it("for an unknown name", async () => {
    const e = await templateError("line one\nline two {{nope}}");
    expect(e.issues[0]).toMatchObject({ line: 10, col: 12 });
    expect((e.issues[0] as unknown as { file: string }).file).toMatch(/en\/t\.hbs$/);
  });

  it("for a parse error", async () => {
    const e = await templateError("one\ntwo {{foo bar}");
    expect(e.issues[0]).toMatchObject({ line: 10, col: 14 });
  });

  it("for an unclosed or mismatched block", async () => {
    const e = await templateError("one\n{{#if flags.x}}\n{{/each}}");
    expect(e.issues[0]!.line).toBe(10);
  });

  it("for a bad front matter", async () => {
    const e = await templateError("x", { audience: "everyone" });
    expect(e.issues[0]).toMatchObject({ line: 4 });
    expect(e.issues[0]!.message).toMatch(/public|families/);
  });

  it("for a name inside a loop that does not exist", async () => {
    const e = await templateError("a\nb\n{{#each facts.victim_names}}{{nope}}{{/each}}");
    expect(e.issues[0]).toMatchObject({ line: 11, col: 31 });
    expect(e.issues[0]!.message).toMatch(/nope/);
  });
});

describe("the checklist", () => {
  const playbook = {
    format: 1,
    id: "drill",
    title: { en: "City response", fr: "Réponse de la ville" },
    version: "1.0.0",
    languages: ["en", "fr"],
    roles: [
      { id: "communications", name: { en: "Communications lead", fr: "Responsable communication" } },
      { id: "mayor", name: { en: "Mayor", fr: "Maire" } },
    ],
    facts: [],
    phases: [
      {
        id: "hours",
        title: { en: "First hours", fr: "Premières heures" },
        preparedness: false,
        window: { from: "0h", to: "24h" },
        steps: [
          { kind: "task", id: "holding", title: { en: "Publish the holding statement", fr: "Publier la déclaration d'attente" }, owner: "communications", source: "x", starts: "open" },
          { kind: "decision", id: "vigil-lead", title: { en: "Decide on a vigil", fr: "Décider d'un rassemblement" }, owner: "mayor", source: "x", starts: "open", question: "?", options: [{ id: "city-led", label: { en: "City-led", fr: "Organisé par la Ville" } }, { id: "no-vigil", label: "None" }] },
          { kind: "task", id: "brief", title: "Daily briefing", owner: "mayor", source: "x", starts: "open" },
          { kind: "task", id: "closed-one", title: "Not applicable", owner: "mayor", source: "x", starts: "open" },
        ],
      },
      { id: "days", title: { en: "Days", fr: "Jours" }, preparedness: false, window: { from: "1d" }, steps: [{ kind: "task", id: "centre", title: "Open the assistance centre", owner: "mayor", source: "x", starts: "open" }] },
    ],
    hash: "0",
    files: [],
    extendsChain: [],
  } as unknown as ResolvedPlaybook;
  const t0 = new Date("2026-05-14T16:30:00Z");
  const now = new Date("2026-05-14T19:45:00Z");
  const base: Pick<StepState, "notes" | "phase"> = { notes: [], phase: "hours" };
  const state: IncidentState = {
    now,
    t0,
    phase: "hours",
    phases: [
      { id: "hours", start: t0, end: new Date("2026-05-15T16:30:00Z"), status: "current" },
      { id: "days", start: new Date("2026-05-15T16:30:00Z"), end: null, status: "upcoming" },
    ],
    steps: [
      { ...base, id: "holding", stepId: "holding", kind: "task", owner: "communications", state: "done", due: new Date("2026-05-14T17:30:00Z"), overdue: false, resolution: { by: "J. Dupont", at: "2026-05-14T17:20:00Z", note: "sent to press" } },
      { ...base, id: "vigil-lead", stepId: "vigil-lead", kind: "decision", owner: "mayor", state: "decided", due: null, overdue: false, decision: { option: "city-led", why: "families asked", by: "A. Martin", at: "2026-05-14T18:00:00Z" } },
      { ...base, id: "brief#2", stepId: "brief", occurrence: 2, kind: "task", owner: "mayor", state: "open", due: new Date("2026-05-14T18:30:00Z"), overdue: true },
      { ...base, id: "closed-one", stepId: "closed-one", kind: "task", owner: "mayor", state: "closed", due: null, overdue: false, closedBy: "condition" },
      { ...base, phase: "days", id: "centre", stepId: "centre", kind: "task", owner: "mayor", state: "open", due: new Date("2026-05-16T16:30:00Z"), overdue: false },
    ],
    facts: {},
    decisions: {},
    flags: {},
    notes: [],
  };

  it("shows state, who and when, due time and owner, by phase", () => {
    const md = renderChecklist(state, playbook, { lang: "en", timeZone: "Europe/Paris", format: "md", city: "Lyon" });
    expect(md).toContain("# City response - Lyon");
    expect(md).toContain("## First hours (current phase)");
    expect(md).toContain("- [x] **Publish the holding statement** - Communications lead, due Thu 14 May, 19:30 (T+1h) - done by J. Dupont, Thu 14 May, 19:20: sent to press");
    expect(md).toContain("- [x] **Decide on a vigil** - Mayor - decided: City-led (A. Martin, Thu 14 May, 20:00): families asked");
    expect(md).toContain("- [ ] **Daily briefing (2)** - Mayor, due Thu 14 May, 20:30 (T+2h) - **OVERDUE**");
    expect(md).not.toContain("Not applicable");
    expect(md).toContain("## Days");
    expect(md).toContain("Open: 2, of which overdue: 1. Ticked: 2.");
  });

  it("filters by phase and role, in French, and as html and json", () => {
    const fr = renderChecklist(state, playbook, { lang: "fr", timeZone: "Europe/Paris", format: "md", role: "communications" });
    expect(fr).toContain("Rôle : Responsable communication.");
    expect(fr).toContain("- [x] **Publier la déclaration d'attente** - Responsable communication, échéance jeu. 14 mai, 19:30 (T+1h) - fait par J. Dupont");
    expect(fr).not.toContain("Jours");
    const days = renderChecklist(state, playbook, { lang: "en", timeZone: "Europe/Paris", format: "md", phase: "days" });
    expect(days).toContain("Open the assistance centre");
    expect(days).not.toContain("First hours");
    const html = renderChecklist(state, playbook, { lang: "en", timeZone: "Europe/Paris", format: "html" });
    expect(html).toContain('<span class="box">☑</span> <strong>Publish the holding statement</strong>');
    const json = JSON.parse(renderChecklist(state, playbook, { lang: "en", timeZone: "Europe/Paris", format: "json" }));
    expect(json.counts).toEqual({ open: 2, ticked: 2, overdue: 1 });
    expect(json.phases[0].steps[0]).toMatchObject({ id: "holding", done: true, by: "J. Dupont" });
  });

  it("refuses an unknown phase or role", () => {
    expect(() => renderChecklist(state, playbook, { lang: "en", timeZone: "UTC", format: "md", role: "nobody" })).toThrow(/no role 'nobody'/);
    expect(() => renderChecklist(state, playbook, { lang: "en", timeZone: "UTC", format: "md", phase: "weeks" })).toThrow(/no phase 'weeks'/);
  });
});

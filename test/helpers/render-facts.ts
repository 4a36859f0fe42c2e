/** A full, confirmed set of the city-response facts, for rendering tests. */
import type { FactMeta, RenderInput } from "../../src/render/types.js";

export const STATEMENTS = [
  "holding-statement",
  "solidarity-statement",
  "update-statement",
  "social-post",
  "letter-to-families",
  "staff-message",
  "partner-briefing",
  "rumour-rebuttal",
  "vigil-remarks",
  "council-motion",
  "memorial-consultation",
  "anniversary-message",
];

export const PUBLIC_STATEMENTS = STATEMENTS.filter((id) => id !== "staff-message" && id !== "partner-briefing");

export const VALUES: Record<"en" | "fr", Record<string, string | number | string[]>> = {
  en: {
    mayor_name: "Claire Martin",
    location: "the Saint-Jean market",
    incident_summary: "a knife attack",
    victims_count: 2,
    injured_count: 5,
    victim_names: ["Anna Keller", "Youssef Amrani"],
    perpetrator_name: "Jon Doerr",
    targeted_community: "the Jewish community",
    support_line: "0800 123 456",
    info_url: "https://lyon.example/info",
    assistance_centre: "Town Hall annexe, 2 rue de la Paix, open 8:00-22:00",
    national_lead: "the Prefecture",
    vigil_date: "2026-05-16T18:00:00Z",
    vigil_place: "Place Bellecour",
    condolence_book_place: "the Town Hall entrance",
    memorial_consultation_date: "2026-09-10T17:00:00Z",
    memorial_consultation_place: "the Council chamber",
    donations_info: "the Victims' Fund",
    staff_support_contact: "the staff welfare team, extension 4455",
    hate_reporting: "police on 17 or lyon.example/report",
  },
  fr: {
    mayor_name: "Claire Martin",
    location: "le marché Saint-Jean",
    incident_summary: "une attaque au couteau",
    victims_count: 2,
    injured_count: 5,
    victim_names: ["Anna Keller", "Youssef Amrani"],
    perpetrator_name: "Jon Doerr",
    targeted_community: "la communauté juive",
    support_line: "0 800 123 456",
    info_url: "https://lyon.example/info",
    assistance_centre: "annexe de l'hôtel de ville, 2 rue de la Paix, ouverte de 8 h à 22 h",
    national_lead: "la préfecture",
    vigil_date: "2026-05-16T18:00:00Z",
    vigil_place: "place Bellecour",
    condolence_book_place: "l'entrée de l'hôtel de ville",
    memorial_consultation_date: "2026-09-10T17:00:00Z",
    memorial_consultation_place: "la salle du conseil",
    donations_info: "le fonds d'aide aux victimes",
    staff_support_contact: "le service de soutien au personnel, poste 4455",
    hate_reporting: "police au 17 ou lyon.example/signaler",
  },
};

export const FACT_META: FactMeta[] = [
  { id: "perpetrator_name", public: false, sensitive: "perpetrator" },
  { id: "victims_count", sensitive: "casualties" },
  { id: "injured_count", sensitive: "casualties" },
  { id: "victim_names", sensitive: "victims" },
];

export const MOTIVE_OPEN = { motive_confirmed: false, community_targeted: false };
export const TERRORISM = { motive_confirmed: true, motive: "terrorism", community_targeted: false };
export const HATE_TARGETED = { motive_confirmed: true, motive: "hate", community_targeted: true };

export function fullInput(lang: "en" | "fr", overrides: Partial<RenderInput> = {}): RenderInput {
  return {
    lang,
    timeZone: "Europe/Paris",
    t0: new Date("2026-05-14T16:30:00Z"),
    now: new Date("2026-05-14T19:45:00Z"),
    city: "Lyon",
    facts: Object.fromEntries(Object.entries(VALUES[lang]).map(([id, value]) => [id, { value, confirmed: true }])),
    factMeta: FACT_META,
    flags: MOTIVE_OPEN,
    decisions: { "vigil-lead": "city-led" },
    ...overrides,
  };
}

/**
 * heightened-tension: no attack here. Its situation-kind decision sets attack_here
 * false and a `tension` flag; these are the templates its statement steps use.
 */
export const TENSION_TEMPLATES = ["solidarity-statement", "staff-message", "partner-briefing", "social-post", "rumour-rebuttal"];
export const ATTACK_ELSEWHERE = { attack_here: false, tension: "attack-elsewhere" };
export const HATE_INCIDENTS = { attack_here: false, tension: "hate-incidents" };
export const THREAT = { attack_here: false, tension: "threat" };

/** The facts heightened-tension declares, with values for each kind of situation. */
export const TENSION_VALUES: Record<"en" | "fr", Record<string, Record<string, string>>> = {
  en: {
    "attack-elsewhere": { incident_summary: "yesterday's attack on a concert hall", location: "Manchester", national_lead: "the national counter-terrorism police" },
    "hate-incidents": { incident_summary: "a series of antisemitic graffiti and insults", location: "the north of the city" },
    threat: { incident_summary: "threats made online against places of worship" },
  },
  fr: {
    "attack-elsewhere": { incident_summary: "l'attaque d'hier contre une salle de concert", location: "Manchester", national_lead: "le parquet national antiterroriste" },
    "hate-incidents": { incident_summary: "une série de tags et d'insultes antisémites", location: "le nord de la ville" },
    threat: { incident_summary: "des menaces publiées en ligne contre des lieux de culte" },
  },
};

export const TENSION_COMMON: Record<"en" | "fr", Record<string, string>> = {
  en: {
    mayor_name: "Claire Martin",
    targeted_community: "the Jewish community",
    support_line: "0800 123 456",
    info_url: "https://lyon.example/info",
    hate_reporting: "police on 17 or lyon.example/report",
  },
  fr: {
    mayor_name: "Claire Martin",
    targeted_community: "la communauté juive",
    support_line: "0 800 123 456",
    info_url: "https://lyon.example/info",
    hate_reporting: "police au 17 ou lyon.example/signaler",
  },
};

/** A heightened-tension render: only that playbook's facts, all confirmed. */
export function tensionInput(lang: "en" | "fr", flags: Record<string, string | boolean>, extra: Record<string, string | boolean> = {}): RenderInput {
  const values = { ...TENSION_COMMON[lang], ...TENSION_VALUES[lang][String(flags.tension)] };
  return {
    ...fullInput(lang),
    facts: Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value, confirmed: true }])),
    flags: { community_targeted: false, ...flags, ...extra },
  };
}

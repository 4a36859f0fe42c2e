/**
 * The questions of `respond start`: who you are, the incident's language, city, time
 * zone and attack time, then the playbook's facts. Values are checked by the same
 * validators as the answers file (incident/facts.ts), so both routes agree.
 */
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns/format";
import { isTimeZone, parseTime } from "../engine/time.js";
import { confirmedOnEntry, factLabel, parseFactValue, type FactValue } from "../incident/facts.js";
import type { AnsweredFact } from "../incident/answers.js";
import { messages } from "../i18n/index.js";
import { LANGS, pick, type Lang } from "../lang.js";
import type { PlaybookSummary } from "../playbook/load.js";
import type { BasePlaybook, Fact } from "../playbook/schema.js";
import { askName, required, type Prompter } from "./prompter.js";
import { truncate, type IncidentMessages } from "./screens.js";

export interface StartKnown {
  /** who is at the keyboard, from --by */
  user?: string;
  lang?: Lang;
  city?: string;
  timeZone?: string;
  t0?: Date;
}

export interface StartDefaults {
  lang: Lang;
  timeZone: string;
  user: string;
  now: Date;
}

export interface StartAnswers {
  user: string;
  lang: Lang;
  city: string;
  timeZone: string;
  t0: Date;
  facts: AnsweredFact[];
}

/** The playbooks offered when none was named; the first is the default. */
export async function askPlaybook<P extends Pick<PlaybookSummary, "id" | "title">>(prompter: Prompter, playbooks: P[], lang: Lang): Promise<P> {
  const msg = messages(lang).incident;
  return prompter.select({
    message: msg.askPlaybook,
    // one line each in 80 columns, after inquirer's cursor
    choices: playbooks.map((p) => ({ value: p, name: `${truncate(pick(p.title, lang), 80 - 2 - 3 - p.id.length)} (${p.id})` })),
    ...(playbooks[0] ? { default: playbooks[0] } : {}),
  });
}

/** How a person types a time in this zone: 2026-05-14 18:30. */
export const localInput = (date: Date, timeZone: string): string => format(new TZDate(date.getTime(), timeZone), "yyyy-MM-dd HH:mm");

/** Small allowance for a clock a little behind: an attack time is never in the future. */
const FUTURE_SLACK_MS = 5 * 60_000;

export async function askStart(prompter: Prompter, playbook: BasePlaybook, known: StartKnown, defaults: StartDefaults, print: (line: string) => void): Promise<StartAnswers> {
  let msg: IncidentMessages = messages(known.lang ?? defaults.lang).incident;
  const user = known.user ?? (await askName(prompter, msg, defaults.user));

  let lang = known.lang;
  if (!lang) {
    const offered = LANGS.filter((l) => playbook.languages.includes(l));
    lang =
      offered.length > 1
        ? await prompter.select({ message: msg.askLang, choices: offered.map((l) => ({ value: l, name: msg.langName[l] })), default: offered.includes(defaults.lang) ? defaults.lang : offered[0] })
        : (offered[0] ?? defaults.lang);
  }
  msg = messages(lang).incident;
  prompter.setLang?.(lang);

  const city = known.city ?? (await prompter.input({ message: msg.askCity, validate: required(msg.cityRequired) }));
  const timeZone =
    known.timeZone ??
    (await prompter.input({ message: msg.askTimeZone, default: defaults.timeZone, validate: (v) => (isTimeZone(v.trim()) ? true : msg.badTimeZone(v)) }));

  let t0 = known.t0;
  if (!t0) {
    const nowText = localInput(defaults.now, timeZone);
    const text = await prompter.input({
      message: msg.askAttackTime(nowText),
      default: nowText,
      validate: (v) => {
        const date = parseTime(v, { timeZone });
        if (!date) return msg.badAttackTime;
        return date.getTime() > defaults.now.getTime() + FUTURE_SLACK_MS ? msg.futureAttackTime : true;
      },
    });
    t0 = parseTime(text, { timeZone }) as Date;
  }

  const asked = playbook.facts.filter((f) => f.ask);
  const facts: AnsweredFact[] = [];
  const requiredFacts = asked.filter((f) => f.required);
  if (requiredFacts.length) print(msg.factsIntro);
  const ask = { prompter, msg, lang, user, time: { timeZone, t0 } };
  for (const fact of requiredFacts) facts.push(await askFact(ask, fact, true));

  const optional = asked.filter((f) => !f.required);
  if (optional.length) {
    const examples = optional.slice(0, 3).map((f) => factLabel(f, lang));
    if (await prompter.confirm({ message: msg.askOptionalFacts(optional.length, examples), default: false })) {
      for (const fact of optional) {
        const answered = await askFact(ask, fact, false);
        if (answered) facts.push(answered);
      }
    }
  }
  return { user, lang, city: city.trim(), timeZone: timeZone.trim(), t0, facts };
}

interface FactAsking {
  prompter: Prompter;
  msg: IncidentMessages;
  lang: Lang;
  user: string;
  time: { timeZone: string; t0: Date };
}

async function askFact(ask: FactAsking, fact: Fact, mandatory: true): Promise<AnsweredFact>;
async function askFact(ask: FactAsking, fact: Fact, mandatory: false): Promise<AnsweredFact | undefined>;
async function askFact(ask: FactAsking, fact: Fact, mandatory: boolean): Promise<AnsweredFact | undefined> {
  const { prompter, msg, lang, time } = ask;
  const label = factLabel(fact, lang);
  const help = fact.help ? ` (${pick(fact.help, lang)})` : "";
  let value: FactValue | undefined;
  if (fact.type === "choice" && fact.options) {
    const choices: { value: string | undefined; name: string }[] = fact.options.map((o) => ({ value: o.id, name: pick(o.label, lang) }));
    if (!mandatory) choices.push({ value: undefined, name: msg.skipFact });
    const picked = await prompter.select({ message: label, choices, ...(typeof fact.default === "string" ? { default: fact.default } : {}) });
    if (picked === undefined) return undefined;
    value = picked;
  } else {
    const hint = fact.type === "list" ? msg.listHint : fact.type === "datetime" ? msg.datetimeHint : "";
    const text = await prompter.input({
      message: `${label}${help}${hint ? ` ${hint}` : ""}${mandatory ? "" : ` ${msg.emptyToSkip}`}`,
      ...(fact.default !== undefined ? { default: String(fact.default) } : {}),
      validate: (v) => {
        if (!mandatory && v.trim() === "") return true;
        if (v.trim() === "") return msg.factRequired(label);
        const result = parseFactValue(fact, v, time);
        return result.ok ? true : msg.factInvalid(label, result.message);
      },
    });
    if (text.trim() === "") return undefined;
    const result = parseFactValue(fact, text, time);
    if (!result.ok) return undefined;
    value = result.value;
  }
  // only facts about the incident ask who confirmed them; the city's own are vouched for by whoever typed them
  const named = fact.confirm ? (await prompter.input({ message: msg.askConfirmedBy })).trim() || undefined : undefined;
  const confirmedBy = confirmedOnEntry(fact, named, ask.user);
  return { id: fact.id, value, ...(confirmedBy ? { confirmedBy } : {}) };
}

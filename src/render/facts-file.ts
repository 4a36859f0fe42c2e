/**
 * A facts file, for drafting outside an incident:
 *
 *   city: Lyon
 *   attack_time: 2026-05-14 18:30      # wall time in `timezone`, or ISO with an offset
 *   timezone: Europe/Paris
 *   lang: fr                            # optional; --lang wins
 *   playbook: city-response             # optional; where fact types come from
 *   facts:
 *     support_line: 0 800 123 456       # a plain value counts as confirmed
 *     victims_count: { value: 3, confirmed: false }
 *     national_lead: { value: the Prefecture, by: Police liaison }   # `by` confirms it
 *   flags: { motive_confirmed: false }
 *   decisions: { vigil-lead: city-led }
 *
 * Problems are reported with their line and column: every YAML or shape problem at
 * once, then every problem with the values.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { z } from "zod";
import { invalidInput, RespondError, type Issue } from "../errors.js";
import { parseTime, isTimeZone } from "../engine/time.js";
import { parseFactValue } from "../incident/facts.js";
import { isLang, type Lang } from "../lang.js";
import { loadPlaybook } from "../playbook/load.js";
import { defaultMessages, schemaIssues } from "../playbook/schema-issues.js";
import { parseYaml, pathText } from "../playbook/yaml.js";
import type { FactInput, RenderInput } from "./types.js";

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const Value = z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]);

const FactsFile = z.strictObject({
  city: z.string().min(1, "give the city's name"),
  attack_time: z.string().min(1),
  timezone: z.string().optional(),
  lang: z.string().optional(),
  playbook: z.string().optional(),
  facts: z
    .record(
      z.string(),
      z.union([Value, z.strictObject({ value: Value, confirmed: z.boolean().optional(), by: z.string().optional() })]),
    )
    .default({}),
  flags: z.record(z.string(), Scalar).default({}),
  decisions: z.record(z.string(), z.string()).default({}),
});

/** What the facts file says, checked against its playbook's facts, as a render input. */
export async function readFactsFile(
  path: string,
  options: { cwd: string; lang?: Lang; now: Date; defaultTimeZone: string },
): Promise<RenderInput> {
  const file = resolve(options.cwd, path);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RespondError(code === "ENOENT" ? "usage" : "io", `The facts file ${path} could not be read${code === "ENOENT" ? ": it does not exist" : ""}.`, { cause: error });
  }
  const parsed = parseYaml(text, path);
  const fail = (issues: Issue[]) => invalidInput(`The facts file ${path} has ${issues.length === 1 ? "a problem" : `${issues.length} problems`}.`, issues, "Fix the lines listed, then run the command again.");
  if (parsed.issues.length > 0) throw fail(parsed.issues);
  const result = FactsFile.safeParse(parsed.value ?? {}, defaultMessages);
  if (!result.success) throw fail(schemaIssues(result.error.issues, { file: path, locate: parsed.locate, input: parsed.value }));
  const data = result.data;

  const issues: Issue[] = [];
  const at = (p: (string | number)[], message: string) => issues.push({ file: path, ...parsed.locate(p), path: pathText(p), message });

  const timeZone = data.timezone ?? options.defaultTimeZone;
  if (!isTimeZone(timeZone)) at(["timezone"], `'${timeZone}' is not a time zone; use a name such as Europe/Paris`);
  const t0 = isTimeZone(timeZone) ? parseTime(data.attack_time, { timeZone }) : undefined;
  if (isTimeZone(timeZone) && !t0) at(["attack_time"], `'${data.attack_time}' is not a date and time; use e.g. 2026-05-14 18:30`);
  if (data.lang !== undefined && !isLang(data.lang)) at(["lang"], `'${data.lang}' is not a language respond speaks; use en or fr`);

  const playbook = await loadPlaybook(data.playbook ?? "city-response", { cwd: options.cwd });
  const declared = new Map(playbook.facts.map((f) => [f.id, f]));
  const facts: Record<string, FactInput> = {};
  for (const [id, raw] of Object.entries(data.facts)) {
    const fact = declared.get(id);
    if (!fact) {
      at(["facts", id], `'${id}' is not a fact of the playbook ${playbook.id}; its facts are: ${[...declared.keys()].join(", ")}`);
      continue;
    }
    const long = typeof raw === "object" && raw !== null && !Array.isArray(raw);
    const value = long ? raw.value : raw;
    const confirmed = long ? (raw.confirmed ?? raw.by !== undefined) : true;
    const checked = parseFactValue(fact, value, { timeZone: isTimeZone(timeZone) ? timeZone : "UTC", ...(t0 ? { t0 } : {}) });
    if (!checked.ok) at(long ? ["facts", id, "value"] : ["facts", id], checked.message);
    else facts[id] = { value: checked.value, confirmed };
  }
  if (issues.length > 0 || !t0) throw fail(issues);

  const lang = options.lang ?? (isLang(data.lang) ? data.lang : "en");
  return {
    lang,
    timeZone,
    t0,
    now: options.now,
    city: data.city,
    facts,
    factMeta: playbook.facts,
    flags: data.flags,
    decisions: data.decisions,
  };
}

/**
 * The facts register: `respond fact set | confirm | list`. Every change is one
 * journal event; the register itself is recomputed from the journal by the engine.
 */
import { didYouMean } from "../../suggest.js";
import { formatTime } from "../../engine/time.js";
import type { FactState } from "../../engine/types.js";
import { RespondError } from "../../errors.js";
import { confirmedOnEntry, factLabel, parseFactValue, type FactValue } from "../../incident/facts.js";
import { BUILT_IN_FACTS } from "../../playbook/built-in-facts.js";
import type { Fact } from "../../playbook/schema.js";
import type { CliContext } from "../context.js";
import { openIncident, resolveAuthor, type OpenIncident } from "../incident.js";

interface FactOptions {
  dir?: string;
  by?: string;
  confirmedBy?: string;
  json?: boolean;
}

const show = (value: FactValue | undefined): string => (Array.isArray(value) ? value.join(", ") : String(value ?? ""));

function factDef(opened: OpenIncident, id: string): Fact {
  const msg = opened.msg.facts;
  if ((BUILT_IN_FACTS as readonly string[]).includes(id)) throw new RespondError("usage", msg.builtIn(id));
  const fact = opened.playbook.facts.find((f) => f.id === id);
  if (fact) return fact;
  const ids = opened.playbook.facts.map((f) => f.id);
  const guess = didYouMean(id, ids);
  throw new RespondError("usage", msg.unknownFact(id), { hint: guess ? msg.didYouMean(guess) : msg.knownFacts(ids) });
}

function nonBlank(opened: OpenIncident, flag: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "") throw new RespondError("usage", opened.msg.facts.blank(flag));
  return value.trim();
}

async function set(ctx: CliContext, opened: OpenIncident, id: string, raw: string, options: FactOptions): Promise<number> {
  const msg = opened.msg.facts;
  const fact = factDef(opened, id);
  const label = factLabel(fact, opened.lang);
  const parsed = parseFactValue(fact, raw, { timeZone: opened.incident.timeZone, t0: opened.t0 });
  if (!parsed.ok) throw new RespondError("usage", msg.invalid(label, parsed.message));
  const by = resolveAuthor(ctx, options.by);
  const confirmedBy = confirmedOnEntry(fact, nonBlank(opened, "--confirmed-by", options.confirmedBy), by);
  await opened.append([
    { type: "fact.set", data: { fact: id, value: parsed.value, ...(confirmedBy ? { confirmedBy } : {}) }, by, at: opened.now().toISOString() },
  ]);
  if (confirmedBy) {
    ctx.out.line(ctx.out.color.green(msg.savedConfirmed(label, show(parsed.value), confirmedBy)));
  } else {
    ctx.out.line(ctx.out.color.green(msg.savedUnconfirmed(label, show(parsed.value))));
    if (fact.public) ctx.out.line(msg.unconfirmedHint(id));
  }
  return 0;
}

async function confirm(ctx: CliContext, opened: OpenIncident, id: string, options: FactOptions): Promise<number> {
  const msg = opened.msg.facts;
  const fact = factDef(opened, id);
  const label = factLabel(fact, opened.lang);
  const who = nonBlank(opened, "--by", options.by);
  if (!who) throw new RespondError("usage", msg.blank("--by"));
  const current = opened.state.facts[id];
  if (current?.value === undefined) throw new RespondError("usage", msg.notSet(id), { hint: msg.notSetHint(id) });
  if (current.confirmed) {
    ctx.out.line(msg.alreadyConfirmed(label, current.confirmedBy ?? ""));
    return 0;
  }
  // the entry's author is whoever typed it; `who` is the person or authority that confirmed
  const author = resolveAuthor(ctx, undefined);
  await opened.append([{ type: "fact.confirmed", data: { fact: id, by: who }, by: author, at: opened.now().toISOString() }]);
  ctx.out.line(ctx.out.color.green(msg.savedConfirmation(label, who)));
  return 0;
}

function statusOf(opened: OpenIncident, state: FactState | undefined, builtIn: boolean): string {
  const msg = opened.msg.facts;
  if (builtIn) return msg.statusBuiltIn;
  if (state?.value === undefined) return msg.statusUnset;
  if (!state.confirmed) return msg.statusUnconfirmed;
  const when = state.confirmedAt ? formatTime(new Date(state.confirmedAt), opened.incident.timeZone, opened.lang, "day") : "";
  return msg.statusConfirmed(state.confirmedBy ?? "", when);
}

function list(ctx: CliContext, opened: OpenIncident, options: FactOptions): number {
  const msg = opened.msg.facts;
  const facts = opened.state.facts;
  const rows = [
    ...BUILT_IN_FACTS.map((id) => ({ id, label: id, fact: undefined as Fact | undefined, builtIn: true })),
    ...opened.playbook.facts.map((fact) => ({ id: fact.id, label: factLabel(fact, opened.lang), fact, builtIn: false })),
  ];
  if (options.json) {
    ctx.out.json(
      rows.map(({ id, fact, builtIn }) => {
        const state = facts[id];
        return {
          id,
          value: state?.value ?? null,
          confirmed: builtIn || Boolean(state?.confirmed),
          confirmedBy: state?.confirmedBy ?? null,
          confirmedAt: state?.confirmedAt ?? null,
          public: fact ? fact.public : true,
          sensitive: fact?.sensitive ?? null,
        };
      }),
    );
    return 0;
  }
  const paint = ctx.out.color;
  ctx.out.line(paint.bold(`${msg.heading} · ${opened.incident.city}`));
  for (const { id, label, fact, builtIn } of rows) {
    const state = facts[id];
    const status = statusOf(opened, state, builtIn);
    const value = state?.value === undefined ? "—" : show(state.value);
    const colour = builtIn || state?.confirmed ? paint.green : state?.value === undefined ? paint.dim : paint.yellow;
    ctx.out.line(`  ${paint.bold(id)}${label !== id ? `  (${label})` : ""}`);
    ctx.out.line(`      ${value}   ${colour(status)}${fact && !fact.public ? `   ${paint.dim(msg.private)}` : ""}`);
  }
  ctx.out.line();
  ctx.out.line(paint.dim(msg.legend));
  return 0;
}

export async function run(ctx: CliContext, args: string[], options: FactOptions): Promise<number> {
  const [action, id = "", value = ""] = args;
  const opened = await openIncident(ctx, options);
  if (action === "set") return set(ctx, opened, id, value, options);
  if (action === "confirm") return confirm(ctx, opened, id, options);
  return list(ctx, opened, options);
}

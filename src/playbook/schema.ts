/**
 * The playbook format, v1. This one schema is the source of the TypeScript types,
 * of the validator (playbook/load.ts) and of the JSON Schema shipped beside the
 * playbooks for editors (`npm run schema` writes playbooks/playbook.schema.json).
 *
 * The reference for authors is docs/playbook-format.md; keep the two in step.
 */
import { z } from "zod";
import { OFFSET_PATTERN } from "./duration.js";

export const FORMAT_VERSION = 1;

const ID_PATTERN = "^[a-z0-9][a-z0-9_-]*$";
export const Id = z
  .string()
  .regex(new RegExp(ID_PATTERN), "must be lower-case letters, digits, '-' or '_' (e.g. holding-statement)")
  .describe("An identifier: lower-case letters, digits, '-' and '_'.");

/** A text: a plain string (the same in every language) or a per-language map. */
export const Text = z
  .union([
    z.string().min(1, "must not be empty"),
    z
      .record(z.string().regex(/^[a-z]{2}$/, "language codes are two letters (en, fr)"), z.string().min(1, "must not be empty"))
      .refine((m) => Object.keys(m).length > 0, "give at least one language"),
  ])
  .describe("A plain string, or one text per language: {en: ..., fr: ...}.");
export type Text = z.infer<typeof Text>;

export const Offset = z
  .string()
  .regex(new RegExp(OFFSET_PATTERN), "must be an offset such as 30m, 6h, 3d, 2w, 6mo or 1y (compounds like 1d12h allowed)")
  .describe("Time relative to the attack time T0: 30m, 6h, 3d, 2w, 6mo, 1y; '-' before T0.");

/** Where a step's practice comes from: a reference in domain.md (seed or public guidance). */
export const Source = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .describe("The reference this step comes from, e.g. 'SCN Guide for City-Led Response (2024), public communications'.");

// ---------------------------------------------------------------------------
// Conditions (`when`): declarative, no code, no eval.

export type Condition =
  | { fact: string; is?: FactScalar | FactScalar[] }
  | { decision: string; is?: string | string[] }
  | { flag: string; is?: FlagValue }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };
export type FactScalar = string | number | boolean;
export type FlagValue = string | number | boolean;

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z
    .union([
      z.strictObject({
        fact: Id.describe("True when this fact has a value; with `is`, when it equals one of the values."),
        is: z.union([Scalar, z.array(Scalar).min(1)]).optional(),
      }),
      z.strictObject({
        decision: Id.describe("True when this decision was made; with `is`, when one of these options was chosen."),
        is: z.union([Id, z.array(Id).min(1)]).optional(),
      }),
      z.strictObject({
        flag: Id.describe("True when an option set this flag to true; with `is`, when it holds this value."),
        is: Scalar.optional(),
      }),
      z.strictObject({ all: z.array(Condition).min(1) }),
      z.strictObject({ any: z.array(Condition).min(1) }),
      z.strictObject({ not: Condition }),
    ])
    .describe("A condition on facts, decisions and flags: {fact}, {decision, is}, {flag}, {all}, {any}, {not}."),
);

// ---------------------------------------------------------------------------
// Roles, facts, contacts, partners.

export const Role = z.strictObject({
  id: Id,
  name: Text,
  short: Text.optional().describe("A short name for screens, e.g. Cabinet, Communication (at most 20 characters); the name when absent."),
  description: Text.optional(),
});
export type Role = z.infer<typeof Role>;

export const FACT_TYPES = ["text", "datetime", "number", "choice", "list"] as const;
export type FactType = (typeof FACT_TYPES)[number];

/** What a statement check needs to know about a fact's meaning. */
export const SENSITIVE = ["perpetrator", "victims", "casualties"] as const;

export const FactOption = z.strictObject({ id: Id, label: Text });

export const Fact = z.strictObject({
  id: Id,
  type: z.enum(FACT_TYPES),
  label: Text,
  help: Text.optional(),
  required: z.boolean().default(false),
  /** asked by `respond start`; otherwise set later with `respond fact set` */
  ask: z.boolean().default(true),
  /** public statements may use it once confirmed; private facts never appear in them */
  public: z.boolean().default(true),
  confirm: z
    .boolean()
    .default(true)
    .describe("false: the city's own information (its support line, web page, the mayor's name); a value entered counts as confirmed by whoever entered it"),
  /** the checks treat its value specially (a perpetrator's name is never printed) */
  sensitive: z.enum(SENSITIVE).optional(),
  options: z.array(FactOption).min(2).optional(),
  default: Scalar.optional(),
});
export type Fact = z.infer<typeof Fact>;

export const Contact = z.strictObject({
  id: Id,
  name: z.string().min(1),
  organisation: z.string().optional(),
  role: Id.optional().describe("The playbook role this contact fills, if any."),
  phone: z.string().optional(),
  email: z.string().optional(),
  notes: Text.optional(),
});
export type Contact = z.infer<typeof Contact>;

export const Partner = z.strictObject({
  id: Id,
  name: z.string().min(1),
  kind: z.string().min(1).describe("e.g. faith, youth, victims-support, civil-society, health, school"),
  contact: z.string().optional(),
  notes: Text.optional(),
});
export type Partner = z.infer<typeof Partner>;

// ---------------------------------------------------------------------------
// Steps: a kind-tagged union.

const StepBase = {
  id: Id,
  title: Text,
  owner: Id.describe("The role that owns this step."),
  due: Offset.optional().describe("When it is due, relative to T0."),
  guidance: Text.optional().describe("What, why, how, pitfalls."),
  source: Source,
  when: Condition.optional().describe("The step applies only while this holds."),
  starts: z
    .enum(["open", "closed"])
    .default("open")
    .describe("'closed': dormant until a decision option opens it."),
};

export const Repeat = z.strictObject({
  every: Offset.describe("Period between occurrences, e.g. 24h."),
  until: Offset.describe("Last possible occurrence, relative to T0, e.g. 7d."),
});
export type Repeat = z.infer<typeof Repeat>;

export const TaskStep = z.strictObject({
  kind: z.literal("task"),
  ...StepBase,
  repeat: Repeat.optional(),
});

export const DecisionOption = z.strictObject({
  id: Id,
  label: Text,
  guidance: Text.optional().describe("Trade-offs of this option."),
  set: z.record(Id, Scalar).optional().describe("Flags this option sets."),
  open: z.array(Id).optional().describe("Steps this option opens."),
  close: z.array(Id).optional().describe("Steps this option closes."),
});
export type DecisionOption = z.infer<typeof DecisionOption>;

export const DecisionStep = z.strictObject({
  kind: z.literal("decision"),
  ...StepBase,
  question: Text,
  options: z.array(DecisionOption).min(2),
});

export const AUDIENCES = ["public", "families", "staff", "partners", "council", "media", "community"] as const;
export const CHANNELS = ["press", "social", "letter", "speech", "email", "web", "meeting", "internal"] as const;

export const StatementStep = z.strictObject({
  kind: z.literal("statement"),
  ...StepBase,
  template: Id.describe("A template id in templates/<lang>/<id>.hbs."),
  audience: z.enum(AUDIENCES),
  channel: z.enum(CHANNELS),
});

export const Step = z.discriminatedUnion("kind", [TaskStep, DecisionStep, StatementStep]);
export type Step = z.infer<typeof Step>;
export type TaskStep = z.infer<typeof TaskStep>;
export type DecisionStep = z.infer<typeof DecisionStep>;
export type StatementStep = z.infer<typeof StatementStep>;
export type StepKind = Step["kind"];

// ---------------------------------------------------------------------------
// Phases and the playbook.

export const Phase = z.strictObject({
  id: Id,
  title: Text,
  summary: Text.optional(),
  /** preparedness steps, before any attack: used by exercises, not by a live incident */
  preparedness: z.boolean().default(false),
  window: z.strictObject({
    from: Offset,
    to: Offset.optional().describe("Open-ended when absent."),
  }),
  steps: z.array(Step),
});
export type Phase = z.infer<typeof Phase>;

const PlaybookMeta = {
  format: z.literal(FORMAT_VERSION).describe("Playbook format version."),
  id: Id,
  title: Text,
  version: z.string().min(1).describe("The playbook's own version, e.g. 1.0.0."),
  description: Text.optional(),
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1),
  contacts: z.array(Contact).optional(),
  partners: z.array(Partner).optional(),
};

export const BasePlaybook = z.strictObject({
  ...PlaybookMeta,
  roles: z.array(Role).min(1),
  facts: z.array(Fact).default([]),
  phases: z.array(Phase).min(1),
});
export type BasePlaybook = z.infer<typeof BasePlaybook>;

/** A city's adaptation of a playbook: it `extends` one and changes it by step id. */
export const Overlay = z.strictObject({
  ...PlaybookMeta,
  extends: z
    .union([Id, z.string().regex(/^[^\0]+\.ya?ml$/, "must be a playbook id, or a path to a .yaml file")])
    .describe("The id of the playbook this one adapts, or a path to it relative to this file."),
  roles: z.array(Role).optional().describe("Roles added."),
  facts: z.array(Fact).optional().describe("Facts added."),
  add: z
    .array(
      z.strictObject({
        phase: Id,
        after: Id.optional().describe("Insert after this step; at the end of the phase when absent."),
        step: Step,
      }),
    )
    .optional(),
  replace: z.array(Step).optional().describe("Steps replaced whole, matched by id."),
  remove: z.array(Id).optional().describe("Step ids removed."),
});
export type Overlay = z.infer<typeof Overlay>;

export const PlaybookFile = z.union([Overlay, BasePlaybook]);
export type PlaybookFile = z.infer<typeof PlaybookFile>;

/** JSON Schema for editors, generated from the same source as the validator. */
export function playbookJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlaybookFile, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://respond.local/playbook.schema.json",
    title: "respond playbook (format 1)",
    ...schema,
  };
}

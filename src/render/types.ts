/** The rendering contracts: what a template declares, what a render needs and returns. */
import type { FactValue as CheckedValue } from "../incident/facts.js";
import type { Lang } from "../lang.js";
import type { Fact } from "../playbook/schema.js";

export const FORMATS = ["md", "txt", "html"] as const;
export type Format = (typeof FORMATS)[number];

/** What a template's front matter declares. */
export interface TemplateInfo {
  id: string;
  title: string;
  audience: string;
  channel: string;
  /** public documents use confirmed facts only; internal ones show unconfirmed facts, marked */
  public: boolean;
  /** length limit in characters (e.g. 280 for a social post) */
  limit?: number;
  /** fact ids the template uses */
  facts: string[];
  description?: string;
  /** languages it exists in (filled by listTemplates; the template's own language otherwise) */
  languages: string[];
}

/** A loaded, validated template: front matter parsed, body parsed and checked. */
export interface Template {
  info: TemplateInfo;
  lang: string;
  /** the file it came from, for messages */
  file: string;
  /** the Handlebars source after the front matter */
  body: string;
  /** lines before the body (front matter and its fences), to report body positions in the file */
  bodyLine: number;
  /** facts the body refers to (facts.X, known "X") */
  referenced: string[];
  /** partial sources by name, already validated */
  partials: Record<string, { body: string; file: string }>;
  /** a statement, or the checklist (which renders steps, not facts) */
  kind: "statement" | "checklist";
}

/** A fact as checked by incident/facts.ts, or none. */
export type FactValue = CheckedValue | undefined;

export interface FactInput {
  value: FactValue;
  confirmed: boolean;
}

/** What a render needs to know about a fact beyond its value: a playbook's `Fact` is one. */
export interface FactMeta {
  id: string;
  public?: boolean;
  sensitive?: Fact["sensitive"];
}

export interface RenderInput {
  lang: Lang | string;
  timeZone: string;
  t0: Date;
  now: Date;
  city: string;
  facts: Record<string, FactInput>;
  factMeta?: FactMeta[];
  flags: Record<string, string | number | boolean>;
  decisions: Record<string, string>;
}

export interface RenderResult {
  text: string;
  /** facts the text needs that have no value */
  missing: string[];
  /** facts the text needs that have a value not yet confirmed */
  unconfirmed: string[];
  /** facts whose values went into the text */
  facts: string[];
}

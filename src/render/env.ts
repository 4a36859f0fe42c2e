/**
 * One isolated Handlebars environment per render: our helpers closed over this
 * render's language, time zone and known facts, nothing shared between renders.
 * `lookup` and `log` are removed (the first reaches any property by name, the
 * second prints). Prototype access keeps Handlebars' safe defaults: no options set.
 */
import Handlebars from "handlebars";
import { createHelpers, type HelperSettings } from "./helpers.js";

export type Env = ReturnType<typeof Handlebars.create>;

export function createEnv(settings: HelperSettings): Env {
  const hb = Handlebars.create();
  hb.unregisterHelper("lookup");
  hb.unregisterHelper("log");
  for (const [name, helper] of Object.entries(createHelpers(settings))) hb.registerHelper(name, helper);
  return hb;
}

/** Compile from source text only: never a path, never a pre-built object. */
export function compile(hb: Env, source: string, escape: boolean): HandlebarsTemplateDelegate {
  if (typeof source !== "string") throw new TypeError("templates are compiled from text only");
  return hb.compile(source, { strict: true, noEscape: !escape, preventIndent: true });
}

/** Parse only (no helpers needed): for checking a template before it runs. */
export function parse(source: string): unknown {
  if (typeof source !== "string") throw new TypeError("templates are parsed from text only");
  return Handlebars.parse(source);
}

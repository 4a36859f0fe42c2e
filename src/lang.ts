/** The languages respond ships. Playbooks may declare others; the interface speaks these. */
export const LANGS = ["en", "fr"] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** A text field: a plain string (the same in every language) or a per-language map. */
export type Text = string | Readonly<Record<string, string>>;

/** Pick a text in `lang`, falling back to English, then to the first language given. */
export function pick(text: Text | undefined, lang: string): string {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? "";
}

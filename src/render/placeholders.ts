/**
 * The visible marks that stand in for a fact we cannot print: a missing value never
 * renders blank, and an unconfirmed one is either held back (public documents) or
 * shown with a mark (internal ones). Results list what the marks stand for by
 * reading them back from the text, so the list always matches what a person sees.
 */

const TO_CONFIRM: Record<string, (id: string) => string> = {
  en: (id) => `[[to confirm: ${id}]]`,
  fr: (id) => `[[à confirmer : ${id}]]`,
};

const UNCONFIRMED: Record<string, (id: string) => string> = {
  en: (id) => `[[unconfirmed: ${id}]]`,
  fr: (id) => `[[non confirmé : ${id}]]`,
};

export function toConfirm(id: string, lang: string): string {
  return (TO_CONFIRM[lang] ?? TO_CONFIRM.en!)(id);
}

/** An unconfirmed value as an internal document shows it. */
export function markedUnconfirmed(value: string, id: string, lang: string): string {
  return `${value} ${(UNCONFIRMED[lang] ?? UNCONFIRMED.en!)(id)}`;
}

const MARK = /\[\[(to confirm|à confirmer|unconfirmed|non confirmé) ?: ([a-z0-9][a-z0-9_-]*)\]\]/g;

/** True when a value is (or carries) one of our marks: helpers pass such values through. */
export function isMarked(value: unknown): boolean {
  return typeof value === "string" && /\[\[(to confirm|à confirmer|unconfirmed|non confirmé) ?: /.test(value);
}

/** The fact ids marked in a text, in order of first appearance. */
export function marksIn(text: string): { toConfirm: string[]; unconfirmed: string[] } {
  const toConfirmIds = new Set<string>();
  const unconfirmedIds = new Set<string>();
  for (const [, kind, id] of text.matchAll(MARK)) {
    if (kind === "unconfirmed" || kind === "non confirmé") unconfirmedIds.add(id!);
    else toConfirmIds.add(id!);
  }
  return { toConfirm: [...toConfirmIds], unconfirmed: [...unconfirmedIds] };
}

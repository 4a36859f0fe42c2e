import type { drafting as en } from "../en/drafting.js";

export const drafting: typeof en = {
  templatesTitle: "Modèles",
  columns: { id: "id", title: "titre", audience: "public visé", channel: "canal", limit: "limite", languages: "langues" },
  internal: "interne",
  noTemplates: "Aucun modèle n'a été trouvé.",
  templatesHint: "Pour rédiger à partir d'un modèle : respond draft <id> --facts faits.yaml",
  incidentModeLater: "La rédaction à partir du journal d'un incident n'est pas encore disponible dans cette version.",
  incidentModeHint: "Donnez plutôt les faits dans un fichier : respond draft holding-statement --facts faits.yaml",
  missing: (ids: string[]) => `Encore à confirmer, signalé dans le brouillon par [[à confirmer : ...]] : ${ids.join(", ")}.`,
  unconfirmed: (ids: string[]) => `Pas encore confirmé, donc retenu ou signalé dans le brouillon : ${ids.join(", ")}.`,
  strictFailed: "--strict : le brouillon n'a pas été produit, car certains faits manquent ou ne sont pas confirmés.",
  strictHint: "Confirmez-les dans le fichier des faits (une valeur simple, ou confirmed: true), ou retirez --strict pour voir le brouillon avec ses marques.",
  overLimit: (length: number, limit: number) => `Le brouillon compte ${length} caractères ; la limite de ce modèle est de ${limit}. Raccourcissez-le avant publication.`,
  findings: (n: number) => (n === 1 ? "Les vérifications signalent 1 point à revoir :" : `Les vérifications signalent ${n} points à revoir :`),
  finding: (line: number, col: number, text: string, why: string) => `  ${line}:${col}  « ${text} » - ${why}`,
  suggestion: (text: string) => `          Suggestion : ${text}`,
  written: (file: string) => `Brouillon enregistré dans ${file}.`,
  previousKept: (file: string) => `La version précédente a été conservée sous ${file}.`,
  badNow: (value: string) => `--now : « ${value} » n'est pas une heure. Utilisez une date et une heure ISO comme 2026-05-14T18:30, ou T+2h depuis l'heure de l'attaque.`,
  reviewReminder: "Relisez-le avant diffusion : un brouillon est un point de départ, pas une déclaration finie.",
};

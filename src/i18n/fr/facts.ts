import type { facts as en } from "../en/facts.js";

export const facts: typeof en = {
  unknownFact: (id) => `Le plan de cet incident ne comporte pas de fait nommé « ${id} ».`,
  didYouMean: (id) => `Vouliez-vous dire « ${id} » ?`,
  knownFacts: (ids) => `Faits que vous pouvez renseigner : ${ids.join(", ")}.`,
  builtIn: (id) => `« ${id} » est fixé à l’ouverture de l’incident (voir incident.yaml) ; il ne se modifie pas ici.`,
  invalid: (label, problem) => `${label} : ${problem}.`,
  blank: (flag) => `${flag} attend un nom : qui l’a confirmé ?`,
  savedConfirmed: (label, value, by) => `Enregistré : ${label} = ${value}, confirmé par ${by}.`,
  savedUnconfirmed: (label, value) => `Enregistré : ${label} = ${value} (pas encore confirmé).`,
  unconfirmedHint: (id) =>
    `Les déclarations publiques affichent [[à confirmer : ${id}]] tant qu’il n’est pas confirmé : respond fact confirm ${id} --by "QUI"`,
  notSet: (id) => `« ${id} » n’a pas encore de valeur : il n’y a rien à confirmer.`,
  notSetHint: (id) => `Renseignez-le d’abord : respond fact set ${id} VALEUR --confirmed-by "QUI"`,
  alreadyConfirmed: (label, by) => `${label} était déjà confirmé par ${by}. Rien n’a changé.`,
  savedConfirmation: (label, by) => `Enregistré : ${label} confirmé par ${by}.`,
  heading: "Faits",
  statusConfirmed: (by, when) => `confirmé par ${by}, ${when}`,
  statusUnconfirmed: "NON confirmé",
  statusUnset: "pas encore connu",
  statusBuiltIn: "fixé à l’ouverture",
  private: "confidentiel : jamais dans une déclaration publique",
  legend: "Les déclarations publiques n’utilisent que les faits confirmés ; le reste apparaît comme [[à confirmer : …]].",
};

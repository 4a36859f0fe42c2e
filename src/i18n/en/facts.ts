/** Interface messages for `respond fact`. */
export const facts = {
  unknownFact: (id: string) => `There is no fact called '${id}' in this incident's playbook.`,
  didYouMean: (id: string) => `Did you mean '${id}'?`,
  knownFacts: (ids: string[]) => `Facts you can set: ${ids.join(", ")}.`,
  builtIn: (id: string) => `'${id}' is fixed when the incident is opened (see incident.yaml); it cannot be changed here.`,
  invalid: (label: string, problem: string) => `${label} ${problem}.`,
  blank: (flag: string) => `${flag} needs a name: who confirmed it?`,
  savedConfirmed: (label: string, value: string, by: string) => `Saved: ${label} = ${value}, confirmed by ${by}.`,
  savedUnconfirmed: (label: string, value: string) => `Saved: ${label} = ${value} (not confirmed yet).`,
  unconfirmedHint: (id: string) =>
    `Public statements show [[to confirm: ${id}]] until it is confirmed: respond fact confirm ${id} --by "WHO"`,
  notSet: (id: string) => `'${id}' has no value yet, so there is nothing to confirm.`,
  notSetHint: (id: string) => `Set it first: respond fact set ${id} VALUE --confirmed-by "WHO"`,
  alreadyConfirmed: (label: string, by: string) => `${label} was already confirmed by ${by}. Nothing changed.`,
  savedConfirmation: (label: string, by: string) => `Saved: ${label} confirmed by ${by}.`,
  heading: "Facts",
  statusConfirmed: (by: string, when: string) => `confirmed by ${by}, ${when}`,
  statusUnconfirmed: "NOT confirmed",
  statusUnset: "not known yet",
  statusBuiltIn: "from the incident",
  private: "private: never in public statements",
  legend: "Public statements use confirmed facts only; anything else shows as [[to confirm: …]].",
};

import type { playbooks as en } from "../en/playbooks.js";

const problemes = (n: number) => (n === 1 ? "1 problème" : `${n} problèmes`);

export const playbooks: typeof en = {
  list: {
    header: { id: "ID", title: "TITRE", version: "VERSION", languages: "LANGUES", steps: "ÉTAPES" },
    none: "Aucun playbook trouvé. Les playbooks fournis sont dans le dossier playbooks/ de respond ; les vôtres vont dans ./playbooks.",
    local: "local",
    extendsNote: (base: string) => `adapte ${base}`,
    broken: (file: string, problems: number) => `${file} : ${problemes(problems)} (voir : respond playbooks validate ${file})`,
    footer: "Pour en afficher un : respond playbooks show ID",
  },
  show: {
    heading: (title: string, id: string, version: string) => `${title} (${id}, version ${version})`,
    languages: (langs: string) => `Langues : ${langs}`,
    extendsChain: (chain: string) => `Adapte : ${chain}`,
    legend: "[ ] tâche   [?] décision   [S] déclaration",
    preparedness: "préparation, avant toute attaque",
    window: (from: string, to: string | undefined) => (to ? `de ${from} à ${to}` : `à partir de ${from}`),
    owner: (name: string) => `responsable : ${name}`,
    due: (when: string) => `échéance ${when}`,
    repeat: (every: string, until: string) => `toutes les ${every} jusqu’à ${until}`,
    closed: "fermée au départ",
    when: (summary: string) => `seulement si ${summary}`,
    template: (id: string, audience: string, channel: string) => `modèle ${id} (${audience}, ${channel})`,
    opens: (ids: string) => `ouvre ${ids}`,
    closes: (ids: string) => `ferme ${ids}`,
    sets: (flags: string) => `fixe ${flags}`,
    contacts: "Contacts",
    partners: "Partenaires",
    stepsCount: (n: number) => (n === 1 ? "1 étape" : `${n} étapes`),
  },
  conditions: {
    has: (fact: string) => `${fact} est connu`,
    factIs: (fact: string, values: string) => `${fact} vaut ${values}`,
    decided: (decision: string) => `${decision} est tranchée`,
    decisionIs: (decision: string, options: string) => `${decision} = ${options}`,
    flag: (flag: string) => `${flag}`,
    flagIs: (flag: string, value: string) => `${flag} = ${value}`,
    and: " et ",
    or: " ou ",
    not: (inner: string) => `non (${inner})`,
    orValues: " ou ",
  },
  validate: {
    ok: (file: string, steps: number) => `${file} : ok (${steps === 1 ? "1 étape" : `${steps} étapes`})`,
    problems: (file: string, n: number) => `${file} : ${problemes(n)}`,
    summaryBad: (files: number, problems: number) =>
      `${problemes(problems)} dans ${files === 1 ? "1 fichier" : `${files} fichiers`}. Corrigez les lignes indiquées, puis relancez cette commande.`,
  },
  new: {
    badId: (id: string) => `« ${id} » ne peut pas servir d’identifiant : utilisez des minuscules, des chiffres, « - » ou « _ » (par ex. ma-ville).`,
    exists: (file: string) => `${file} existe déjà ; respond n’écrase jamais un playbook.`,
    existsHint: "Choisissez un autre identifiant, ou un autre fichier avec --out.",
    blankAndExtends: "--blank et --extends ne vont pas ensemble : --blank part de zéro.",
    wrote: (file: string) => `${file} a été créé.`,
    wroteOverlay: (file: string, base: string) => `${file} a été créé : une adaptation de ${base}.`,
    next: (file: string) => `Modifiez-le, puis vérifiez-le avec : respond playbooks validate ${file}`,
    nextStart: (id: string) => `Pour l’utiliser : respond start ${id}`,
  },
  usage: {
    unknownAction: (action: string) => `Action inconnue « ${action} » : utilisez list, show, validate ou new.`,
  },
};

import type { common as en } from "../en/common.js";

export const common: typeof en = {
  notBuilt: (command) => `« respond ${command} » n’est pas encore disponible dans cette version.`,
  notBuiltHint: "La commande est prévue ; d’ici là, utilisez celles que liste « respond --help ».",
  internalError: "respond s’est arrêté à cause d’un problème interne. Rien de ce qui était déjà enregistré n’est perdu.",
  internalHint: (version) =>
    `Merci de le signaler aux responsables de respond en indiquant la commande lancée. Pour le détail, relancez-la avec RESPOND_DEBUG=1 (respond ${version}, Node ${process.version}).`,
  whatToDo: "Que faire :",
  badTime: (flag, value) =>
    `${flag} : « ${value} » n’est pas une heure. Indiquez une date et une heure ISO, par exemple 2026-05-14T18:30, ou T+2h par rapport à l’heure de l’attaque.`,
  badLang: (value) => `--lang : « ${value} » n’est pas une langue de respond. Choisissez en ou fr.`,
  cancelled: "Interrompu. Tout ce qui a été saisi jusqu’ici est enregistré.",
};

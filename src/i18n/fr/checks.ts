import type { checks as en } from "../en/checks.js";

const plural = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;

export const checks: typeof en = {
  why: "Pourquoi :",
  suggestion: "Suggestion :",
  stdinName: "(entrée standard)",
  clean: (file) => `${file} : aucune remarque. La déclaration passe les contrôles.`,
  summary: (file, errors, warnings) => {
    const parts = [errors > 0 ? plural(errors, "à corriger", "à corriger") : "", warnings > 0 ? plural(warnings, "à examiner", "à examiner") : ""].filter(Boolean);
    return `${file} : ${plural(errors + warnings, "remarque", "remarques")} (${parts.join(", ")}). Rien n’a été modifié ; corrigez le texte puis contrôlez-le à nouveau.`;
  },
  safetyNet: "Les contrôles sont un filet de sécurité : faites relire la déclaration par une autre personne avant sa diffusion.",
  withIncident: (dir) => `Contrôle fait avec les faits et les décisions de l’incident de ${dir}.`,
  withoutIncident:
    "Aucun dossier d’incident trouvé : contrôle fait comme si le mobile n’était pas confirmé et qu’aucun fait n’était enregistré. Utilisez --dir pour contrôler avec un incident.",
  typeNow: "Collez ou tapez la déclaration, puis appuyez sur Ctrl-D sur une nouvelle ligne.",
  notFound: (file) => `Il n’y a pas de fichier ${file}.`,
  notFoundHint: "Vérifiez le nom et le dossier, ou donnez - pour lire le texte sur l’entrée standard.",
  isFolder: (file) => `${file} est un dossier, pas un fichier.`,
  isFolderHint: "Donnez le fichier de la déclaration lui-même, par exemple : respond check drafts/holding-statement.md",
  notText: (file) => `${file} n’est pas un fichier texte : il contient des données binaires ou n’est pas en UTF-8.`,
  notTextHint: "Enregistrez la déclaration en texte brut, Markdown ou HTML (UTF-8), puis contrôlez-la à nouveau.",
  tooLarge: (file, limitKiB) => `${file} dépasse ${limitKiB} Kio, bien plus qu’une déclaration.`,
  tooLargeHint: "Contrôlez une déclaration à la fois.",
  unreadable: (file, reason) => `${file} n’a pas pu être lu (${reason}).`,
  unreadableHint: "Vérifiez que le fichier existe et que vous avez le droit de le lire.",
};

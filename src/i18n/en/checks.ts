/** Interface messages for the checks commands. */
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const checks = {
  why: "Why:",
  suggestion: "Suggestion:",
  stdinName: "(standard input)",
  clean: (file: string) => `${file}: no findings. The statement passes the checks.`,
  summary: (file: string, errors: number, warnings: number) => {
    const parts = [errors > 0 ? `${plural(errors, "to fix", "to fix")}` : "", warnings > 0 ? `${plural(warnings, "to consider", "to consider")}` : ""].filter(Boolean);
    return `${file}: ${plural(errors + warnings, "finding", "findings")} (${parts.join(", ")}). Nothing has been changed; edit the text and check it again.`;
  },
  safetyNet: "The checks are a safety net: have someone else read the statement before it goes out.",
  withIncident: (dir: string) => `Checked against the facts and decisions of the incident in ${dir}.`,
  withoutIncident: "No incident folder found: checked as if the motive were not confirmed and no facts were recorded. Use --dir to check against an incident.",
  typeNow: "Paste or type the statement, then press Ctrl-D on a new line.",
  notFound: (file: string) => `There is no file at ${file}.`,
  notFoundHint: "Check the name and the folder, or give - to read the text from standard input.",
  isFolder: (file: string) => `${file} is a folder, not a file.`,
  isFolderHint: "Give the statement file itself, e.g. respond check drafts/holding-statement.md",
  notText: (file: string) => `${file} is not a text file: it holds binary data or is not in UTF-8.`,
  notTextHint: "Save the statement as plain text, Markdown or HTML (UTF-8), then check it again.",
  tooLarge: (file: string, limitKiB: number) => `${file} is larger than ${limitKiB} KiB, far longer than a statement.`,
  tooLargeHint: "Check a statement at a time.",
  unreadable: (file: string, reason: string) => `${file} could not be read (${reason}).`,
  unreadableHint: "Check that the file exists and that you may read it.",
};

/** Interface messages shared by every command. */
export const common = {
  notBuilt: (command: string) => `'respond ${command}' is not available in this version yet.`,
  notBuiltHint: "It is planned; until then, use the commands listed by 'respond --help'.",
  internalError: "respond stopped because of an internal problem. Nothing already saved is lost.",
  internalHint: (version: string) =>
    `Please report it to the respond maintainers with the command you ran. For details, run it again with RESPOND_DEBUG=1 (respond ${version}, Node ${process.version}).`,
  whatToDo: "What to do:",
  badTime: (flag: string, value: string) =>
    `${flag}: '${value}' is not a time. Use an ISO date and time such as 2026-05-14T18:30, or T+2h relative to the attack time.`,
  badLang: (value: string) => `--lang: '${value}' is not a language respond speaks. Use en or fr.`,
  cancelled: "Stopped. Everything recorded so far is saved.",
};

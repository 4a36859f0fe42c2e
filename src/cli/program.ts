/**
 * The one command table. Every command of design.md is declared here with its
 * flags and an example; each action lazy-loads its module, so `respond --version`
 * loads almost nothing. Actions return an exit status; only main.ts exits.
 */
import { Command, Option } from "commander";
import type { CliContext, GlobalOptions } from "./context.js";

export type ExitStatus = number;

/** A command module's entry: positional args, its own options, the shared context. */
export type Runner = (ctx: CliContext, args: string[], options: Record<string, unknown>) => Promise<ExitStatus>;

type Loader = () => Promise<Runner>;

/** What a command line asked for, once commander has parsed it. */
export interface Invocation {
  /** the key of the command module in `runners` */
  command: CommandName;
  /** positional arguments, a sub-command's action word first (e.g. ["set", "id", "value"]) */
  args: string[];
  /** the command's own options */
  options: Record<string, unknown>;
  /** the command's options together with the global ones (--now, --lang, --no-color...) */
  globals: GlobalOptions;
}

/** Parsing is kept apart from running: main.ts runs the invocation, tests inspect it. */
export type Invoke = (invocation: Invocation) => Promise<void>;

const example = (...lines: string[]) => `\nExample${lines.length > 1 ? "s" : ""}:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

/** Each command module, loaded only when its command runs. */
export const runners = {
  start: () => import("./commands/start.js").then((m) => m.run),
  walk: () => import("./commands/walk.js").then((m) => m.run),
  status: () => import("./commands/status.js").then((m) => m.run),
  decide: () => import("./commands/record.js").then((m) => m.decide),
  done: () => import("./commands/record.js").then((m) => m.done),
  skip: () => import("./commands/record.js").then((m) => m.skip),
  note: () => import("./commands/record.js").then((m) => m.note),
  fact: () => import("./commands/fact.js").then((m) => m.run),
  draft: () => import("./commands/draft.js").then((m) => m.run),
  check: () => import("./commands/check.js").then((m) => m.run),
  checklist: () => import("./commands/checklist.js").then((m) => m.run),
  exercise: () => import("./commands/exercise.js").then((m) => m.run),
  report: () => import("./commands/report.js").then((m) => m.run),
  playbooks: () => import("./commands/playbooks.js").then((m) => m.run),
  templates: () => import("./commands/templates.js").then((m) => m.run),
} satisfies Record<string, Loader>;

export type CommandName = keyof typeof runners;

const dirOption = () => new Option("--dir <dir>", "incident workspace (default: found from the current folder)");
const byOption = () => new Option("--by <name>", "who did it (default: $RESPOND_USER, then your login name)");

export function buildProgram(version: string, invoke: Invoke): Command {
  const program = new Command("respond");
  program
    .description("A calm, offline runbook for a city's response after a terrorist or hate-motivated attack.")
    .version(version, "-V, --version", "print the version")
    .option("--now <time>", "override the clock: ISO time, or T+2h from the attack time")
    .option("--lang <lang>", "language of texts and messages: en or fr")
    .option("--no-color", "no colours (NO_COLOR is honoured too)")
    .option("--no-interactive", "never ask questions; a missing answer is an error")
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(run the command with --help for usage)")
    .exitOverride()
    .configureHelp({ sortSubcommands: false, showGlobalOptions: true })
    .addHelpText("after", example("respond start", "respond status --role communications", "respond playbooks show city-response --lang fr"));

  const action =
    (command: CommandName, fixed: string[] = []) =>
    async (...received: unknown[]) => {
      const parsed = received.at(-1) as Command;
      const positional = received.slice(0, -2).flatMap((a) => (Array.isArray(a) ? a.map(String) : a === undefined ? [] : [String(a)]));
      await invoke({ command, args: [...fixed, ...positional], options: parsed.opts(), globals: parsed.optsWithGlobals() as GlobalOptions });
    };

  program
    .command("start")
    .description("open a new incident workspace and walk through what to do now")
    .argument("[playbook]", "playbook id or path (default: city-response)")
    .addOption(dirOption())
    .option("--answers <file>", "answers file (YAML): facts, decisions, done; no questions asked")
    .option("--at <time>", "attack time (default: now)")
    .option("--city <name>", "city name")
    .option("--tz <zone>", "time zone, e.g. Europe/Paris (default: this machine's)")
    .addOption(new Option("--by <name>", "your name, for the log (default: asked, or $RESPOND_USER, then your login name)"))
    .addHelpText("after", example("respond start", "respond start city-response --dir ./incidents/drill --answers answers.yaml --no-interactive"))
    .action(action("start"));

  program
    .command("status")
    .description("what is due now, overdue and next, by owner")
    .addOption(dirOption())
    .option("--role <role>", "only this role's steps")
    .option("--all", "list every step, done and closed ones too")
    .option("--json", "machine-readable output")
    .addHelpText("after", example("respond status", "respond status --role communications --json"))
    .action(action("status"));

  program
    .command("walk")
    .description("resume the interactive walk through the incident")
    .addOption(dirOption())
    .addOption(byOption())
    .addHelpText("after", example("respond walk --dir ./incidents/2026-05-14-lyon", 'respond walk --by "J. Dupont"'))
    .action(action("walk"));

  program
    .command("decide")
    .description("record a decision")
    .argument("<id>", "decision step id")
    .argument("<option>", "option id")
    .option("--why <text>", "the reason, as it should read in the log")
    .addOption(byOption())
    .addOption(dirOption())
    .addHelpText("after", example('respond decide mayor-site-visit visit-later --why "Police ask us to keep the cordon clear today" --by "A. Martin"'))
    .action(action("decide"));

  program
    .command("done")
    .description("tick a task (for a repeating task, the earliest open occurrence, or ID#N)")
    .argument("<id>", "task id")
    .option("--note <text>", "a note kept with the tick")
    .addOption(byOption())
    .addOption(dirOption())
    .addHelpText("after", example('respond done activate-crisis-team --note "Room 2.14, line open" --by "J. Dupont"'))
    .action(action("done"));

  program
    .command("skip")
    .description("set a task aside, with the reason")
    .argument("<id>", "task id")
    .requiredOption("--reason <text>", "why it is skipped")
    .addOption(byOption())
    .addOption(dirOption())
    .addHelpText("after", example('respond skip schools-teacher-guidance --reason "School holidays; handled by the district"'))
    .action(action("skip"));

  program
    .command("note")
    .description("add a free note to the log")
    .argument("<text>", "the note")
    .option("--step <id>", "attach it to a step")
    .addOption(byOption())
    .addOption(dirOption())
    .addHelpText("after", example('respond note "Prefecture call moved to 18:00" --by "J. Dupont"'))
    .action(action("note"));

  const fact = program.command("fact").description("the facts register: what is known, and whether it is confirmed");
  fact
    .command("set")
    .description("set a fact's value")
    .argument("<id>", "fact id")
    .argument("<value>", "its value")
    .option("--confirmed-by <who>", "mark it confirmed by this person or authority")
    .addOption(byOption())
    .addOption(dirOption())
    .addHelpText("after", example('respond fact set victims_count 3 --confirmed-by "Prefecture"'))
    .action(action("fact", ["set"]));
  fact
    .command("confirm")
    .description("mark a fact confirmed")
    .argument("<id>", "fact id")
    .requiredOption("--by <who>", "who confirmed it")
    .addOption(dirOption())
    .addHelpText("after", example('respond fact confirm location --by "Police liaison"'))
    .action(action("fact", ["confirm"]));
  fact
    .command("list")
    .description("list the facts and their status")
    .option("--json", "machine-readable output")
    .addOption(dirOption())
    .addHelpText("after", example("respond fact list"))
    .action(action("fact", ["list"]));

  program
    .command("draft")
    .description("draft a statement from a template, with the incident's confirmed facts")
    .argument("<template>", "template id (see respond templates list)")
    .addOption(new Option("--format <format>", "output format").choices(["md", "txt", "html"]).default("md"))
    .option("--out <file>", "write here instead of the workspace's drafts folder")
    .option("--facts <file>", "facts file (YAML), to draft outside an incident")
    .option("--strict", "fail (exit 2) when a fact is missing or unconfirmed")
    .addOption(byOption())
    .addOption(dirOption())
    .addHelpText(
      "after",
      "\nInside an incident the draft is saved in drafts/ and recorded in the log. Standard output carries only\nthe draft text; where it was saved, the facts still to confirm and the check findings go to standard error.\n" +
        example("respond draft holding-statement", "respond draft social-post --lang fr --format txt", "respond draft holding-statement --facts facts.yaml --strict"),
    )
    .action(action("draft"));

  program
    .command("check")
    .description("run the statement checks on any text (exit 1 when there are findings)")
    .argument("<file>", "a file, or - for standard input")
    .option("--json", "machine-readable output")
    .addOption(dirOption())
    .addHelpText("after", example("respond check draft.md", "pbpaste | respond check - --lang fr"))
    .action(action("check"));

  program
    .command("checklist")
    .description("the current checklist, printable, with states from the log")
    .option("--phase <id>", "only this phase")
    .option("--role <role>", "only this role")
    .addOption(new Option("--format <format>", "output format").choices(["md", "html", "json"]).default("md"))
    .option("--out <file>", "write to a file")
    .addOption(dirOption())
    .addHelpText("after", example("respond checklist --role communications", "respond checklist --phase days --format html --out days.html"))
    .action(action("checklist"));

  program
    .command("exercise")
    .description("run a tabletop rehearsal with a simulated clock")
    .argument("<scenario>", "scenario id or path")
    .option("--speed <n>", "simulated minutes per real minute", "1")
    .addOption(dirOption())
    .addHelpText("after", example("respond exercise market-attack --speed 10"))
    .action(action("exercise"));

  program
    .command("report")
    .description("timeline, activity log, after-action report or handover")
    .addOption(new Option("--kind <kind>", "what to report").choices(["timeline", "activity-log", "aar", "handover"]).default("timeline"))
    .addOption(new Option("--format <format>", "output format").choices(["md", "html", "json"]).default("md"))
    .option("--out <file>", "write to a file")
    .addOption(dirOption())
    .addHelpText("after", example("respond report --kind activity-log", "respond report --kind aar --format html --out aar.html"))
    .action(action("report"));

  const playbooks = program.command("playbooks").description("list, show, validate and create playbooks");
  playbooks
    .command("list")
    .description("shipped and local playbooks")
    .option("--json", "machine-readable output")
    .addHelpText("after", example("respond playbooks list"))
    .action(action("playbooks", ["list"]));
  playbooks
    .command("show")
    .description("a playbook as an outline by phase")
    .argument("<id>", "playbook id or path")
    .option("--json", "machine-readable output")
    .addHelpText("after", example("respond playbooks show city-response", "respond playbooks show ./my-city.yaml --lang fr"))
    .action(action("playbooks", ["show"]));
  playbooks
    .command("validate")
    .description("check playbook files; every problem is listed (exit 2 when any)")
    .argument("<path...>", "playbook files")
    .option("--json", "machine-readable output")
    .addHelpText("after", example("respond playbooks validate playbooks/my-city.yaml"))
    .action(action("playbooks", ["validate"]));
  playbooks
    .command("new")
    .description("scaffold a new playbook or an overlay of an existing one")
    .argument("<id>", "the new playbook's id")
    .option("--extends <id>", "make an overlay of this playbook (default: city-response)")
    .option("--blank", "a new playbook from scratch instead of an overlay")
    .option("--out <file>", "where to write it (default: playbooks/<id>.yaml)")
    .addHelpText("after", example("respond playbooks new my-city", "respond playbooks new drill --blank"))
    .action(action("playbooks", ["new"]));

  const templates = program.command("templates").description("statement and checklist templates");
  templates
    .command("list")
    .description("the templates available, by language")
    .option("--json", "machine-readable output")
    .addHelpText("after", example("respond templates list --lang fr"))
    .action(action("templates", ["list"]));

  return program;
}

/**
 * `respond playbooks list | show ID | validate PATH... | new ID`: the CLI side of
 * the playbook loader. It prints; the loading and checking live in src/playbook.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { EXIT, RespondError, formatIssue } from "../../errors.js";
import { pick } from "../../lang.js";
import { listPlaybooks, loadPlaybook, validatePlaybookFiles, type PlaybookSummary } from "../../playbook/load.js";
import { shownPath } from "../../paths.js";
import { outline } from "../../playbook/outline.js";
import { blankText, overlayText } from "../../playbook/scaffold.js";
import { Id } from "../../playbook/schema.js";
import type { CliContext } from "../context.js";

type Options = Record<string, unknown>;

export async function run(ctx: CliContext, args: string[], options: Options): Promise<number> {
  const [action, ...rest] = args;
  switch (action) {
    case "list":
      return list(ctx, options);
    case "show":
      return show(ctx, rest[0] ?? "", options);
    case "validate":
      return validate(ctx, rest, options);
    case "new":
      return create(ctx, rest[0] ?? "", options);
    default:
      throw new RespondError("usage", ctx.msg.playbooks.usage.unknownAction(String(action)));
  }
}

const truncate = (text: string, width: number) => (text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text);

async function list(ctx: CliContext, options: Options): Promise<number> {
  const rows = await listPlaybooks({ cwd: ctx.cwd });
  if (options.json) {
    ctx.out.json(rows);
    return EXIT.ok;
  }
  const m = ctx.msg.playbooks.list;
  if (rows.length === 0) {
    ctx.out.line(m.none);
    return EXIT.ok;
  }
  const note = (r: PlaybookSummary) => [r.origin === "local" ? m.local : "", r.extends ? m.extendsNote(r.extends) : ""].filter(Boolean).join(", ");
  const cells = rows.filter((r) => r.problems === undefined).map((r) => ({
    id: r.id,
    title: pick(r.title, ctx.lang) + (note(r) ? ` (${note(r)})` : ""),
    version: r.version,
    languages: r.languages.join(","),
    steps: String(r.steps),
  }));
  const h = m.header;
  const widthOf = (key: keyof typeof h) => Math.max(h[key].length, ...cells.map((c) => c[key].length));
  const wId = widthOf("id");
  const wVersion = widthOf("version");
  const wLangs = widthOf("languages");
  const wSteps = widthOf("steps");
  const wTitle = Math.max(h.title.length, Math.min(widthOf("title"), ctx.out.width - (wId + wVersion + wLangs + wSteps + 8)));
  const row = (c: Record<keyof typeof h, string>) =>
    [c.id.padEnd(wId), truncate(c.title, wTitle).padEnd(wTitle), c.version.padEnd(wVersion), c.languages.padEnd(wLangs), c.steps.padStart(wSteps)].join("  ").trimEnd();
  if (cells.length) {
    ctx.out.line(ctx.out.color.bold(row(h)));
    for (const c of cells) ctx.out.line(row(c));
  }
  for (const r of rows.filter((x) => x.problems !== undefined)) ctx.out.warn(ctx.out.color.yellow(m.broken(r.file, r.problems ?? 0)));
  ctx.out.line();
  ctx.out.line(m.footer);
  return EXIT.ok;
}

async function show(ctx: CliContext, ref: string, options: Options): Promise<number> {
  const playbook = await loadPlaybook(ref, { cwd: ctx.cwd });
  if (options.json) {
    ctx.out.json(playbook);
    return EXIT.ok;
  }
  for (const line of outline(playbook, ctx.lang, ctx.msg.playbooks, Math.min(ctx.out.width, 80))) ctx.out.line(line);
  return EXIT.ok;
}

async function validate(ctx: CliContext, paths: string[], options: Options): Promise<number> {
  const results = await validatePlaybookFiles(paths, { cwd: ctx.cwd });
  const m = ctx.msg.playbooks.validate;
  const stepsOf = (r: (typeof results)[number]) => r.playbook?.phases.reduce((n, p) => n + p.steps.length, 0) ?? 0;
  const bad = results.filter((r) => r.issues.length > 0);
  if (options.json) {
    ctx.out.json(results.map((r) => ({ file: r.file, ok: r.issues.length === 0, steps: stepsOf(r), issues: r.issues })));
    return bad.length ? EXIT.usage : EXIT.ok;
  }
  for (const r of results) {
    if (r.issues.length === 0) {
      ctx.out.line(ctx.out.color.green(m.ok(r.file, stepsOf(r))));
      continue;
    }
    ctx.out.line(ctx.out.color.red(m.problems(r.file, r.issues.length)));
    for (const issue of r.issues) ctx.out.line(`  ${formatIssue(issue)}`);
  }
  if (bad.length) {
    ctx.out.line();
    ctx.out.line(m.summaryBad(bad.length, bad.reduce((n, r) => n + r.issues.length, 0)));
    return EXIT.usage;
  }
  return EXIT.ok;
}

async function create(ctx: CliContext, id: string, options: Options): Promise<number> {
  const m = ctx.msg.playbooks.new;
  if (!Id.safeParse(id).success) throw new RespondError("usage", m.badId(id));
  if (options.blank && options.extends) throw new RespondError("usage", m.blankAndExtends);
  const out = resolve(ctx.cwd, typeof options.out === "string" ? options.out : join("playbooks", `${id}.yaml`));
  const shown = shownPath(out, ctx.cwd);

  let text: string;
  let base: string | undefined;
  if (options.blank) {
    text = blankText(id, ctx.lang, out);
  } else {
    base = typeof options.extends === "string" ? options.extends : "city-response";
    const playbook = await loadPlaybook(base, { cwd: ctx.cwd });
    base = playbook.id;
    text = overlayText(id, playbook, out);
  }

  try {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, text, { flag: "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new RespondError("usage", m.exists(shown), { hint: m.existsHint });
    throw new RespondError("io", `${shown}: ${code ?? String(error)}`, { cause: error });
  }
  ctx.out.line(base ? m.wroteOverlay(shown, base) : m.wrote(shown));
  ctx.out.line(m.next(shown));
  ctx.out.line(m.nextStart(id));
  return EXIT.ok;
}

#!/usr/bin/env node
// `npm run bench`: whole-process timings and peak memory of the built binary, each as
// a ratio to a baseline measured in the same run (`node -e 0`: Node's own start-up),
// so the figures mean the same on a slow or a busy machine. Targets are ratios too.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin", "respond");
const rssPreload = pathToFileURL(join(root, "bench", "rss.mjs")).href;
const runs = Number(process.env.BENCH_RUNS ?? 15);
const work = mkdtempSync(join(tmpdir(), "respond-bench-"));
const EVENTS = 5000;

/** A workspace whose journal holds EVENTS events, written with the real journal code. */
async function bigWorkspace() {
  const dir = join(work, "incident");
  const answers = join(work, "answers.yaml");
  writeFileSync(
    answers,
    "city: Lyon\nat: 2026-05-14 18:30\ntimezone: Europe/Paris\nfacts:\n  mayor_name: A. Martin\n  location: the market\n  incident_summary: an attack\n  support_line: 0800 000 000\n  info_url: https://lyon.example/info\n",
  );
  const started = spawnSync(process.execPath, [bin, "start", "city-response", "--answers", answers, "--dir", dir, "--no-interactive", "--now", "T+1h"], {
    env: { ...process.env, NO_COLOR: "1" },
    encoding: "utf8",
  });
  if (started.status !== 0) throw new Error(`could not open the bench incident: ${started.stderr}`);
  const script = join(work, "fill.mjs");
  await build({
    stdin: {
      contents: `import { appendEvents } from ${JSON.stringify(join(root, "src/journal/journal.ts"))};
        const dir = process.argv[2]; const total = Number(process.argv[3]);
        for (let i = 0; i < total; i += 250) {
          const batch = Array.from({ length: Math.min(250, total - i) }, (_, j) => ({
            type: "note.added", by: "bench", at: new Date(Date.UTC(2026, 4, 14, 17, 0) + (i + j) * 1000).toISOString(),
            data: { text: "Situation update " + (i + j) + ": partners briefed, rumours monitored, no new incident." } }));
          await appendEvents(dir, batch);
        }`,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: script,
    logLevel: "warning",
  });
  const filled = spawnSync(process.execPath, [script, dir, String(EVENTS)], { encoding: "utf8" });
  if (filled.status !== 0) throw new Error(`could not fill the bench journal: ${filled.stderr}`);
  return dir;
}

/** Open task steps, one for each `done` run (a step is done once). */
function openTasks(dir) {
  const r = spawnSync(process.execPath, [bin, "status", "--json", "--dir", dir, "--now", "T+2d"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const steps = JSON.parse(r.stdout).steps.filter((s) => s.kind === "task" && s.state === "open").map((s) => s.id);
  if (steps.length < runs) throw new Error(`only ${steps.length} open tasks for ${runs} runs of done`);
  return steps;
}

/** `args` may be a function of the run's number, for commands that change what they act on. */
function measure(args, { input } = {}) {
  const times = [];
  const rss = [];
  const rssFile = join(work, "rss.txt");
  for (let i = 0; i < runs; i++) {
    rmSync(rssFile, { force: true });
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["--import", rssPreload, ...(typeof args === "function" ? args(i) : args)], {
      env: { ...process.env, NO_COLOR: "1", RESPOND_BENCH_RSS: rssFile },
      input,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${String(args)} exited ${r.status}: ${r.stderr}`);
    rss.push(Number(readFileSync(rssFile, "utf8").trim().split("\n").at(-1)) / 1024);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ms: median(times), mb: median(rss) };
}

const dir = await bigWorkspace();
const tasks = openTasks(dir);
const longText = readFileSync(join(root, "playbooks", "city-response.yaml"), "utf8").repeat(2);

const cases = [
  { name: "respond --version", args: [bin, "--version"], target: 1.6 },
  { name: "respond --help", args: [bin, "--help"], target: 1.8 },
  { name: "playbooks validate city-response", args: [bin, "playbooks", "validate", join(root, "playbooks", "city-response.yaml")], target: 6 },
  { name: `status --json, ${EVENTS} events`, args: [bin, "status", "--json", "--dir", dir, "--now", "T+2d"], target: 3.5 },
  { name: `done (an append), ${EVENTS} events`, args: (i) => [bin, "done", tasks[i], "--dir", dir, "--now", "T+2d", "--by", "bench"], target: 3.5 },
  { name: "check, 2 x city-response.yaml", args: [bin, "check", "-", "--json"], input: longText, target: 6 },
];

const baseline = measure(["-e", "0"]);
console.log(`baseline (node -e 0): ${baseline.ms.toFixed(1)} ms, ${baseline.mb.toFixed(1)} MB peak; ${runs} runs each, medians\n`);
console.log("case".padEnd(40) + "ms".padStart(9) + "time x".padStart(9) + "target".padStart(9) + "MB".padStart(8) + "mem x".padStart(8));
let missed = 0;
for (const c of cases) {
  const m = measure(c.args, { input: c.input });
  const ratio = m.ms / baseline.ms;
  const ok = ratio <= c.target;
  if (!ok) missed++;
  console.log(
    c.name.padEnd(40) +
      m.ms.toFixed(1).padStart(9) +
      ratio.toFixed(2).padStart(9) +
      `${ok ? "<=" : "> "}${c.target}`.padStart(9) +
      m.mb.toFixed(1).padStart(8) +
      (m.mb / baseline.mb).toFixed(2).padStart(8),
  );
}
rmSync(work, { recursive: true, force: true });
console.log(missed ? `\n${missed} target(s) missed` : "\nall targets met");
process.exitCode = missed ? 1 : 0;

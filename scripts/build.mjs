#!/usr/bin/env node
// Builds the shipped binary: one ESM bundle in dist/, commands split into lazy chunks.
// `--schema` also regenerates playbooks/playbook.schema.json from the zod schema.
import { build } from "esbuild";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url);
const pkg = JSON.parse(await readFile(new URL("package.json", root), "utf8"));

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  // handlebars and commander are CommonJS: give their require() calls a real require
  banner: { js: "import { createRequire as __respondCreateRequire } from 'node:module'; const require = __respondCreateRequire(import.meta.url);" },
  define: { RESPOND_VERSION: JSON.stringify(pkg.version) },
};

await rm(new URL("dist", root), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { cli: "src/cli/main.ts" },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  absWorkingDir: new URL(".", root).pathname,
  legalComments: "linked",
});

if (process.argv.includes("--schema")) {
  const dir = await mkdtemp(join(tmpdir(), "respond-schema-"));
  const out = join(dir, "schema.mjs");
  await build({ ...common, banner: {}, entryPoints: ["src/playbook/schema.ts"], outfile: out, absWorkingDir: new URL(".", root).pathname });
  const { playbookJsonSchema } = await import(pathToFileURL(out).href);
  await writeFile(new URL("playbooks/playbook.schema.json", root), `${JSON.stringify(playbookJsonSchema(), null, 2)}\n`);
  await rm(dir, { recursive: true, force: true });
  console.log("wrote playbooks/playbook.schema.json");
}

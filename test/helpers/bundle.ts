/** Bundle a script that imports the project's real TypeScript, so a test can run it as its own process. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { tempDir } from "./cli.js";

export async function bundleScript(name: string, source: string): Promise<string> {
  const out = tempDir(`respond-${name}-`);
  writeFileSync(join(out, `${name}.ts`), source);
  const script = join(out, `${name}.mjs`);
  await build({ entryPoints: [join(out, `${name}.ts`)], bundle: true, platform: "node", format: "esm", outfile: script, logLevel: "silent" });
  return script;
}

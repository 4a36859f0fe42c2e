import type { CliContext } from "../context.js";
import { notBuilt } from "./not-built.js";

export async function run(ctx: CliContext): Promise<number> {
  return notBuilt(ctx, "playbooks");
}

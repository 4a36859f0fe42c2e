import type { CliContext } from "../context.js";
import { notBuilt } from "./not-built.js";

export const decide = async (ctx: CliContext): Promise<number> => notBuilt(ctx, "decide");
export const done = async (ctx: CliContext): Promise<number> => notBuilt(ctx, "done");
export const skip = async (ctx: CliContext): Promise<number> => notBuilt(ctx, "skip");
export const note = async (ctx: CliContext): Promise<number> => notBuilt(ctx, "note");

import { RespondError } from "../../errors.js";
import type { CliContext } from "../context.js";

/** For commands filed but not built yet: say so plainly, exit 1. */
export function notBuilt(ctx: CliContext, command: string): never {
  throw new RespondError("not-built", ctx.msg.common.notBuilt(command), { hint: ctx.msg.common.notBuiltHint });
}

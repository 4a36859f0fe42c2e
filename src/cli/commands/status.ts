/** `respond status`: what is late, due soon and to decide, by owner; or every step with --all. */
import type { IncidentState, StepState } from "../../engine/types.js";
import { RespondError } from "../../errors.js";
import { pick } from "../../lang.js";
import { fullList, overview, stepDef } from "../../prompts/screens.js";
import type { CliContext } from "../context.js";
import { incidentView, openIncident, type OpenIncident } from "../incident.js";

export interface StatusOptions {
  dir?: string;
  role?: string;
  all?: boolean;
  json?: boolean;
}

export interface StatusStep {
  id: string;
  stepId: string;
  occurrence: number | null;
  kind: StepState["kind"];
  title: string;
  phase: string;
  owner: string;
  state: StepState["state"];
  closedBy: StepState["closedBy"] | null;
  due: string | null;
  overdue: boolean;
  decision: StepState["decision"] | null;
}

export interface StatusResult {
  dir: string;
  city: string;
  now: string;
  t0: string;
  timeZone: string;
  phase: string | null;
  steps: StatusStep[];
}

/** The status as data: what `--json` prints, and what the readable form is drawn from. */
export function statusData(opened: OpenIncident, state: IncidentState, role?: string): StatusResult {
  const title = (s: StepState) => {
    const def = stepDef(opened, s.stepId);
    return def ? pick(def.title, opened.lang) : s.stepId;
  };
  return {
    dir: opened.dir,
    city: opened.incident.city,
    now: state.now.toISOString(),
    t0: state.t0.toISOString(),
    timeZone: opened.incident.timeZone,
    phase: state.phase,
    steps: state.steps
      .filter((s) => !role || s.owner === role)
      .map((s) => ({
        id: s.id,
        stepId: s.stepId,
        occurrence: s.occurrence ?? null,
        kind: s.kind,
        title: title(s),
        phase: s.phase,
        owner: s.owner,
        state: s.state,
        closedBy: s.closedBy ?? null,
        due: s.due ? s.due.toISOString() : null,
        overdue: s.overdue,
        decision: s.decision ?? null,
      })),
  };
}

export function checkRole(opened: OpenIncident, role: string | undefined): void {
  if (role === undefined) return;
  const roles = opened.playbook.roles.map((r) => r.id);
  if (!roles.includes(role)) throw new RespondError("usage", opened.msg.incident.unknownRole(role, roles));
}

export async function run(ctx: CliContext, _args: string[], options: StatusOptions): Promise<number> {
  const opened = await openIncident(ctx, options);
  checkRole(opened, options.role);
  if (options.json) {
    ctx.out.json(statusData(opened, opened.state, options.role));
    return 0;
  }
  const view = incidentView(ctx, opened);
  const role = options.role ? { role: options.role } : {};
  const lines = options.all ? fullList(view, opened.state, role) : overview(view, opened.state, role);
  for (const line of lines) ctx.out.line(line);
  return 0;
}

/**
 * Errors by kind. Every error the core raises on purpose is a RespondError with a
 * `code`; the CLI's single top-level handler turns the code into an exit status and
 * a message fit for a person. Anything else that reaches the handler is a bug.
 */

export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  cancelled: 130,
} as const;

export type ErrorCode =
  /** bad flag, bad argument, unknown id typed on the command line */
  | "usage"
  /** an input file is invalid (playbook, answers, scenario, template, journal format) */
  | "invalid-input"
  /** a non-interactive run needed an answer that was not given */
  | "missing-answer"
  /** a file or folder could not be read or written */
  | "io"
  /** another process holds the journal lock */
  | "locked"
  /** the workspace or journal is damaged in a way we refuse to work around */
  | "damaged"
  /** a command that is filed but not built yet */
  | "not-built"
  /** the person pressed Ctrl-C */
  | "cancelled";

const EXIT_BY_CODE: Record<ErrorCode, number> = {
  usage: EXIT.usage,
  "invalid-input": EXIT.usage,
  "missing-answer": EXIT.usage,
  io: EXIT.failure,
  locked: EXIT.failure,
  damaged: EXIT.failure,
  "not-built": EXIT.failure,
  cancelled: EXIT.cancelled,
};

/** One problem in an input file, positioned for a person to find it. */
export interface Issue {
  file: string;
  line: number;
  col: number;
  /** dotted path to the offending node, e.g. `phases[0].steps[3].owner` */
  path: string;
  message: string;
}

export function formatIssue(issue: Issue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.col}` : issue.file;
  return issue.path ? `${where}  ${issue.path}: ${issue.message}` : `${where}  ${issue.message}`;
}

export class RespondError extends Error {
  readonly code: ErrorCode;
  /** what the person can do about it, one sentence */
  readonly hint: string | undefined;
  readonly issues: Issue[];

  constructor(code: ErrorCode, message: string, options: { hint?: string; issues?: Issue[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "RespondError";
    this.code = code;
    this.hint = options.hint;
    this.issues = options.issues ?? [];
  }

  get exitCode(): number {
    return EXIT_BY_CODE[this.code];
  }
}

/** Classify by the `code` field, not by instanceof: bundles may hold two copies. */
export function isRespondError(error: unknown): error is RespondError {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: unknown }).name === "RespondError" &&
    typeof (error as { code?: unknown }).code === "string" &&
    (error as { code: string }).code in EXIT_BY_CODE
  );
}

export function invalidInput(message: string, issues: Issue[], hint?: string): RespondError {
  return new RespondError("invalid-input", message, { issues, ...(hint ? { hint } : {}) });
}

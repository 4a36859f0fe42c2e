/**
 * Where the CLI writes. Colour is decided once: off with --no-color, NO_COLOR, or
 * when stdout is not a terminal; chalk's own detection is not consulted twice.
 */
import { Chalk, type ChalkInstance } from "chalk";

export interface Output {
  color: ChalkInstance;
  /** a line to stdout */
  line(text?: string): void;
  /** a line to stderr: warnings, errors, hints */
  warn(text: string): void;
  json(value: unknown): void;
  /** the columns to wrap to (80 when not a terminal) */
  width: number;
}

export interface OutputOptions {
  noColor?: boolean;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr?: NodeJS.WritableStream;
  env?: NodeJS.ProcessEnv;
}

export function colorWanted(options: OutputOptions): boolean {
  const env = options.env ?? process.env;
  if (options.noColor) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return Boolean((options.stdout ?? process.stdout).isTTY);
}

export function createOutput(options: OutputOptions = {}): Output {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const color = new Chalk({ level: colorWanted(options) ? 1 : 0 });
  return {
    color,
    line: (text = "") => void stdout.write(`${text}\n`),
    warn: (text) => void stderr.write(`${text}\n`),
    json: (value) => void stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    width: Math.max(40, Math.min(stdout.columns ?? 80, 100)),
  };
}

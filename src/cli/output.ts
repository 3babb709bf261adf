import { redactSecretsInText } from "../engine/shared/index.js";

/** Exit codes shared by every command (see README "Exit codes"). */
export const EXIT = {
  ok: 0,
  gateFailed: 1,
  usage: 2,
  interrupted: 130,
  /** Stopped by SIGTERM (128 + 15). */
  terminated: 143,
} as const;

/** Colour is on only for a TTY and when NO_COLOR is unset or empty. */
export function colorEnabled(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR === "0") return false;
  return Boolean(stream.isTTY);
}

const codes = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  cyan: [36, 39],
} as const;

export type Style = keyof typeof codes;

export function paint(
  text: string,
  style: Style,
  stream: NodeJS.WriteStream = process.stdout,
): string {
  if (!colorEnabled(stream)) return text;
  const [open, close] = codes[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

/** One JSON document on stdout and nothing else. */
export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function writeText(text: string): void {
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** Status and progress go to stderr, so stdout stays parseable. */
export function writeStatus(text: string): void {
  process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
}

export function writeError(message: string, hint?: string): void {
  const err = process.stderr;
  err.write(`${paint("error:", "red", err)} ${redactSecretsInText(message)}\n`);
  if (hint) err.write(`${paint("hint:", "dim", err)} ${redactSecretsInText(hint)}\n`);
}

/** True when the command may wait for keys: stdin and stdout are terminals. */
export function isInteractive(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY);
}

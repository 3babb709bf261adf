import { redactSecretsInText } from "../engine/shared/index.js";
import { paint } from "../report/style.js";

export { EXIT } from "../report/exit-codes.js";
export { colorEnabled, paint, type Style } from "../report/style.js";

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

/**
 * An error the user can fix: bad flags, a missing file, an unreachable host.
 * The CLI prints `error: <message>` and, when present, `hint: <hint>`, then exits with `exitCode`.
 */
export class UserError extends Error {
  readonly hint?: string;
  readonly exitCode: number;

  constructor(
    message: string,
    options: { hint?: string; exitCode?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "UserError";
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 2;
  }
}

export function isUserError(value: unknown): value is UserError {
  return value instanceof UserError;
}

import { UserError } from "../../shared/index.js";
import type { SqlStatement } from "./statement-split.js";

/**
 * A statement of the migration failed on the server. Exit code 1 (the migration failed), with the file
 * line of the failing statement (refined by the server's error position) and what was left behind.
 */
export function statementFailure(
  error: unknown,
  context: { file: string; statement: SqlStatement; index: number; leftBehind: string },
): UserError {
  const e = error as { message?: string; position?: string; code?: string };
  let line = context.statement.line;
  const position = Number(e.position);
  if (Number.isFinite(position) && position > 0) {
    line += context.statement.sql.slice(0, position - 1).split("\n").length - 1;
  }
  const reason = (e.message ?? String(error)).split("\n")[0];
  return new UserError(
    `${context.file}:${line}: statement ${context.index + 1} failed: ${reason}${e.code ? ` (SQLSTATE ${e.code})` : ""}`,
    { hint: context.leftBehind, exitCode: 1, cause: error },
  );
}

/**
 * The run was stopped (Ctrl+C, SIGTERM) before or during a statement: what was cancelled and what stays.
 * The exit code is the interrupt's (130; the CLI gives 143 for SIGTERM).
 */
export function interrupted(
  signal: AbortSignal,
  context: { file: string; statement: SqlStatement; index: number; leftBehind: string },
  during: boolean,
): UserError {
  const why = signal.reason instanceof Error ? signal.reason.message : "interrupted";
  return new UserError(
    `${why}: ${during ? `statement ${context.index + 1} (${context.file}:${context.statement.line}) was cancelled` : `stopped before statement ${context.index + 1} (${context.file}:${context.statement.line})`}`,
    { hint: context.leftBehind, exitCode: 130 },
  );
}

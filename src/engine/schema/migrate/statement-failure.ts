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

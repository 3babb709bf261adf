import { hasSqlDetails, loadModule, parseSync } from "libpg-query";
import { UserError } from "../../shared/index.js";

/** One SQL statement of a migration section, with where it sits in the file. */
export interface SqlStatement {
  sql: string;
  /** 1-based line in the migration file where the statement starts. */
  line: number;
  /** The parse-tree node type, e.g. "CreateStmt", "IndexStmt". */
  nodeType: string;
  /** Why it cannot run inside a transaction block, when it cannot. */
  outsideTransactionReason?: string;
  /** BEGIN / COMMIT written into the file: the migrator manages transactions itself. */
  transactionControl?: "begin" | "commit" | "other";
  /** The statement's parse tree node (the body under `nodeType`), for rules that read it. */
  body?: Record<string, unknown>;
}

let ready: Promise<void> | undefined;

/** Load the PostgreSQL parser (WebAssembly) once. */
export function loadSqlParser(): Promise<void> {
  ready ??= loadModule();
  return ready;
}

/**
 * Split SQL into statements with PostgreSQL's own parser (libpg_query), so quoting, dollar quotes and
 * comments are handled exactly as the server does. A syntax error becomes a UserError naming the line.
 * `lineOffset` is the file line the text starts on (1-based).
 */
export async function splitStatements(
  text: string,
  context: { file: string; lineOffset: number },
): Promise<SqlStatement[]> {
  // The parser refuses an empty string ("Query cannot be empty"); an empty section simply has no statements.
  if (text.trim() === "") return [];
  await loadSqlParser();
  const bytes = Buffer.from(text, "utf8");
  let stmts: Array<{ stmt?: Record<string, unknown>; stmt_location?: number; stmt_len?: number }>;
  try {
    stmts = (parseSync(text).stmts ?? []) as typeof stmts;
  } catch (error) {
    const position = hasSqlDetails(error) ? (error.sqlDetails?.cursorPosition ?? 0) : 0;
    const charIndex = bytes.subarray(0, Math.max(0, position)).toString("utf8").length;
    const line = context.lineOffset + countNewlines(text.slice(0, charIndex));
    const message = error instanceof Error ? error.message : String(error);
    const meta = /^\s*(\\[a-z!?]+)/i.exec(excerptAt(text, charIndex))?.[1];
    if (meta) {
      throw new UserError(`${context.file}:${line}: ${meta} is a psql meta-command, not SQL`, {
        hint: "migrations are sent to the server statement by statement, not through psql: remove psql commands (\\set, \\i, \\connect, …) from the file",
        exitCode: 2,
      });
    }
    throw new UserError(`${context.file}:${line}: ${message}`, {
      hint: `near: ${excerptAt(text, charIndex)}`,
      exitCode: 2,
    });
  }
  const out: SqlStatement[] = [];
  for (const s of stmts) {
    const start = s.stmt_location ?? 0;
    const end = s.stmt_len ? start + s.stmt_len : bytes.length;
    const raw = bytes.subarray(start, end).toString("utf8");
    const leading = bytes.subarray(0, start).toString("utf8");
    const sql = raw.trim();
    if (sql === "") continue;
    const skipped = raw.length - raw.trimStart().length;
    const line = context.lineOffset + countNewlines(leading) + countNewlines(raw.slice(0, skipped));
    const node = s.stmt ?? {};
    const nodeType = Object.keys(node)[0] ?? "Unknown";
    const body = (node[nodeType] ?? {}) as Record<string, unknown>;
    out.push({
      sql,
      line,
      nodeType,
      outsideTransactionReason: outsideTransactionReason(nodeType, body),
      transactionControl: transactionControl(nodeType, body),
      body,
    });
  }
  return out;
}

function outsideTransactionReason(
  nodeType: string,
  body: Record<string, unknown>,
): string | undefined {
  switch (nodeType) {
    case "IndexStmt":
      return body.concurrent
        ? "CREATE INDEX CONCURRENTLY cannot run inside a transaction"
        : undefined;
    case "DropStmt":
      return body.concurrent
        ? "DROP INDEX CONCURRENTLY cannot run inside a transaction"
        : undefined;
    case "ReindexStmt":
      return JSON.stringify(body.params ?? []).includes('"concurrently"')
        ? "REINDEX CONCURRENTLY cannot run inside a transaction"
        : undefined;
    case "VacuumStmt":
      return body.is_vacuumcmd ? "VACUUM cannot run inside a transaction" : undefined;
    case "CreatedbStmt":
    case "DropdbStmt":
      return "CREATE/DROP DATABASE cannot run inside a transaction";
    case "CreateTableSpaceStmt":
    case "DropTableSpaceStmt":
      return "CREATE/DROP TABLESPACE cannot run inside a transaction";
    case "AlterSystemStmt":
      return "ALTER SYSTEM cannot run inside a transaction";
    default:
      return undefined;
  }
}

function transactionControl(
  nodeType: string,
  body: Record<string, unknown>,
): SqlStatement["transactionControl"] {
  if (nodeType !== "TransactionStmt") return undefined;
  switch (body.kind) {
    case "TRANS_STMT_BEGIN":
    case "TRANS_STMT_START":
      return "begin";
    case "TRANS_STMT_COMMIT":
      return "commit";
    case "TRANS_STMT_SAVEPOINT":
    case "TRANS_STMT_RELEASE":
    case "TRANS_STMT_ROLLBACK_TO":
      return undefined;
    default:
      return "other";
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === "\n") n += 1;
  return n;
}

function excerptAt(text: string, index: number): string {
  const lineStart = text.lastIndexOf("\n", Math.max(0, index - 1)) + 1;
  const lineEnd = text.indexOf("\n", index);
  return text
    .slice(lineStart, lineEnd === -1 ? undefined : lineEnd)
    .trim()
    .slice(0, 120);
}

import pg from "pg";
import { redactConnectionString } from "../shared/redact.js";
import { UserError } from "../shared/user-error.js";
import { checkLibpqEnvironment, normaliseConnectionString } from "./connection-string.js";
import { withLibpqSslMode } from "./ssl-mode.js";

/**
 * One query interface over a PostgreSQL server (through `pg`) and an embedded PGlite,
 * so introspection, diff and migrations run the same code on both.
 */
export interface Db {
  kind: "server" | "pglite";
  /** Where it points, password replaced by *** (safe to print). */
  label: string;
  query<T = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<{ rows: T[]; rowCount: number }>;
  /**
   * Hand each row to `onRow` as it arrives instead of collecting them (a server only): a big result then
   * never sits in memory as rows. Without it, `eachRow` queries and loops.
   */
  each?(
    sql: string,
    params: unknown[],
    onRow: (row: Record<string, unknown>) => void,
  ): Promise<void>;
  /** Run one or more statements with no parameters (simple query protocol). */
  exec(sql: string): Promise<void>;
  /** Ask the server to cancel the statement running now (a server only: pg_cancel_backend from a second connection). */
  cancel?(): Promise<void>;
  close(): Promise<void>;
}

/** Each row of a query, as it arrives where the Db can stream them. */
export async function eachRow(
  db: Db,
  sql: string,
  params: unknown[],
  onRow: (row: Record<string, unknown>) => void,
): Promise<void> {
  if (db.each) return db.each(sql, params, onRow);
  for (const row of (await db.query(sql, params)).rows) onRow(row);
}

/**
 * Resolve the connection string: the flag, then DATABASE_URL, then the libpq PG* variables
 * (pg reads PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE itself).
 */
export function resolveConnectionString(flag: string | undefined): string | undefined {
  if (flag) return flag;
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  return undefined;
}

export function hasLibpqEnvironment(): boolean {
  return Boolean(process.env.PGHOST || process.env.PGDATABASE || process.env.PGUSER);
}

/** Connect to a server; connection problems become a one-line UserError. */
export async function connectServer(
  connectionString: string | undefined,
  options: { connectTimeoutMs?: number; applicationName?: string } = {},
): Promise<Db> {
  // Refuse anything but postgres:// URLs and key=value strings before any socket opens (exit 2, one line).
  if (connectionString !== undefined)
    connectionString = normaliseConnectionString(connectionString);
  checkLibpqEnvironment();
  const label = connectionString
    ? redactConnectionString(connectionString)
    : `PG* environment (${process.env.PGHOST ?? "localhost"}/${process.env.PGDATABASE ?? ""})`;
  const config = {
    connectionString: withLibpqSslMode(connectionString),
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    application_name: options.applicationName ?? "senior-backend",
  };
  const client = new pg.Client(config);
  // An idle client that loses its server emits 'error'; never let that crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw connectionError(error, label);
  }
  return {
    kind: "server",
    label,
    query: async (sql, params) => {
      const result = await client.query(sql, params as unknown[] | undefined);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
    each: (sql, params, onRow) =>
      new Promise<void>((resolve, reject) => {
        // With a row listener and no callback, pg hands rows over without keeping them.
        const query = new pg.Query({ text: sql, values: params });
        query.on("row", (row: Record<string, unknown>) => {
          try {
            onRow(row);
          } catch (error) {
            reject(error);
          }
        });
        query.on("end", () => resolve());
        query.on("error", reject);
        client.query(query);
      }),
    exec: async (sql) => {
      await client.query(sql);
    },
    cancel: async () => {
      const pid = (client as unknown as { processID?: number }).processID;
      if (!pid) return;
      const other = new pg.Client(config);
      other.on("error", () => {});
      try {
        await other.connect();
        await other.query("SELECT pg_cancel_backend($1)", [pid]);
      } finally {
        await other.end().catch(() => {});
      }
    },
    close: () => client.end(),
  };
}

/** Map pg / socket errors at connect time to a message a user can act on. */
export function connectionError(error: unknown, label: string): UserError {
  const e = error as { code?: string; message?: string };
  const message = e.message ?? String(error);
  switch (e.code) {
    case "ECONNREFUSED":
      return new UserError(`cannot connect to ${label}: connection refused`, {
        hint: "is PostgreSQL running and listening on that host and port?",
        cause: error,
      });
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new UserError(`cannot connect to ${label}: host not found`, { cause: error });
    case "ETIMEDOUT":
      return new UserError(`cannot connect to ${label}: timed out`, { cause: error });
    case "28P01":
      return new UserError(`cannot connect to ${label}: password authentication failed`, {
        hint: "check the password (PGPASSWORD or the connection string); the server gives the same answer for an unknown user when it asks for a password",
        cause: error,
      });
    case "28000": {
      const role = /role "([^"]*)" does not exist/.exec(message)?.[1];
      if (role !== undefined) {
        return new UserError(`cannot connect to ${label}: role "${role}" does not exist`, {
          hint: "check the user name, or create the role (CREATE ROLE … LOGIN)",
          cause: error,
        });
      }
      return new UserError(`cannot connect to ${label}: ${message.split("\n")[0]}`, {
        hint: "the server refused this user, host or database (pg_hba.conf)",
        cause: error,
      });
    }
    case "3D000":
      return new UserError(`cannot connect to ${label}: ${message}`, { cause: error });
    default:
      return new UserError(`cannot connect to ${label}: ${message.split("\n")[0]}`, {
        cause: error,
      });
  }
}

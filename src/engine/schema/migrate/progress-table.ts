import type { Db } from "../connection.js";
import { TOOL_SCHEMA as TRACKING_SCHEMA } from "../introspect/schema-filters.js";

/**
 * `senior_backend.migration_progress`: what a run of a migration that is not one single transaction has
 * completed so far. A transactional part is recorded inside its own transaction (statement = -1); a statement
 * outside any transaction is recorded as soon as it completes. A finished run deletes its rows, so rows that
 * remain mean "partially applied" (or "partially rolled back"), and the next run continues after them.
 */
export const PROGRESS_TABLE = `${TRACKING_SCHEMA}.migration_progress`;

export const PROGRESS_DDL = `CREATE TABLE IF NOT EXISTS ${PROGRESS_TABLE} (
  name text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('up', 'down')),
  checksum text NOT NULL,
  unit integer NOT NULL,
  statement integer NOT NULL,
  completed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, direction, unit, statement)
);`;

export interface Progress {
  checksum: string;
  /** "unit:statement" keys; statement -1 is a whole transactional part. */
  done: Set<string>;
  startedAt: string;
}

export const progressKey = (unit: number, statement = -1) => `${unit}:${statement}`;

async function tableExists(db: Db): Promise<boolean> {
  const r = await db.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [
    PROGRESS_TABLE,
  ]);
  return Boolean(r.rows[0]?.t);
}

export async function readProgress(
  db: Db,
  name: string,
  direction: "up" | "down",
): Promise<Progress | undefined> {
  if (!(await tableExists(db))) return undefined;
  const r = await db.query<{
    checksum: string;
    unit: number;
    statement: number;
    completed_at: Date;
  }>(
    `SELECT checksum, unit, statement, completed_at FROM ${PROGRESS_TABLE}
     WHERE name = $1 AND direction = $2 ORDER BY completed_at`,
    [name, direction],
  );
  const first = r.rows[0];
  if (!first) return undefined;
  return {
    checksum: first.checksum,
    done: new Set(r.rows.map((row) => progressKey(row.unit, row.statement))),
    startedAt: new Date(first.completed_at).toISOString(),
  };
}

/** Every migration with progress rows: name → directions in progress. */
export async function allProgress(db: Db): Promise<Map<string, Array<"up" | "down">>> {
  const result = new Map<string, Array<"up" | "down">>();
  if (!(await tableExists(db))) return result;
  const r = await db.query<{ name: string; direction: "up" | "down" }>(
    `SELECT DISTINCT name, direction FROM ${PROGRESS_TABLE} ORDER BY 1, 2`,
  );
  for (const row of r.rows) result.set(row.name, [...(result.get(row.name) ?? []), row.direction]);
  return result;
}

export async function recordProgress(
  db: Db,
  entry: {
    name: string;
    direction: "up" | "down";
    checksum: string;
    unit: number;
    statement?: number;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO ${PROGRESS_TABLE} (name, direction, checksum, unit, statement) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING`,
    [entry.name, entry.direction, entry.checksum, entry.unit, entry.statement ?? -1],
  );
}

/** Forget the progress of a migration (both directions: a finished run in one makes the other's moot). */
export async function clearProgress(db: Db, name: string): Promise<void> {
  if (await tableExists(db))
    await db.query(`DELETE FROM ${PROGRESS_TABLE} WHERE name = $1`, [name]);
}

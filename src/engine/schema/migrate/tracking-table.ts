import type { Db } from "../connection.js";
import { PROGRESS_DDL } from "./progress-table.js";

/**
 * The tracking tables:
 * - `senior_backend.schema_migrations`: one row per applied migration (the current state);
 *   `--down` deletes the row.
 * - `senior_backend.migration_history`: an append-only log of every apply and rollback.
 */
export const TRACKING_SCHEMA = "senior_backend";
export const TRACKING_TABLE = `${TRACKING_SCHEMA}.schema_migrations`;
export const HISTORY_TABLE = `${TRACKING_SCHEMA}.migration_history`;

export interface AppliedMigration {
  name: string;
  checksum: string;
  appliedAt: string;
  durationMs: number;
}

export async function ensureTrackingTables(db: Db): Promise<void> {
  await db.exec(`CREATE SCHEMA IF NOT EXISTS ${TRACKING_SCHEMA};
CREATE TABLE IF NOT EXISTS ${TRACKING_TABLE} (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  duration_ms integer NOT NULL
);
CREATE TABLE IF NOT EXISTS ${HISTORY_TABLE} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('up', 'down')),
  applied_at timestamptz NOT NULL DEFAULT now(),
  duration_ms integer NOT NULL
);
${PROGRESS_DDL}`);
}

/** The applied record for `name`, or undefined when it is not applied (or nothing was ever tracked). */
export async function findApplied(db: Db, name: string): Promise<AppliedMigration | undefined> {
  const exists = await db.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [
    TRACKING_TABLE,
  ]);
  if (!exists.rows[0]?.t) return undefined;
  const r = await db.query<{
    name: string;
    checksum: string;
    applied_at: Date;
    duration_ms: number;
  }>(`SELECT name, checksum, applied_at, duration_ms FROM ${TRACKING_TABLE} WHERE name = $1`, [
    name,
  ]);
  const row = r.rows[0];
  if (!row) return undefined;
  return {
    name: row.name,
    checksum: row.checksum,
    appliedAt: new Date(row.applied_at).toISOString(),
    durationMs: row.duration_ms,
  };
}

export async function recordMigration(
  db: Db,
  entry: { name: string; checksum: string; direction: "up" | "down"; durationMs: number },
): Promise<void> {
  const duration = Math.round(entry.durationMs);
  if (entry.direction === "up") {
    await db.query(
      `INSERT INTO ${TRACKING_TABLE} (name, checksum, duration_ms) VALUES ($1, $2, $3)`,
      [entry.name, entry.checksum, duration],
    );
  } else {
    await db.query(`DELETE FROM ${TRACKING_TABLE} WHERE name = $1`, [entry.name]);
  }
  await db.query(
    `INSERT INTO ${HISTORY_TABLE} (name, checksum, direction, duration_ms) VALUES ($1, $2, $3, $4)`,
    [entry.name, entry.checksum, entry.direction, duration],
  );
}

/** Every applied migration, oldest first. */
export async function listApplied(db: Db): Promise<AppliedMigration[]> {
  const exists = await db.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [
    TRACKING_TABLE,
  ]);
  if (!exists.rows[0]?.t) return [];
  const r = await db.query<{
    name: string;
    checksum: string;
    applied_at: Date;
    duration_ms: number;
  }>(
    `SELECT name, checksum, applied_at, duration_ms FROM ${TRACKING_TABLE} ORDER BY applied_at, name`,
  );
  return r.rows.map((row) => ({
    name: row.name,
    checksum: row.checksum,
    appliedAt: new Date(row.applied_at).toISOString(),
    durationMs: row.duration_ms,
  }));
}

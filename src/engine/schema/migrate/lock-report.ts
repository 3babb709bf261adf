import type { Db } from "../connection.js";
import type { CatalogState } from "./catalog-state.js";

export interface LockTaken {
  /** schema.name of the locked relation. */
  relation: string;
  /** PostgreSQL lock mode, e.g. AccessExclusiveLock. */
  mode: string;
  /** True when the relation was created by the migration itself (nobody else can be blocked by it). */
  createdByMigration: boolean;
  /** What the lock blocks, in plain words. */
  blocks: string;
}

const BLOCKS: Record<string, string> = {
  AccessShareLock: "only ACCESS EXCLUSIVE (DROP, most ALTER TABLE)",
  RowShareLock: "EXCLUSIVE and ACCESS EXCLUSIVE",
  RowExclusiveLock: "SHARE locks and stronger (CREATE INDEX without CONCURRENTLY)",
  ShareUpdateExclusiveLock: "VACUUM, other schema changes; not reads or writes",
  ShareLock: "writes (INSERT, UPDATE, DELETE)",
  ShareRowExclusiveLock: "writes and other SHARE ROW EXCLUSIVE locks",
  ExclusiveLock: "writes and SELECT … FOR UPDATE; plain reads still work",
  AccessExclusiveLock: "everything, reads included",
};

/**
 * The relation locks the current transaction holds (query before the rollback of a dry run),
 * strongest first, catalog tables left out.
 */
export async function locksHeldByThisTransaction(
  db: Db,
  before: CatalogState,
  /** Locks held before the migration's statements ran (the catalog reads' own): left out. */
  alreadyHeld: ReadonlySet<string> = new Set(),
): Promise<LockTaken[]> {
  const r = await db.query<{
    relation: string | null;
    oid: string;
    mode: string;
    nsp: string | null;
  }>(
    `SELECT l.relation::bigint::text AS oid, l.mode, n.nspname AS nsp,
            CASE WHEN c.oid IS NULL THEN NULL ELSE n.nspname || '.' || c.relname END AS relation
       FROM pg_locks l
       LEFT JOIN pg_class c ON c.oid = l.relation
       LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  const byOid = new Map<number, string>();
  for (const obj of before.values()) if (obj.oid !== undefined) byOid.set(obj.oid, obj.name);
  const existedBefore = new Set(byOid.values());
  const strength = Object.keys(BLOCKS);
  const seen = new Set<string>();
  const locks: LockTaken[] = [];
  for (const row of r.rows) {
    if (
      row.nsp === "pg_catalog" ||
      row.nsp === "information_schema" ||
      row.nsp?.startsWith("pg_toast")
    ) {
      continue;
    }
    if (alreadyHeld.has(`${row.oid} ${row.mode}`)) continue;
    const name = row.relation ?? byOid.get(Number(row.oid));
    if (!name || name.startsWith("senior_backend.")) continue;
    const key = `${name} ${row.mode}`;
    if (seen.has(key)) continue;
    seen.add(key);
    locks.push({
      relation: name,
      mode: row.mode,
      createdByMigration: !existedBefore.has(name),
      blocks: BLOCKS[row.mode] ?? "",
    });
  }
  return locks.sort(
    (a, b) =>
      strength.indexOf(b.mode) - strength.indexOf(a.mode) || a.relation.localeCompare(b.relation),
  );
}

/** "oid mode" of every relation lock this transaction holds now (to leave out of a later report). */
export async function relationLocksHeld(db: Db): Promise<Set<string>> {
  const r = await db.query<{ key: string }>(
    `SELECT relation::bigint::text || ' ' || mode AS key FROM pg_locks
      WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted`,
  );
  return new Set(r.rows.map((row) => row.key));
}

import type { Db } from "../connection.js";
import { type CatalogChange, compareCatalogStates, readCatalogState } from "./catalog-state.js";
import { type LockTaken, locksHeldByThisTransaction, relationLocksHeld } from "./lock-report.js";
import type { MigrateOptions, UnitReport } from "./migrate-types.js";
import type { LoadedMigration } from "./migration-units.js";
import { statementFailure } from "./statement-failure.js";

export interface DryRunOutcome {
  durationMs: number;
  changes: CatalogChange[];
  locks: LockTaken[];
}

/**
 * Run every transactional unit inside ONE transaction that is always rolled back; compare the catalog
 * before and after inside it and read the relation locks it took. Units that must run outside a
 * transaction are reported, never executed. `lock_timeout` bounds how long it may queue behind traffic.
 */
export async function dryRunUnits(
  db: Db,
  migration: LoadedMigration,
  reports: UnitReport[],
  options: Pick<MigrateOptions, "signal" | "onEvent" | "lockTimeoutMs">,
): Promise<DryRunOutcome> {
  await db.exec("BEGIN");
  try {
    await db.exec(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(options.lockTimeoutMs))}`);
    const before = await readCatalogState(db);
    // Reading the catalog (view definitions) takes ACCESS SHARE locks of its own: not the migration's.
    const readerLocks = await relationLocksHeld(db);
    const started = performance.now();
    let index = 0;
    for (const [i, unit] of migration.units.entries()) {
      options.onEvent?.({
        type: "unit",
        index: i,
        total: migration.units.length,
        transactional: unit.transactional,
        statements: unit.statements.length,
      });
      if (!unit.transactional) {
        reports[i].outcome = "skipped-dry-run";
        index += unit.statements.length;
        continue;
      }
      for (const statement of unit.statements) {
        if (options.signal?.aborted) throw options.signal.reason ?? new Error("interrupted");
        try {
          await db.exec(statement.sql);
        } catch (error) {
          throw statementFailure(error, {
            file: migration.file,
            statement,
            index,
            leftBehind: "dry run: everything was rolled back, the database is unchanged",
          });
        }
        index += 1;
      }
      reports[i].outcome = "executed";
    }
    const durationMs = performance.now() - started;
    const locks = await locksHeldByThisTransaction(db, before, readerLocks);
    const after = await readCatalogState(db);
    return { durationMs, changes: compareCatalogStates(before, after), locks };
  } finally {
    await db.exec("ROLLBACK");
  }
}

import type { Db } from "../connection.js";
import type { MigrateOptions, UnitReport } from "./migrate-types.js";
import type { LoadedMigration } from "./migration-units.js";
import { statementFailure } from "./statement-failure.js";
import { findApplied, recordMigration } from "./tracking-table.js";

export type ApplyOutcome = { status: "applied"; durationMs: number } | { status: "raced" };

/**
 * Run every unit for real. Transactional units run in one transaction each; when the whole migration is
 * transactional it runs in a single transaction together with its tracking row, so it is applied
 * completely or not at all. Inside that transaction the tracking row is checked again, so a second run
 * that got past the advisory lock (PGlite: one shared session) finds the migration applied and stops.
 */
export async function applyUnits(
  db: Db,
  migration: LoadedMigration,
  reports: UnitReport[],
  options: Pick<MigrateOptions, "signal" | "onEvent">,
): Promise<ApplyOutcome> {
  const started = performance.now();
  const allTransactional = migration.units.every((u) => u.transactional);
  const record = () =>
    recordMigration(db, {
      name: migration.name,
      checksum: migration.checksum,
      direction: migration.direction,
      durationMs: performance.now() - started,
    });
  const raced = async () => {
    const applied = await findApplied(db, migration.name);
    return migration.direction === "up" ? applied !== undefined : applied === undefined;
  };

  if (allTransactional) {
    await db.exec("BEGIN");
    try {
      if (await raced()) {
        await db.exec("ROLLBACK");
        return { status: "raced" };
      }
      for (const [i, unit] of migration.units.entries()) {
        options.onEvent?.({
          type: "unit",
          index: i,
          total: migration.units.length,
          transactional: true,
          statements: unit.statements.length,
        });
        await runStatements(
          db,
          migration,
          i,
          "the whole migration was rolled back: nothing from it remains and no tracking row was written",
          options.signal,
        );
        reports[i].outcome = "executed";
      }
      await record();
      await db.exec("COMMIT");
    } catch (error) {
      await db.exec("ROLLBACK").catch(() => {});
      for (const r of reports) r.outcome = "not-reached";
      throw error;
    }
    return { status: "applied", durationMs: performance.now() - started };
  }

  const done: number[] = [];
  for (const [i, unit] of migration.units.entries()) {
    options.onEvent?.({
      type: "unit",
      index: i,
      total: migration.units.length,
      transactional: unit.transactional,
      statements: unit.statements.length,
    });
    const leftBehind = describeLeftBehind(migration, done, i, unit.transactional);
    if (unit.transactional) {
      await db.exec("BEGIN");
      try {
        await runStatements(db, migration, i, leftBehind, options.signal);
        await db.exec("COMMIT");
      } catch (error) {
        await db.exec("ROLLBACK").catch(() => {});
        throw error;
      }
    } else {
      await runStatements(db, migration, i, leftBehind, options.signal);
    }
    reports[i].outcome = "executed";
    done.push(i);
  }
  await db.exec("BEGIN");
  try {
    await record();
    await db.exec("COMMIT");
  } catch (error) {
    await db.exec("ROLLBACK").catch(() => {});
    throw error;
  }
  return { status: "applied", durationMs: performance.now() - started };
}

async function runStatements(
  db: Db,
  migration: LoadedMigration,
  unitIndex: number,
  leftBehind: string,
  signal: AbortSignal | undefined,
): Promise<void> {
  const unit = migration.units[unitIndex];
  const offset = migration.units.slice(0, unitIndex).reduce((n, u) => n + u.statements.length, 0);
  for (const [j, statement] of unit.statements.entries()) {
    if (signal?.aborted) throw signal.reason ?? new Error("interrupted");
    try {
      await db.exec(statement.sql);
    } catch (error) {
      throw statementFailure(error, {
        file: migration.file,
        statement,
        index: offset + j,
        leftBehind: unit.transactional
          ? leftBehind
          : `${leftBehind}${j > 0 ? `; ${j} earlier statement(s) of this non-transactional part did run` : ""}`,
      });
    }
  }
}

function describeLeftBehind(
  migration: LoadedMigration,
  done: number[],
  failing: number,
  transactional: boolean,
): string {
  const parts = [
    transactional
      ? `part ${failing + 1} (transactional) was rolled back`
      : `part ${failing + 1} runs outside a transaction`,
  ];
  if (done.length) {
    parts.push(
      `part(s) ${done.map((d) => d + 1).join(", ")} of ${migration.units.length} were already applied and stay`,
    );
  }
  parts.push("no tracking row was written; fix the file and run it again (prefer IF NOT EXISTS)");
  return parts.join("; ");
}

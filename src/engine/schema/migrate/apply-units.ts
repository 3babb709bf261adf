import { UserError } from "../../shared/index.js";
import type { Db } from "../connection.js";
import type { MigrateOptions, UnitReport } from "./migrate-types.js";
import type { LoadedMigration } from "./migration-units.js";
import { clearProgress, progressKey, readProgress, recordProgress } from "./progress-table.js";
import { prepareConcurrentIndex } from "./resume-index.js";
import { interrupted, statementFailure } from "./statement-failure.js";
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

  // Not one transaction: each part (and each statement outside a transaction) is recorded as it completes,
  // so a run that dies half-way can be continued by running the migration again.
  const progress = await readProgress(db, migration.name, migration.direction);
  if (progress && progress.checksum !== migration.checksum) {
    throw new UserError(
      `${migration.name} was partially ${migration.direction === "up" ? "applied" : "rolled back"} on ${progress.startedAt} from a different file`,
      {
        hint: "restore the file that was running, finish it, then write a new migration for further changes",
        exitCode: 2,
      },
    );
  }
  const notes = migration.notes;
  if (progress) {
    notes.push(
      `continuing an interrupted run (started ${progress.startedAt}): ${progress.done.size} completed step(s) skipped`,
    );
  }
  const mark = (unit: number, statement?: number) =>
    recordProgress(db, {
      name: migration.name,
      direction: migration.direction,
      checksum: migration.checksum,
      unit,
      statement,
    });
  const done: number[] = [];
  for (const [i, unit] of migration.units.entries()) {
    options.onEvent?.({
      type: "unit",
      index: i,
      total: migration.units.length,
      transactional: unit.transactional,
      statements: unit.statements.length,
    });
    if (progress?.done.has(progressKey(i))) {
      reports[i].outcome = "already-done";
      done.push(i);
      continue;
    }
    const leftBehind = describeLeftBehind(migration, done, i, unit.transactional);
    if (unit.transactional) {
      await db.exec("BEGIN");
      try {
        await runStatements(db, migration, i, leftBehind, options.signal);
        await mark(i);
        await db.exec("COMMIT");
      } catch (error) {
        await db.exec("ROLLBACK").catch(() => {});
        throw error;
      }
    } else {
      await runStatements(db, migration, i, leftBehind, options.signal, {
        skip: (j) => progress?.done.has(progressKey(i, j)) ?? false,
        before: async (sql) => {
          const found = await prepareConcurrentIndex(db, sql);
          if (found.state === "invalid-dropped")
            notes.push(
              `dropped INVALID index ${found.index} left by an interrupted build; built it again`,
            );
          if (found.state === "already-built")
            notes.push(
              `index ${found.index} was already built and valid (the interrupted run finished it, only its record was lost); recorded without building it again`,
            );
          return found.state !== "already-built";
        },
        after: (j) => mark(i, j),
      });
    }
    reports[i].outcome = "executed";
    done.push(i);
  }
  await db.exec("BEGIN");
  try {
    await record();
    await clearProgress(db, migration.name);
    await db.exec("COMMIT");
  } catch (error) {
    await db.exec("ROLLBACK").catch(() => {});
    throw error;
  }
  return { status: "applied", durationMs: performance.now() - started };
}

/** Hooks of a statement-by-statement part: skip completed ones, prepare each, record each. */
interface StatementHooks {
  skip(index: number): boolean;
  /** false: the statement's effect is already there (recorded without running it). */
  before(sql: string): Promise<boolean>;
  after(index: number): Promise<void>;
}

async function runStatements(
  db: Db,
  migration: LoadedMigration,
  unitIndex: number,
  leftBehind: string,
  signal: AbortSignal | undefined,
  hooks?: StatementHooks,
): Promise<void> {
  const unit = migration.units[unitIndex];
  const offset = migration.units.slice(0, unitIndex).reduce((n, u) => n + u.statements.length, 0);
  for (const [j, statement] of unit.statements.entries()) {
    if (hooks?.skip(j)) continue;
    const context = {
      file: migration.file,
      statement,
      index: offset + j,
      leftBehind: unit.transactional
        ? leftBehind
        : `${leftBehind}${j > 0 ? `; ${j} earlier statement(s) of this non-transactional part did run` : ""}`,
    };
    if (signal?.aborted) throw interrupted(signal, context, false);
    // Ctrl+C / SIGTERM while a statement runs (a long index build): the server cancels it, nothing waits.
    const cancel = () => void db.cancel?.().catch(() => {});
    signal?.addEventListener("abort", cancel, { once: true });
    try {
      if (!hooks || (await hooks.before(statement.sql))) await db.exec(statement.sql);
      await hooks?.after(j);
    } catch (error) {
      if (signal?.aborted) throw interrupted(signal, context, true);
      throw statementFailure(error, context);
    } finally {
      signal?.removeEventListener("abort", cancel);
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
  parts.push(
    `its progress is recorded (db --status shows it partially ${migration.direction === "up" ? "applied" : "rolled back"}); fix the cause and run it again to continue after the last completed step`,
  );
  return parts.join("; ");
}

import { readFile } from "node:fs/promises";
import { UserError } from "../../shared/index.js";
import type { Db } from "../connection.js";
import { lintMigrationText } from "../lint/lint-files.js";
import { acquireMigrationLock, isSingleSession } from "./advisory-lock.js";
import { applyUnits } from "./apply-units.js";
import { dryRunUnits } from "./dry-run.js";
import type { MigrateOptions, MigrateResult, UnitReport } from "./migrate-types.js";
import { type LoadedMigration, loadMigration } from "./migration-units.js";
import { readProgress } from "./progress-table.js";
import { type AppliedMigration, ensureTrackingTables, findApplied } from "./tracking-table.js";

/**
 * Apply (or with `dryRun` rehearse) one migration file in one direction.
 * Throws UserError: exit 2 for bad input (missing file, syntax error, checksum drift),
 * exit 1 when a statement fails or the migration lock cannot be taken in time.
 */
export async function runMigration(db: Db, options: MigrateOptions): Promise<MigrateResult> {
  const migration = await loadMigration(options.file, options.direction);
  if (migration.dataLoss.length > 0 && !options.allowDestructive && !options.dryRun) {
    throw new UserError(
      `the ${migration.direction} part of ${migration.name} loses data: ${migration.dataLoss.slice(0, 3).join("; ")}${migration.dataLoss.length > 3 ? `; and ${migration.dataLoss.length - 3} more` : ""}`,
      {
        hint: "check that nothing needed is lost, then run it again with --allow-destructive",
        exitCode: 2,
      },
    );
  }
  const singleSession = await isSingleSession(db);
  const units: UnitReport[] = migration.units.map((u) => ({
    transactional: u.transactional,
    outcome: "not-reached",
    reason: u.reason,
    statements: u.statements.map((s) => ({ line: s.line, sql: s.sql })),
  }));
  const base = {
    name: migration.name,
    file: migration.file,
    checksum: migration.checksum,
    direction: migration.direction,
    dryRun: options.dryRun,
    units,
    notes: migration.notes,
    singleSession,
  };
  if (singleSession && !options.dryRun) {
    base.notes.push(
      "PGlite: all connections share one session, so the advisory lock cannot keep a second connection out; runs are serialised by the in-transaction tracking check instead",
    );
  }

  if (options.dryRun) {
    const applied = await findApplied(db, migration.name);
    await refuseHalfDoneOtherWay(db, migration, applied);
    const nothing = noWorkLeft(migration, applied);
    if (nothing) return { ...base, ...nothing, durationMs: 0 };
    const outcome = await dryRunUnits(db, migration, units, options);
    // The same hazard rules `db --lint` applies: a rehearsal that succeeds can still lock a big table.
    const findings = (
      await lintMigrationText(await readFile(options.file, "utf8"), options.file)
    ).filter((f) => sectionDirection(f.line, migration) === migration.direction);
    return {
      ...base,
      status: "dry-run",
      message: `dry run of ${migration.name} (${migration.direction}): rolled back, database unchanged`,
      durationMs: outcome.durationMs,
      changes: outcome.changes,
      locks: outcome.locks,
      findings,
    };
  }

  const lockStarted = performance.now();
  const release = await acquireMigrationLock(db, {
    timeoutMs: options.lockTimeoutMs,
    signal: options.signal,
    onWait: (e) => options.onEvent?.(e),
  });
  try {
    options.onEvent?.({ type: "lock-acquired", waitedMs: performance.now() - lockStarted });
    await ensureTrackingTables(db);
    const applied = await findApplied(db, migration.name);
    await refuseHalfDoneOtherWay(db, migration, applied);
    const nothing = noWorkLeft(migration, applied);
    if (nothing) return { ...base, ...nothing, durationMs: 0 };
    const outcome = await applyUnits(db, migration, units, options);
    if (outcome.status === "raced") {
      const again = noWorkLeft(migration, await findApplied(db, migration.name));
      return { ...base, ...(again ?? alreadyDone(migration)), durationMs: 0 };
    }
    return {
      ...base,
      status: "applied",
      message:
        migration.direction === "up"
          ? `applied ${migration.name}`
          : `rolled back ${migration.name} (down part applied, tracking row removed)`,
      durationMs: outcome.durationMs,
    };
  } finally {
    await release().catch(() => {});
  }
}

/**
 * A run in the other direction stopped half-way: applying a partially rolled back migration would say "already
 * applied" while part of it is gone, and rolling back a partially applied one would undo what never ran. Finish
 * the interrupted run first (exit 2, nothing run).
 */
async function refuseHalfDoneOtherWay(
  db: Db,
  migration: LoadedMigration,
  applied: AppliedMigration | undefined,
): Promise<void> {
  const up = migration.direction === "up";
  if (up ? !applied : applied) return;
  const other = await readProgress(db, migration.name, up ? "down" : "up");
  if (!other) return;
  throw new UserError(
    up
      ? `${migration.name} is partially rolled back: a --down run stopped half-way (${other.startedAt}), so part of it is no longer there`
      : `${migration.name} is partially applied: a run stopped half-way (${other.startedAt}), so part of its up part never ran`,
    {
      hint: up
        ? "finish the roll back first (run the same --down again once its cause is fixed), then apply it again"
        : "finish applying it first (run --migrate again once its cause is fixed), then roll it back",
      exitCode: 2,
    },
  );
}

type NoWorkLeft = Pick<MigrateResult, "status" | "message" | "appliedAt">;

/** Already in the wanted state → a no-op result; a changed file → checksum drift (exit 2). */
function noWorkLeft(
  migration: LoadedMigration,
  applied: AppliedMigration | undefined,
): NoWorkLeft | undefined {
  if (applied && applied.checksum !== migration.checksum) {
    throw new UserError(
      `checksum drift: ${migration.name} was applied on ${applied.appliedAt} from a different file (sha256 ${applied.checksum.slice(0, 12)}…, now ${migration.checksum.slice(0, 12)}…)`,
      {
        hint: "never edit an applied migration: restore the file, or write a new migration for the change",
        exitCode: 2,
      },
    );
  }
  if (migration.direction === "up" && applied) {
    return {
      status: "already-applied",
      message: `${migration.name} is already applied (since ${applied.appliedAt}); nothing to do`,
      appliedAt: applied.appliedAt,
    };
  }
  if (migration.direction === "down" && !applied) {
    return {
      status: "not-applied",
      message: `${migration.name} is not applied; nothing to roll back`,
    };
  }
  return undefined;
}

function alreadyDone(migration: LoadedMigration): NoWorkLeft {
  return migration.direction === "up"
    ? {
        status: "already-applied",
        message: `${migration.name} was applied by another run; nothing to do`,
      }
    : {
        status: "not-applied",
        message: `${migration.name} was rolled back by another run; nothing to do`,
      };
}

/** Findings carry file lines; keep those inside the direction being rehearsed. */
function sectionDirection(line: number, migration: LoadedMigration): "up" | "down" | undefined {
  const lines = migration.units.flatMap((u) => u.statements.map((s) => s.line));
  return lines.includes(line) ? migration.direction : undefined;
}

import { UserError } from "../../shared/index.js";
import type { Db } from "../connection.js";
import type { MigrateOptions, MigrateResult } from "./migrate-types.js";
import { migrationStatus } from "./migration-status.js";
import { runMigration } from "./run-migration.js";

export interface FolderRunOptions extends Omit<MigrateOptions, "file" | "direction"> {
  folder: string;
  /** --down N: roll back the last N applied migrations (newest first). Absent: apply every pending one. */
  down?: number;
  /** Called before each file runs. */
  onFile?: (event: {
    name: string;
    index: number;
    total: number;
    direction: "up" | "down";
  }) => void;
}

export interface FolderRunResult {
  folder: string;
  direction: "up" | "down";
  /** One result per file that ran (in the order they ran). */
  results: MigrateResult[];
  message: string;
}

/**
 * `--migrate DIR`: apply every pending (or partially applied) migration in name order, stopping at the first
 * failure; `--migrate DIR --down N`: roll back the last N applied ones, newest first. Drift (an applied file
 * that changed) stops everything before anything runs.
 */
export async function runMigrationFolder(
  db: Db,
  options: FolderRunOptions,
): Promise<FolderRunResult> {
  const status = await migrationStatus(db, options.folder);
  const drifted = status.migrations.filter((m) => m.state === "drifted");
  if (drifted.length > 0) {
    throw new UserError(
      `checksum drift: ${drifted.map((m) => m.name).join(", ")} changed after being applied; nothing was run`,
      {
        hint: "restore the applied files (db --status lists them), then write new migrations for the changes",
      },
    );
  }
  const direction = options.down === undefined ? "up" : "down";
  // A run stopped half-way in the other direction must be finished first (later files build on it).
  const halfDone = status.migrations.filter(
    (m) => m.state === (direction === "up" ? "partially-rolled-back" : "partially-applied"),
  );
  if (halfDone.length > 0) {
    const names = halfDone.map((m) => m.name).join(", ");
    throw new UserError(
      direction === "up"
        ? `${names}: a --down run stopped half-way; nothing was run`
        : `${names}: a run stopped half-way while applying; nothing was rolled back`,
      {
        hint:
          direction === "up"
            ? "finish the roll back first (--migrate DIR --down N again once its cause is fixed); db --status lists it"
            : "finish applying first (--migrate DIR again once its cause is fixed); db --status lists it",
      },
    );
  }
  const queue =
    direction === "up"
      ? status.migrations.filter((m) => m.state === "pending" || m.state === "partially-applied")
      : status.migrations
          .filter((m) => m.state === "applied" || m.state === "partially-rolled-back")
          .sort((a, b) => ((a.appliedAt ?? "") < (b.appliedAt ?? "") ? 1 : -1))
          .slice(0, options.down);
  if (direction === "down") {
    const missing = status.migrations.filter((m) => m.state === "missing-file");
    if (missing.length > 0 && queue.length < (options.down ?? 0)) {
      throw new UserError(
        `cannot roll back ${options.down}: applied migration(s) ${missing.map((m) => m.name).join(", ")} have no file in ${options.folder}`,
      );
    }
    // More than are applied is likely a slip: rolling back everything is said in full, not implied.
    if (queue.length > 0 && queue.length < (options.down ?? 0)) {
      throw new UserError(
        `cannot roll back ${options.down}: only ${queue.length} migration(s) are applied; nothing was rolled back`,
        { hint: `--down ${queue.length} rolls back all of them; db --status lists them` },
      );
    }
  }
  // A dry run rolls back, so a second file would be rehearsed without the first: rehearse only the next one.
  if (options.dryRun) queue.splice(1);
  const results: MigrateResult[] = [];
  for (const [index, m] of queue.entries()) {
    options.onFile?.({ name: m.name, index, total: queue.length, direction });
    results.push(await runMigration(db, { ...options, file: m.file ?? "", direction }));
  }
  const verb = direction === "up" ? "applied" : "rolled back";
  // Another run (waited for on the migration lock) may have done some of them: count what this one did.
  const ran = results.filter((r) => r.status === "applied").length;
  const byOther =
    queue.length > ran ? `; ${queue.length - ran} already ${verb} by another run` : "";
  const message =
    queue.length === 0
      ? direction === "up"
        ? `nothing pending in ${options.folder}: ${status.counts.applied} migration(s) applied`
        : "nothing to roll back: no migration is applied"
      : options.dryRun
        ? `dry run of the next migration only (${queue[0]?.name}): later files build on it, so they cannot be rehearsed before it is applied`
        : `${verb} ${ran} migration(s) from ${options.folder}${byOther}`;
  return { folder: options.folder, direction, results, message };
}

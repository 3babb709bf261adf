import {
  type FolderRunResult,
  type MigrationStatus,
  migrationStatus,
  runMigrationFolder,
} from "../../../engine/schema/index.js";
import type { CliContext } from "../../context.js";
import { EXIT, paint, writeJson, writeStatus, writeText } from "../../output.js";
import { type DbMigrateFlags, migrateReport, statusLine } from "./migrate.js";
import { connectTarget } from "./target.js";

/** `db --migrate DIR [--down N] [--dry-run]`: every pending file in order, or the last N rolled back. */
export async function runMigrateFolderMode(
  flags: DbMigrateFlags & { downCount?: number },
  ctx: CliContext,
): Promise<number> {
  const db = await connectTarget(flags.connection, "--migrate");
  try {
    const result = await runMigrationFolder(db, {
      folder: flags.migrate,
      down: flags.downCount,
      dryRun: Boolean(flags.dryRun),
      allowDestructive: Boolean(flags.allowDestructive),
      lockTimeoutMs: (flags.lockTimeout ?? 60) * 1000,
      signal: ctx.signal,
      onEvent: flags.json ? undefined : statusLine,
      onFile: flags.json
        ? undefined
        : (e) =>
            writeStatus(
              `[${e.index + 1}/${e.total}] ${e.direction === "up" ? "applying" : "rolling back"} ${e.name}`,
            ),
    });
    if (flags.json) writeJson(result);
    else writeText(folderReport(result));
    return EXIT.ok;
  } finally {
    await db.close().catch(() => {});
  }
}

function folderReport(r: FolderRunResult): string {
  return [paint(r.message, "green"), ...r.results.map((m) => migrateReport(m))].join("\n");
}

const LABEL: Record<string, string> = {
  applied: "applied",
  pending: "pending",
  "partially-applied": "PARTIALLY APPLIED",
  "partially-rolled-back": "PARTIALLY ROLLED BACK",
  drifted: "DRIFTED",
  "missing-file": "missing file",
};

/** `db --status [DIR]`: exit 0 when every migration is applied or pending, 1 when any is partial or drifted. */
export async function runStatusMode(
  flags: { connection?: string; status: string; json?: boolean },
  _ctx: CliContext,
): Promise<number> {
  const db = await connectTarget(flags.connection, "--status");
  try {
    const status = await migrationStatus(db, flags.status);
    if (flags.json) writeJson(status);
    else writeText(statusReport(status));
    const trouble =
      status.counts.drifted +
      status.counts["partially-applied"] +
      status.counts["partially-rolled-back"];
    return trouble > 0 ? EXIT.gateFailed : EXIT.ok;
  } finally {
    await db.close().catch(() => {});
  }
}

function statusReport(s: MigrationStatus): string {
  const lines = [`migrations in ${s.folder}:`];
  for (const m of s.migrations) {
    const when = m.appliedAt ? ` (${m.appliedAt})` : "";
    const line = `  ${LABEL[m.state]?.padEnd(22)} ${m.name}${when}${m.note ? ` — ${m.note}` : ""}`;
    lines.push(m.state === "applied" || m.state === "pending" ? line : paint(line, "yellow"));
  }
  if (s.migrations.length === 0) lines.push("  (no .sql files)");
  const c = s.counts;
  lines.push(
    `${c.applied} applied, ${c.pending} pending, ${c["partially-applied"] + c["partially-rolled-back"]} partial, ${c.drifted} drifted, ${c["missing-file"]} missing file`,
  );
  return lines.join("\n");
}

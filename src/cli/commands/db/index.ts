import { stat } from "node:fs/promises";
import type { Command } from "commander";
import { UserError } from "../../../engine/shared/index.js";
import { action } from "../../action.js";
import type { CliContext } from "../../context.js";
import { addAnalyzeOptions, runAnalyzeMode, runSuggestIndexesMode } from "./analyze.js";
import { runBrowseMode, wantsBrowser } from "./browse.js";
import { addCompareOptions, type DbCompareFlags, runCompareMode, wantsCompare } from "./compare.js";
import { runLintMode } from "./lint.js";
import { addMigrateOptions, runMigrateMode } from "./migrate.js";
import { runMigrateFolderMode, runStatusMode } from "./migrate-folder.js";
import { type DbSnapshotFlags, runSnapshotMode } from "./snapshot.js";

/**
 * `senior-backend db`: a thin dispatcher. Each mode's flags and handler live in db/<mode>.ts;
 * this file only declares the shared flags, adds each mode's options and picks the mode.
 */
export interface DbFlags extends DbSnapshotFlags, DbCompareFlags {
  migrate?: string;
  dryRun?: boolean;
  down?: boolean | number;
  status?: string | boolean;
  lint?: string;
  lockTimeout?: number;
  analyze?: boolean;
  failOn?: "warning" | "error";
  suggestIndexes?: boolean;
  output?: string;
  snapshot?: string;
}

function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}

export function registerDbCommand(program: Command, ctx: CliContext): void {
  const cmd = program
    .command("db")
    .description("PostgreSQL schema: snapshot, compare and migrate, analyze, suggest indexes")
    .option("--connection <url>", "the database (default: DATABASE_URL, then the PG* variables)")
    .option("--schema <name>", "only these schemas (repeatable, or comma-separated)", collect)
    .option("--exclude-schema <name>", "leave these schemas out (repeatable)", collect)
    .option("--snapshot <file>", "write the introspected schema model of the database to FILE.json")
    .option("--output <dir>", "folder the migration file is written to")
    .option(
      "--lint <path>",
      "check a migration file or folder against the hazard rules (docs/db-rules)",
    )
    .option("--json", "print one JSON document on stdout");
  addCompareOptions(cmd);
  addMigrateOptions(cmd);
  addAnalyzeOptions(cmd);
  cmd.action(action((opts: DbFlags) => runDb(opts, ctx)));
}

async function runDb(opts: DbFlags, ctx: CliContext): Promise<number> {
  if (wantsBrowser(opts)) return runBrowseMode(opts);
  if (opts.status)
    return runStatusMode(
      { ...opts, status: typeof opts.status === "string" ? opts.status : "migrations" },
      ctx,
    );
  if (opts.lint) return runLintMode({ ...opts, lint: opts.lint }, ctx);
  if (opts.migrate && (await stat(opts.migrate).catch(() => undefined))?.isDirectory()) {
    const n = opts.down;
    const downCount = n === undefined || n === false ? undefined : n === true ? 1 : n;
    return runMigrateFolderMode({ ...opts, migrate: opts.migrate, downCount }, ctx);
  }
  if (opts.migrate) return runMigrateMode({ ...opts, migrate: opts.migrate }, ctx);
  if (opts.analyze) return runAnalyzeMode(opts, ctx);
  if (opts.suggestIndexes) return runSuggestIndexesMode(opts, ctx);
  if (opts.snapshot) return runSnapshotMode({ ...opts, snapshot: opts.snapshot }, ctx);
  if (wantsCompare(opts)) return runCompareMode(opts, ctx);
  throw new UserError("db needs a mode", {
    hint: "one of --compare SOURCE, --from A --to B, --snapshot FILE, --migrate FILE|DIR, --status [DIR], --lint FILE|DIR, --analyze, --suggest-indexes (see db --help)",
  });
}

import { type Command, Option } from "commander";
import {
  type AnalyzeEvent,
  type AnalyzeResult,
  analyzeDatabase,
  type Db,
  type Finding,
  failsAt,
  openSource,
  type SuggestIndexesResult,
  suggestIndexes,
} from "../../../engine/schema/index.js";
import { UserError } from "../../../engine/shared/index.js";
import type { CliContext } from "../../context.js";
import { EXIT, paint, type Style, writeJson, writeText } from "../../output.js";
import { connectTarget } from "./target.js";

/** Flags of `db --analyze [--fail-on LEVEL]` and `db --suggest-indexes --output DIR`. */
export interface DbAnalyzeFlags {
  connection?: string;
  json?: boolean;
  failOn?: "warning" | "error";
  output?: string;
  schema?: string[];
  excludeSchema?: string[];
  /** Analyse a schema source (a .sql file or a folder of migrations, loaded into PGlite) instead. */
  from?: string;
}

export function addAnalyzeOptions(cmd: Command): Command {
  return cmd
    .option(
      "--analyze",
      "find missing FK indexes, redundant/unused/invalid indexes, type smells, N+1 candidates …",
    )
    .addOption(
      new Option(
        "--fail-on <level>",
        "with --analyze, --lint or --dry-run: exit 1 when a finding is at or above this severity",
      ).choices(["warning", "error"]),
    )
    .option(
      "--suggest-indexes",
      "write a migration creating the suggested indexes concurrently (needs --output DIR)",
    );
}

/** `db --analyze`: exit 0, or 1 when --fail-on is met. */
export async function runAnalyzeMode(flags: DbAnalyzeFlags, ctx: CliContext): Promise<number> {
  const target = await openAnalyzeTarget(flags);
  let result: AnalyzeResult;
  try {
    result = await analyzeDatabase(target.db, {
      schemas: flags.schema,
      excludeSchemas: flags.excludeSchema,
      schemaOnly: target.schemaOnly,
      signal: ctx.signal,
      onEvent: progressLine(flags.json),
    });
  } finally {
    progressLine(flags.json)?.({ type: "check", check: "", index: -1, total: 0 });
    await target.close();
  }
  if (target.label) result = { ...result, database: target.label };
  const failed = flags.failOn ? failsAt(result, flags.failOn) : false;
  if (flags.json) writeJson({ ...result, failOn: flags.failOn ?? null, failed });
  else writeText(analyzeReport(result, flags.failOn, failed));
  return failed ? EXIT.gateFailed : EXIT.ok;
}

/**
 * A live connection, or with --from a .sql file / migrations folder loaded into embedded PGlite
 * (then the checks that need usage statistics are skipped). A snapshot has no database to query.
 */
async function openAnalyzeTarget(
  flags: DbAnalyzeFlags,
): Promise<{ db: Db; schemaOnly: boolean; label?: string; close(): Promise<void> }> {
  if (!flags.from) {
    const db = await connectTarget(flags.connection, "--analyze");
    return { db, schemaOnly: false, close: () => db.close().catch(() => {}) };
  }
  const source = await openSource(flags.from);
  if (!source.db) {
    await source.close();
    throw new UserError(
      `--analyze cannot read ${flags.from}: a snapshot holds no database to query`,
      {
        hint: "analyze the live database (--connection) or the .sql file / migrations folder it came from",
        exitCode: 2,
      },
    );
  }
  return {
    db: source.db,
    schemaOnly: source.kind !== "server",
    label: source.label,
    close: () => source.close().catch(() => {}),
  };
}

/** `db --suggest-indexes --output DIR`: writes the migration (or says there is nothing to suggest). */
export async function runSuggestIndexesMode(
  flags: DbAnalyzeFlags,
  ctx: CliContext,
): Promise<number> {
  if (!flags.output) {
    throw new UserError("--suggest-indexes needs --output DIR", {
      hint: "e.g. senior-backend db --connection URL --suggest-indexes --output migrations/",
      exitCode: 2,
    });
  }
  const db = await connectTarget(flags.connection, "--suggest-indexes");
  let result: SuggestIndexesResult;
  try {
    result = await suggestIndexes(db, {
      outputDir: flags.output,
      schemas: flags.schema,
      excludeSchemas: flags.excludeSchema,
      signal: ctx.signal,
    });
  } finally {
    await db.close().catch(() => {});
  }
  if (flags.json) writeJson(result);
  else if (!result.file)
    writeText("no index suggestions: every foreign key has an index starting with its columns");
  else {
    const lines = [
      `wrote ${result.file} (${result.indexes.length} index(es), built concurrently):`,
    ];
    for (const i of result.indexes) lines.push(`  ${i.sql}`);
    lines.push(
      `apply: senior-backend db --connection URL --migrate ${result.file} (try --dry-run first)`,
    );
    writeText(lines.join("\n"));
  }
  return EXIT.ok;
}

/** A self-overwriting progress line on stderr, only when stderr is a terminal and output is text. */
function progressLine(json: boolean | undefined) {
  if (json || !process.stderr.isTTY) return undefined;
  return (e: AnalyzeEvent) => {
    process.stderr.write(
      e.index < 0 ? "\r\u001b[2K" : `\r\u001b[2Kanalyzing: ${e.check} (${e.index + 1}/${e.total})`,
    );
  };
}

const TONE: Record<Finding["severity"], Style> = { error: "red", warning: "yellow", info: "blue" };

export function analyzeReport(
  r: AnalyzeResult,
  failOn: string | undefined,
  failed: boolean,
): string {
  const lines: string[] = [];
  const c = r.counts;
  const basis = r.schemaOnly
    ? "schema only (loaded into embedded PGlite, no usage statistics)"
    : `usage statistics ${r.statsSince}`;
  lines.push(
    paint(
      `analyzed ${r.database}: ${c.error} error(s), ${c.warning} warning(s), ${c.info} info — ${basis}`,
      "bold",
    ),
  );
  for (const f of r.findings) {
    lines.push("");
    lines.push(`${paint(f.severity.padEnd(7), TONE[f.severity])} ${f.object}  [${f.check}]`);
    lines.push(`        ${f.title}`);
    lines.push(paint(`        why: ${f.why}`, "dim"));
    if (f.fix) {
      const [first, ...rest] = f.fix.split("\n");
      lines.push(`        fix: ${first}`);
      for (const l of rest) lines.push(`             ${l}`);
    }
    lines.push(paint(`        see: ${f.guide}`, "dim"));
  }
  if (r.findings.length === 0) lines.push("no findings");
  for (const s of r.skipped) lines.push(paint(`skipped ${s.id}: ${s.reason}`, "dim"));
  if (failOn) {
    lines.push("");
    lines.push(
      failed
        ? paint(`--fail-on ${failOn}: findings at or above ${failOn} → exit 1`, "red")
        : `--fail-on ${failOn}: nothing at or above ${failOn}`,
    );
  }
  return lines.join("\n");
}

import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { Command } from "commander";
import {
  type Comparison,
  compareSources,
  type SchemaChange,
} from "../../../engine/schema/index.js";
import { redactConnectionString, UserError } from "../../../engine/shared/index.js";
import { schemaDiffReport } from "../../../report/schema-diff-report-text.js";
import type { CliContext } from "../../context.js";
import { EXIT, writeError, writeJson, writeStatus, writeText } from "../../output.js";

/** Flags of `db --connection URL --compare SOURCE` and `db --from A --to B`. */
export interface DbCompareFlags {
  connection?: string;
  compare?: string;
  from?: string;
  to?: string;
  output?: string;
  name?: string;
  rename?: string[];
  allowDestructive?: boolean;
  schema?: string[];
  excludeSchema?: string[];
  json?: boolean;
}

function repeat(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function addCompareOptions(cmd: Command): Command {
  return cmd
    .option(
      "--compare <source>",
      "diff the database (--connection) to this source and plan the migration",
    )
    .option(
      "--from <source>",
      "old side: postgres:// URL, .sql file, migrations folder or snapshot .json",
    )
    .option("--to <source>", "new side (same kinds as --from)")
    .option(
      "--name <slug>",
      "migration file name after the timestamp (default: made from the changes)",
    )
    .option(
      "--rename <old=new>",
      "confirm a rename: [schema.]table=new or [schema.]table.column=new (repeatable)",
      repeat,
    )
    .option(
      "--allow-destructive",
      "with --compare/--from: write a migration that drops data; with --migrate: run a part marked as losing data",
    );
}

export function wantsCompare(flags: DbCompareFlags): boolean {
  return Boolean(flags.compare || flags.from || flags.to);
}

/** Exit 0: report printed (and the migration written with --output); 2: bad input or refused destructive changes. */
export async function runCompareMode(flags: DbCompareFlags, ctx: CliContext): Promise<number> {
  const [fromSpec, toSpec] = sides(flags);
  const progress = !flags.json && process.stderr.isTTY;
  const result = await compareSources(fromSpec, toSpec, {
    filters: { include: flags.schema, exclude: flags.excludeSchema },
    renames: flags.rename,
    allowDestructive: flags.allowDestructive,
    slug: flags.name,
    signal: ctx.signal,
    onEvent: progress ? ({ step }) => writeStatus(`${step} …`) : undefined,
  });
  for (const name of flags.schema ?? []) {
    const has = (side: Comparison["from"]) => side.model.schemas.some((s) => s.name === name);
    if (!has(result.from) && !has(result.to)) {
      writeStatus(
        `warning: --schema ${name}: no such schema on either side, so nothing of it is compared`,
      );
    }
  }
  const refused = result.diff.refused;
  let written: string | undefined;
  if (flags.output && refused.length === 0 && result.diff.changes.length > 0) {
    written = await writeMigration(flags.output, result);
  }
  if (flags.json) writeJson(jsonOf(result, written));
  else {
    writeText(schemaDiffReport(result, written));
    if (!flags.output && refused.length === 0 && result.diff.changes.length > 0) {
      writeText(`\n${result.plan.text}`);
      writeStatus("(not written: add --output DIR to save it as a migration file)");
    }
  }
  if (refused.length > 0) {
    writeError(
      `refusing ${refused.length} destructive change${refused.length === 1 ? "" : "s"}: ${refused.slice(0, 5).map(describe).join(", ")}${refused.length > 5 ? `, and ${refused.length - 5} more` : ""}`,
      result.diff.renameCandidates.length > 0
        ? `if it is a rename, confirm it with ${result.diff.renameCandidates.map((r) => r.flag).join(" ")}; else add --allow-destructive`
        : "add --allow-destructive to write a migration that drops data",
    );
    return EXIT.usage;
  }
  return EXIT.ok;
}

function sides(flags: DbCompareFlags): [string | undefined, string] {
  if (flags.compare) {
    if (flags.from || flags.to)
      throw new UserError("use either --compare or --from/--to, not both");
    return [flags.connection, flags.compare];
  }
  if (!flags.from || !flags.to) {
    throw new UserError(`--${flags.from ? "to" : "from"} is missing`, {
      hint: "senior-backend db --from schema/v1.sql --to schema/v2.sql --output migrations/",
    });
  }
  return [flags.from, flags.to];
}

function describe(c: SchemaChange): string {
  const verb = c.change === "removed" ? "drop" : "change";
  return `${verb} ${c.kind} ${[c.schema, c.table, c.name].filter(Boolean).join(".")}`;
}

async function writeMigration(dir: string, result: Comparison): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, result.plan.fileName);
  try {
    await writeFile(path, result.plan.text, { flag: "wx" });
  } catch (error) {
    throw new UserError(`cannot write ${path}: ${(error as Error).message.split("\n")[0]}`, {
      cause: error,
    });
  }
  const shown = relative(process.cwd(), path);
  return shown.startsWith("..") ? path : shown;
}

function jsonOf(result: Comparison, written: string | undefined) {
  const ids = (changes: SchemaChange[]) => changes.map((c) => c.id);
  return {
    from: redactConnectionString(result.from.label),
    to: redactConnectionString(result.to.label),
    changes: result.diff.changes,
    destructive: ids(result.diff.destructive),
    refused: ids(result.diff.refused),
    renameCandidates: result.diff.renameCandidates,
    migration:
      result.diff.changes.length === 0 || result.diff.refused.length > 0
        ? null
        : { name: result.plan.name, file: written ?? null, text: result.plan.text },
  };
}

import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { UserError } from "../../shared/index.js";
import type { Db } from "../connection.js";
import { formatMigrationFile } from "../migration-file.js";
import { migrationFileName } from "../plan/plan-migration.js";
import type { Finding } from "./finding.js";
import { type AnalyzeOptions, analyzeDatabase } from "./run-analyze.js";

export interface SuggestIndexesResult {
  database: string;
  /** The written migration file, or undefined when there was nothing to suggest. */
  file?: string;
  name?: string;
  indexes: Array<{ name: string; table: string; reason: string; sql: string }>;
}

/**
 * Analyse the database and write one migration (our file format) that creates every suggested index
 * with CREATE INDEX CONCURRENTLY IF NOT EXISTS in a `transaction:false` up section, and drops them
 * concurrently in the down section. The name starts with a sortable UTC timestamp
 * (the same `YYYYMMDDHHMMSS_slug` form `--compare` writes).
 */
export async function suggestIndexes(
  db: Db,
  options: AnalyzeOptions & { outputDir: string; now?: Date },
): Promise<SuggestIndexesResult> {
  const analysis = await analyzeDatabase(db, { ...options, checks: ["fk-without-index"] });
  const seen = new Set<string>();
  const suggestions: Finding[] = [];
  for (const f of analysis.findings) {
    if (!f.suggestedIndex || seen.has(f.suggestedIndex.sql)) continue;
    seen.add(f.suggestedIndex.sql);
    suggestions.push(f);
  }
  const indexes = suggestions.map((f) => ({
    name: f.suggestedIndex!.name,
    table: f.suggestedIndex!.table,
    reason: `${f.object}: ${f.title}`,
    sql: f.suggestedIndex!.sql,
  }));
  if (suggestions.length === 0) return { database: analysis.database, indexes };

  const now = options.now ?? new Date();
  const name = migrationFileName("suggested_indexes", now);
  const up = suggestions.map((f) => `-- ${f.object}: ${f.title}\n${f.suggestedIndex!.sql}`);
  const down = [...suggestions].reverse().map((f) => f.suggestedIndex!.downSql);
  const text = formatMigrationFile({
    name,
    header: [
      `-- Suggested by senior-backend db --suggest-indexes on ${now.toISOString()} from ${analysis.database}.`,
      "-- Indexes are built CONCURRENTLY (writes continue), so both parts run outside a transaction.",
      "-- Apply: senior-backend db --connection URL --migrate <this file>   (--down to drop them again)",
    ].join("\n"),
    sections: [
      { direction: "up", transactional: false, sql: up.join("\n\n") },
      { direction: "down", transactional: false, sql: down.join("\n") },
    ],
  });
  const file = join(options.outputDir, `${name}.sql`);
  try {
    await mkdir(options.outputDir, { recursive: true });
    await writeFile(file, text, { flag: "wx" });
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UserError(
      code === "EEXIST"
        ? `${file} already exists`
        : `cannot write ${file}: ${code ?? String(error)}`,
      { exitCode: 2 },
    );
  }
  return { database: analysis.database, file, name, indexes };
}

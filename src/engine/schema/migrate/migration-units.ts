import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { UserError } from "../../shared/index.js";
import { parseMigrationFile } from "../migration-file.js";
import { type SqlStatement, splitStatements } from "./statement-split.js";

/** A run of statements executed together: in one transaction, or one by one outside any. */
export interface MigrationUnit {
  transactional: boolean;
  statements: SqlStatement[];
  /** Why the unit runs outside a transaction (the file said so, or a statement requires it). */
  reason?: string;
}

export interface LoadedMigration {
  file: string;
  /** The name recorded in the tracking table: the file's `-- senior-backend migration:` name or its basename. */
  name: string;
  /** sha256 of the file text (line endings normalised). */
  checksum: string;
  direction: "up" | "down";
  units: MigrationUnit[];
  /** Things the migrator changed about how the file runs, said out loud. */
  notes: string[];
  /** `-- hazard data-loss:` lines of the sections run in this direction (what running it would destroy). */
  dataLoss: string[];
}

/** A migration's tracking name and checksum, without parsing its SQL (so status can list any file). */
export async function migrationIdentity(file: string): Promise<{ name: string; checksum: string }> {
  const normalised = (await readMigrationText(file)).replace(/\r\n/g, "\n");
  return {
    name: parseMigrationFile(normalised).name ?? basename(file).replace(/\.sql$/i, ""),
    checksum: createHash("sha256").update(normalised).digest("hex"),
  };
}

/** Read a migration file, split its sections for one direction into runnable units. */
export async function loadMigration(
  file: string,
  direction: "up" | "down",
): Promise<LoadedMigration> {
  const text = await readMigrationText(file);
  const normalised = text.replace(/\r\n/g, "\n");
  const checksum = createHash("sha256").update(normalised).digest("hex");
  const parsed = parseMigrationFile(normalised);
  const name = parsed.name ?? basename(file).replace(/\.sql$/i, "");
  const notes: string[] = [];
  const units: MigrationUnit[] = [];
  const dataLoss: string[] = [];
  let cursor = 0;
  for (const section of parsed.sections) {
    const at = normalised.indexOf(section.sql, cursor);
    const startIndex = at === -1 ? cursor : at;
    if (at !== -1) cursor = at + section.sql.length;
    if (section.direction !== direction) continue;
    for (const line of section.sql.split("\n")) {
      const m = /^--\s*hazard data-loss:\s*(.*)$/.exec(line.trim());
      if (m?.[1]) dataLoss.push(m[1]);
    }
    const lineOffset = 1 + countLines(normalised.slice(0, startIndex));
    const statements = await splitStatements(section.sql, { file, lineOffset });
    units.push(...unitsForSection(statements, section.transactional, notes, file));
  }
  if (direction === "down" && units.length === 0) {
    throw new UserError(`${file} has no down part`, {
      hint: "add a `-- migrate:down` section with the statements that undo the up part",
      exitCode: 2,
    });
  }
  if (direction === "up" && units.length === 0) {
    throw new UserError(
      `${file} has no SQL statements to apply (the file is empty or only comments)`,
      {
        hint: "write the migration's statements into it, or delete the file",
        exitCode: 2,
      },
    );
  }
  return { file, name, checksum, direction, units, notes, dataLoss };
}

async function readMigrationText(file: string): Promise<string> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      throw new UserError(`${file} is a folder, not a migration file`, {
        hint: "pass one migration file, e.g. migrations/20260101120000_add_indexes.sql, or the folder to --migrate",
        exitCode: 2,
      });
    }
    return await readFile(file, "utf8");
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as { code?: string }).code;
    throw new UserError(
      code === "ENOENT" ? `migration file not found: ${file}` : `cannot read ${file}: ${code}`,
      { exitCode: 2 },
    );
  }
}

function unitsForSection(
  statements: SqlStatement[],
  transactional: boolean,
  notes: string[],
  file: string,
): MigrationUnit[] {
  const kept: SqlStatement[] = [];
  for (const s of statements) {
    if (s.transactionControl === "other") {
      throw new UserError(`${file}:${s.line}: ${firstLine(s.sql)} is not allowed in a migration`, {
        hint: "the migrator runs each section in its own transaction; remove ROLLBACK / PREPARE TRANSACTION",
        exitCode: 2,
      });
    }
    if (s.transactionControl) {
      notes.push(
        `line ${s.line}: ${firstLine(s.sql)} skipped: the migrator opens and commits the transaction itself`,
      );
      continue;
    }
    kept.push(s);
  }
  if (!transactional) {
    return kept.length
      ? [{ transactional: false, statements: kept, reason: "marked transaction:false" }]
      : [];
  }
  const units: MigrationUnit[] = [];
  let run: SqlStatement[] = [];
  for (const s of kept) {
    if (!s.outsideTransactionReason) {
      run.push(s);
      continue;
    }
    if (run.length) units.push({ transactional: true, statements: run });
    run = [];
    units.push({ transactional: false, statements: [s], reason: s.outsideTransactionReason });
    notes.push(
      `line ${s.line}: runs outside a transaction (${s.outsideTransactionReason}); the statements around it run in their own transactions`,
    );
  }
  if (run.length) units.push({ transactional: true, statements: run });
  return units;
}

function countLines(text: string): number {
  return text.split("\n").length - 1;
}

function firstLine(sql: string): string {
  return sql.split("\n")[0].slice(0, 80);
}

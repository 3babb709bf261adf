import {
  formatMigrationFile,
  type MigrationFile,
  type MigrationSection,
} from "../migration-file.js";
import type { PlannedStatement, SchemaChange } from "../plan-types.js";

export interface PlanOptions {
  /** File name stem after the timestamp (default: made from the changes). */
  slug?: string;
  /** Timestamp of the file name (default: now). */
  now?: Date;
  /** SET LOCAL lock_timeout in every transactional section (default "5s"). */
  lockTimeout?: string;
  /** SET LOCAL statement_timeout in every transactional section (default "15min"). */
  statementTimeout?: string;
  /** Lines for the file header (e.g. where the two schemas came from). */
  headerLines?: string[];
}

export interface MigrationPlan {
  /** "20261124021500_add_posts" */
  name: string;
  /** name + ".sql" */
  fileName: string;
  file: MigrationFile;
  /** The file text (formatMigrationFile). */
  text: string;
}

/** `YYYYMMDDHHMMSS_<slug>`, UTC, so file names sort in the order they were written. */
export function migrationFileName(slug: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  return `${stamp}_${slugify(slug)}`;
}

export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60)
    .replace(/_+$/, "");
  return slug || "migration";
}

const VERB: Record<SchemaChange["change"], string> = {
  added: "add",
  removed: "drop",
  changed: "change",
  renamed: "rename",
};

export function defaultSlug(changes: SchemaChange[]): string {
  if (changes.length === 0) return "no_changes";
  const parts = [
    ...new Set(changes.slice(0, 2).map((c) => `${VERB[c.change]}_${c.table ?? c.name}`)),
  ];
  return `${parts.join("_")}${changes.length > 2 ? "_and_more" : ""}`;
}

/**
 * Turn changes into a migration file: up sections then down sections, each a run of statements with the
 * same stage (concurrent index drops, main transaction, validations, concurrent index builds).
 */
export function planMigration(changes: SchemaChange[], options: PlanOptions = {}): MigrationPlan {
  const name = migrationFileName(options.slug ?? defaultSlug(changes), options.now);
  const settings = [
    `SET LOCAL lock_timeout = '${options.lockTimeout ?? "5s"}';`,
    `SET LOCAL statement_timeout = '${options.statementTimeout ?? "15min"}';`,
  ];
  const sections = [
    ...sectionsOf(
      "up",
      changes.flatMap((c) => c.up),
      settings,
    ),
    ...sectionsOf(
      "down",
      changes.flatMap((c) => c.down),
      settings,
    ),
  ];
  const header = [
    ...(options.headerLines ?? []).map((l) => `-- ${l}`),
    `-- ${changes.length} change${changes.length === 1 ? "" : "s"}; sections marked transaction:false run outside a transaction block.`,
  ].join("\n");
  const file: MigrationFile = { name, header, sections };
  return { name, fileName: `${name}.sql`, file, text: formatMigrationFile(file) };
}

function sectionsOf(
  direction: "up" | "down",
  statements: PlannedStatement[],
  settings: string[],
): MigrationSection[] {
  const sorted = [...statements].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const sections: MigrationSection[] = [];
  let current: { stage: number; transactional: boolean; lines: string[] } | undefined;
  for (const s of sorted) {
    const stage = s.stage ?? (s.transactional ? 1 : 3);
    if (!current || current.stage !== stage) {
      if (current) sections.push(finish(direction, current));
      current = { stage, transactional: s.transactional, lines: [] };
      if (s.transactional) {
        current.lines.push(...settings);
        if (stage === 1) current.lines.push("SET LOCAL check_function_bodies = false;");
      }
    }
    current.lines.push(`${s.sql.trim().replace(/;\s*$/, "")};`);
  }
  if (current) sections.push(finish(direction, current));
  return sections;
}

function finish(
  direction: "up" | "down",
  s: { transactional: boolean; lines: string[] },
): MigrationSection {
  return { direction, transactional: s.transactional, sql: s.lines.join("\n") };
}

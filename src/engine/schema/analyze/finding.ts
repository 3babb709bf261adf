import type { Db } from "../connection.js";

export type Severity = "info" | "warning" | "error";

export const GUIDE_PATH = "references/database_optimization_guide.md";

/** One problem the analyzer found, with what to do about it. */
export interface Finding {
  /** Which check found it, e.g. "fk-without-index". */
  check: string;
  severity: Severity;
  /** The object concerned: "public.orders (customer_id)", "index public.users_email_idx". */
  object: string;
  /** One line: what is wrong. */
  title: string;
  /** Why it matters, in a sentence or two. */
  why: string;
  /** SQL that fixes it (review before running), or empty when the fix is not SQL. */
  fix: string;
  /** Section of the optimisation guide that explains it: "references/…md#anchor". */
  guide: string;
  /** Index suggestions carry the statement `--suggest-indexes` writes. */
  suggestedIndex?: { name: string; table: string; sql: string; downSql: string };
}

export interface AnalyzeThresholds {
  /** Tables at least this many rows (estimate) count as large for the sequential-scan check. */
  largeTableRows: number;
  /** A sequence counts as near overflow above this fraction of its maximum. */
  sequenceWarnFraction: number;
  /** pg_stat_statements: at least this many calls for an N+1 candidate. */
  nPlusOneMinCalls: number;
  /** pg_stat_statements: at most this many rows per call for an N+1 candidate. */
  nPlusOneMaxRowsPerCall: number;
}

export const DEFAULT_THRESHOLDS: AnalyzeThresholds = {
  largeTableRows: 10_000,
  sequenceWarnFraction: 0.75,
  nPlusOneMinCalls: 100,
  nPlusOneMaxRowsPerCall: 2,
};

export interface AnalyzeContext {
  db: Db;
  thresholds: AnalyzeThresholds;
  /** SQL condition on a schema-name column that keeps only the schemas to analyse. */
  schemaFilter(column: string): string;
  /** Load shared catalog data (all indexes, all foreign keys) once per analysis. */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export interface AnalyzeCheck {
  id: string;
  title: string;
  /** Reads usage statistics (pg_stat_*), meaningless on a schema loaded from a file. */
  usesStatistics?: boolean;
  run(ctx: AnalyzeContext): Promise<Finding[]>;
}

export function guideLink(anchor: string): string {
  return `${GUIDE_PATH}#${anchor}`;
}

/** Quote an identifier the way PostgreSQL's quote_ident does for ordinary names. */
export function ident(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

export function qualified(schema: string, name: string): string {
  return `${ident(schema)}.${ident(name)}`;
}

/**
 * The contract between the schema diff/planner and its views (CLI report, schema-diff browser, migration writer).
 */
export type ObjectKind =
  | "schema"
  | "extension"
  | "enum"
  | "domain"
  | "sequence"
  | "table"
  | "column"
  | "constraint"
  | "index"
  | "view"
  | "materialized-view"
  | "function"
  | "trigger"
  | "policy"
  | "rls"
  | "comment"
  | "collation"
  | "aggregate"
  | "privilege"
  | "default-privilege";

export type HazardKind =
  | "data-loss"
  | "table-rewrite"
  | "access-exclusive-lock"
  | "index-build"
  | "validation-scan"
  | "irreversible"
  | "rename";

export interface Hazard {
  kind: HazardKind;
  message: string;
}

export interface PlannedStatement {
  sql: string;
  /** false for statements that cannot run inside a transaction block (CREATE INDEX CONCURRENTLY …). */
  transactional: boolean;
  hazards: Hazard[];
  /** Position in the whole migration (up or down); statements of several changes interleave by it. */
  order?: number;
  /**
   * File section: 0 index drops outside a transaction, 1 main transaction, 2 validation transaction
   * (VALIDATE CONSTRAINT, SET NOT NULL), 3 index builds outside a transaction, 4 foreign keys needing those indexes.
   */
  stage?: number;
}

export interface SchemaChange {
  /** Stable id, e.g. "column:public.users.email"; the browser keys its tree on it. */
  id: string;
  kind: ObjectKind;
  schema: string;
  /** Owning table or view for columns, constraints, indexes, triggers, policies. */
  table?: string;
  name: string;
  change: "added" | "removed" | "changed" | "renamed";
  /** Definition before and after (DDL-like text), absent on the side where the object does not exist. */
  before?: string;
  after?: string;
  /** Statements for this change, in the order they run. */
  up: PlannedStatement[];
  down: PlannedStatement[];
}

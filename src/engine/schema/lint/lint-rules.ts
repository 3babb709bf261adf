import type { HazardKind } from "../plan-types.js";

export type LintSeverity = "warning" | "error";

export interface LintRule {
  id: string;
  severity: LintSeverity;
  /** The plan hazard the rule stands for (the same words `--compare` uses). */
  hazard: HazardKind;
  title: string;
}

/**
 * The hazard rules for hand-written migrations: the same hazards generated plans carry, each with an id and a
 * page docs/db-rules/<id>.md. Rules about locks and rewrites apply to tables that exist before the file runs
 * (a table created in the same file is empty and nobody else holds it).
 */
export const LINT_RULES: readonly LintRule[] = [
  {
    id: "alter-column-type",
    severity: "error",
    hazard: "table-rewrite",
    title: "ALTER COLUMN … TYPE rewrites the table and its indexes under an ACCESS EXCLUSIVE lock",
  },
  {
    id: "non-concurrent-index",
    severity: "error",
    hazard: "index-build",
    title: "CREATE INDEX without CONCURRENTLY blocks writes to the table for the whole build",
  },
  {
    id: "non-concurrent-reindex",
    severity: "error",
    hazard: "index-build",
    title: "REINDEX without CONCURRENTLY blocks writes to the table for the whole rebuild",
  },
  {
    id: "non-concurrent-index-drop",
    severity: "warning",
    hazard: "access-exclusive-lock",
    title: "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table",
  },
  {
    id: "not-null-without-default",
    severity: "error",
    hazard: "irreversible",
    title: "ADD COLUMN … NOT NULL without a DEFAULT fails on a table that has rows",
  },
  {
    id: "set-not-null",
    severity: "warning",
    hazard: "validation-scan",
    title: "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock",
  },
  {
    id: "constraint-not-valid",
    severity: "warning",
    hazard: "validation-scan",
    title:
      "ADD CONSTRAINT (FOREIGN KEY / CHECK) without NOT VALID scans the table while holding its lock",
  },
  {
    id: "constraint-builds-index",
    severity: "warning",
    hazard: "index-build",
    title: "ADD PRIMARY KEY / UNIQUE builds its index while blocking writes",
  },
  {
    id: "volatile-default",
    severity: "warning",
    hazard: "table-rewrite",
    title:
      "ADD COLUMN with a volatile DEFAULT (identity, serial, or a stored generated column) rewrites the table",
  },
  {
    id: "set-logged",
    severity: "warning",
    hazard: "table-rewrite",
    title: "SET LOGGED / SET UNLOGGED rewrites the table",
  },
  {
    id: "vacuum-full",
    severity: "error",
    hazard: "table-rewrite",
    title: "VACUUM FULL rewrites the table under an ACCESS EXCLUSIVE lock",
  },
  {
    id: "cluster",
    severity: "error",
    hazard: "table-rewrite",
    title: "CLUSTER rewrites the table under an ACCESS EXCLUSIVE lock",
  },
  {
    id: "drop-table",
    severity: "warning",
    hazard: "data-loss",
    title: "DROP TABLE deletes every row; the down part cannot bring them back",
  },
  {
    id: "drop-column",
    severity: "warning",
    hazard: "data-loss",
    title: "DROP COLUMN deletes its values; the down part cannot bring them back",
  },
  {
    id: "truncate",
    severity: "warning",
    hazard: "data-loss",
    title: "TRUNCATE deletes every row; the down part cannot bring them back",
  },
  {
    id: "rename",
    severity: "warning",
    hazard: "rename",
    title: "RENAME breaks code still using the old name while both versions run",
  },
  {
    id: "missing-lock-timeout",
    severity: "warning",
    hazard: "access-exclusive-lock",
    title: "statements that lock existing tables run without SET lock_timeout",
  },
];

export const RULE_BY_ID = new Map(LINT_RULES.map((r) => [r.id, r]));

export const ruleDoc = (id: string) => `docs/db-rules/${id}.md`;

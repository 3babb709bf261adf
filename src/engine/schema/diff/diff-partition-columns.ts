import type { ColumnInfo, TableInfo } from "../model.js";
import { qualified, quoteIdent } from "../model.js";
import { hazard, PHASE, step } from "./change-builder.js";
import type { DiffContext } from "./diff-context.js";

/** After the parent's own column changes (which recurse to every partition). */
const AFTER_PARENT = 5;

/**
 * A partition's own NOT NULL and DEFAULT (a local primary key makes its columns NOT NULL; a partition can have
 * a default of its own). A new partition is compared with its parent in `to`, a kept one with itself in `from`.
 */
export function diffPartitionColumns(
  ctx: DiffContext,
  before: TableInfo | undefined,
  after: TableInfo,
  parent: TableInfo | undefined,
): void {
  if (!after.partitionOf) return;
  const base = new Map<string, ColumnInfo>(
    (before?.columns.length ? before.columns : (parent?.columns ?? [])).map((c) => [c.name, c]),
  );
  const table = qualified(after.schema, after.name);
  const changes: string[] = [];
  for (const y of after.columns) {
    const x = base.get(y.name);
    if (!x || y.generated || y.identity) continue;
    const alter = `ALTER TABLE ${table} ALTER COLUMN ${quoteIdent(y.name)}`;
    if (x.notNull !== y.notNull) changes.push(`${alter} ${y.notNull ? "SET" : "DROP"} NOT NULL`);
    if ((x.default ?? "") !== (y.default ?? ""))
      changes.push(y.default ? `${alter} SET DEFAULT ${y.default}` : `${alter} DROP DEFAULT`);
  }
  if (changes.length === 0) return;
  const d = ctx.set.add("table", after, "changed", {
    pairKey: `partition-columns:${table}`,
    before: "partition columns",
    after: "partition columns",
  });
  for (const sql of changes)
    step(
      d,
      PHASE.alterColumn,
      sql,
      sql.includes("SET NOT NULL")
        ? [
            hazard(
              "access-exclusive-lock",
              `SET NOT NULL scans ${after.name} under ACCESS EXCLUSIVE`,
            ),
          ]
        : [],
      AFTER_PARENT,
    );
}

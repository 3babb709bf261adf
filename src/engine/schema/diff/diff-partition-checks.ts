import type { TableInfo } from "../model.js";
import { qualified, quoteIdent } from "../model.js";
import { sameSql } from "../plan/ddl.js";
import { hazard, PHASE, step } from "./change-builder.js";
import type { DiffContext } from "./diff-context.js";

/**
 * A CHECK added NOT VALID to a partitioned table is copied NOT VALID to the partitions it has, but a partition
 * made later (or validated on its own) holds a validated copy. When `to` has such a validated copy and this
 * migration adds the parent's check (which then reaches the partition NOT VALID), the copy is validated.
 */
export function diffPartitionChecks(
  ctx: DiffContext,
  before: TableInfo | undefined,
  after: TableInfo,
): void {
  const parentKey = after.partitionOf?.parent;
  if (!parentKey || !after.validChecks?.length) return;
  const parentIn = (tables: TableInfo[]) =>
    tables.find((t) => qualified(t.schema, t.name) === parentKey);
  const from = parentIn(ctx.from.tables);
  const to = parentIn(ctx.to.tables);
  for (const name of after.validChecks) {
    const x = from?.constraints.find((k) => k.name === name);
    const y = to?.constraints.find((k) => k.name === name);
    const parentKept =
      x !== undefined &&
      y !== undefined &&
      sameSql(x.definition, y.definition) &&
      x.validated === y.validated;
    // Kept parent check: a new partition copies it validated, a kept one keeps the copy it has.
    if (parentKept && (!before || before.validChecks?.includes(name))) continue;
    const table = qualified(after.schema, after.name);
    const d = ctx.set.add(
      "constraint",
      { schema: after.schema, table: after.name, name },
      "changed",
      { before: "NOT VALID", after: "validated" },
    );
    step(d, PHASE.validate, `ALTER TABLE ${table} VALIDATE CONSTRAINT ${quoteIdent(name)}`, [
      hazard(
        "validation-scan",
        `scans ${after.name} under SHARE UPDATE EXCLUSIVE (writes continue)`,
      ),
    ]);
  }
}

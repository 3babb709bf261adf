import type { SchemaModel, TableInfo } from "../model.js";
import { qualified, quoteIdent } from "../model.js";
import { commentOn, createPolicy, createTable, describeTable } from "../plan/ddl.js";
import { type Draft, hazard, PHASE, step } from "./change-builder.js";
import { diffColumns } from "./diff-columns.js";
import { type DiffContext, pairs, tableKey, viewsAndTables } from "./diff-context.js";
import { diffPartitionChecks } from "./diff-partition-checks.js";
import { diffPartitionColumns } from "./diff-partition-columns.js";
import {
  addConstraint,
  createIndex,
  createTrigger,
  diffConstraints,
  diffIndexes,
  diffPolicies,
  diffTriggers,
  rebuildDependentForeignKeys,
  rowSecurityStatements,
} from "./diff-table-parts.js";
import { constraintMadeByParent, tableFate } from "./partitioned-index.js";
import {
  dropForRebuild,
  rebuildDependentPolicies,
  rebuiltTables,
  reownSequences,
} from "./rebuilt-tables.js";
import { sameData } from "./same-data.js";

/** Tables: created, dropped, or changed part by part (columns, constraints, indexes, triggers, policies, RLS). */
export function diffTables(ctx: DiffContext): void {
  const from = viewsAndTables(ctx.from).tables;
  const to = viewsAndTables(ctx.to).tables;
  const kept: Array<[TableInfo, TableInfo]> = [];
  const visits = pairs(from, to);
  noteLateKeyTables(ctx, visits);
  const rebuilt = rebuiltTables(from, to);
  for (const [key, a, b] of visits) {
    if (a && !b) {
      dropTable(ctx, ctx.set.add("table", a, "removed", { before: describeTable(a) }), a);
      ctx.droppedTables.add(key);
    } else if (!a && b) {
      ctx.createdTables.add(key);
      addTable(ctx, ctx.set.add("table", b, "added", { after: describeTable(b) }), b);
    } else if (a && b) {
      if (rebuilt.has(key)) {
        // The shape of the table (or of its parent) changed: it has to be created again.
        const d = ctx.set.add("table", b, "changed", {
          before: describeTable(a),
          after: describeTable(b),
        });
        detachReferenced(ctx, d, a, PHASE.dropRebuiltTable);
        dropForRebuild(d, a, from, ctx);
        addTable(ctx, d, b);
        reownSequences(d, b, ctx);
        ctx.reshapedTables.add(key);
        ctx.recreated.add(key);
        // Foreign keys of other tables pointing at it go before the drop and come back after.
        ctx.rekeyedTables.add(key);
        continue;
      }
      kept.push([a, b]);
      // Also when the partition itself is unchanged: its parent's check may be added again.
      if (a.partitionOf) diffPartitionChecks(ctx, a, b);
      // Most tables of a big schema are unchanged: one walk of both instead of part by part.
      if (!sameData(a, b)) changedTable(ctx, a, b);
    }
  }
  rebuildDependentForeignKeys(ctx, kept);
  rebuildDependentPolicies(ctx, kept, rebuilt);
}

/**
 * Existing tables that gain a unique index (built concurrently, after the main transaction): foreign keys
 * that reference them can only be added once it exists.
 */
function noteLateKeyTables(
  ctx: DiffContext,
  visits: Array<[string, TableInfo | undefined, TableInfo | undefined]>,
): void {
  for (const [key, a, b] of visits) {
    if (!a || !b || a.kind !== b.kind || !b.indexes.some((i) => i.unique)) continue;
    const before = new Set(a.indexes.map((i) => i.definition));
    if (b.indexes.some((i) => i.unique && !before.has(i.definition))) ctx.lateKeyTables.add(key);
  }
}

function dropTable(ctx: DiffContext, d: Draft, t: TableInfo): void {
  // Its foreign keys go first: the table it points at may be dropped (or lose its key) in the same migration.
  for (const k of t.constraints) {
    if (k.type !== "foreign-key" || k.references === qualified(t.schema, t.name)) continue;
    step(
      d,
      PHASE.dropForeignKey,
      `ALTER TABLE ${qualified(t.schema, t.name)} DROP CONSTRAINT ${quoteIdent(k.name)}`,
    );
  }
  detachReferenced(ctx, d, t, PHASE.dropTable);
  // Partitions go before their parent (a parent's drop takes its partitions with it).
  step(
    d,
    PHASE.dropTable,
    `DROP TABLE IF EXISTS ${qualified(t.schema, t.name)}`,
    [
      hazard("data-loss", `every row of ${t.name} is deleted`),
      hazard("access-exclusive-lock", `ACCESS EXCLUSIVE lock on ${t.name}`),
    ],
    t.partitionOf || t.inherits?.length ? 0 : 1,
  );
}

/** A partition of a kept parent that foreign keys point at is detached before it is dropped: the keys depend on it. */
function detachReferenced(ctx: DiffContext, d: Draft, t: TableInfo, phase: number): void {
  const parent = t.partitionOf?.parent;
  if (!parent || tableFate(ctx, parent) !== "kept" || !referenced(ctx.from, parent)) return;
  step(
    d,
    phase,
    `ALTER TABLE ${parent} DETACH PARTITION ${qualified(t.schema, t.name)}`,
    [hazard("access-exclusive-lock", `ACCESS EXCLUSIVE lock on ${parent}`)],
    // Before the drops of its phase (partitions there are ordered by depth, deepest first).
    -100,
  );
}

const referenced = (model: SchemaModel, table: string) =>
  model.tables.some((t) =>
    t.constraints.some((k) => k.type === "foreign-key" && k.references === table),
  );

/** Everything a new table needs, in the phases where it can run. */
function addTable(ctx: DiffContext, d: Draft, t: TableInfo): void {
  const table = qualified(t.schema, t.name);
  step(d, PHASE.createTable, createTable(t), [], t.partitionOf || t.inherits?.length ? 1 : 0);
  if (t.partitionOf) {
    const parent = ctx.to.tables.find((p) => tableKey(p) === t.partitionOf?.parent);
    diffPartitionColumns(ctx, undefined, t, parent);
    diffPartitionChecks(ctx, undefined, t);
  }
  for (const k of t.constraints)
    if (!constraintMadeByParent(ctx, t, k.name)) addConstraint(d, t, k, false, ctx);
  for (const i of t.indexes) createIndex(d, t, i, false, PHASE.createIndex, ctx);
  for (const tr of t.triggers) createTrigger(d, t, tr);
  for (const p of t.policies) step(d, PHASE.policy, createPolicy(t, p));
  for (const sql of rowSecurityStatements(t)) step(d, PHASE.rowSecurity, sql);
  if (t.replicaIdentity) step(d, PHASE.replicaIdentity, replicaIdentitySql(t));
  if (t.comment !== undefined) step(d, PHASE.comment, commentOn(`TABLE ${table}`, t.comment));
  for (const c of t.columns) {
    if (c.comment !== undefined)
      step(d, PHASE.comment, commentOn(`COLUMN ${table}.${quoteIdent(c.name)}`, c.comment));
  }
}

function changedTable(ctx: DiffContext, a: TableInfo, b: TableInfo): void {
  const table = qualified(b.schema, b.name);
  if (a.unlogged !== b.unlogged) {
    const d = ctx.set.add("table", b, "changed", {
      before: describeTable(a),
      after: describeTable(b),
    });
    step(d, PHASE.alterColumn, `ALTER TABLE ${table} SET ${b.unlogged ? "UNLOGGED" : "LOGGED"}`, [
      hazard("table-rewrite", `${b.name} is rewritten`),
      hazard("access-exclusive-lock", `ACCESS EXCLUSIVE lock on ${b.name}`),
    ]);
  }
  if (
    a.partitionOf &&
    b.partitionOf &&
    (a.partitionOf.parent !== b.partitionOf.parent || a.partitionOf.bound !== b.partitionOf.bound)
  ) {
    const d = ctx.set.add("table", b, "changed", {
      before: describeTable(a),
      after: describeTable(b),
    });
    step(d, PHASE.alterColumn, `ALTER TABLE ${a.partitionOf.parent} DETACH PARTITION ${table}`, [
      hazard("access-exclusive-lock", `ACCESS EXCLUSIVE lock on ${a.partitionOf.parent}`),
    ]);
    step(
      d,
      PHASE.alterColumn,
      `ALTER TABLE ${b.partitionOf.parent} ATTACH PARTITION ${table} ${b.partitionOf.bound}`,
      [hazard("validation-scan", `scans ${b.name} to check the partition bound`)],
    );
  }
  if (!b.partitionOf) diffColumns(ctx, a, b);
  else if (a.partitionOf) diffPartitionColumns(ctx, a, b, undefined);
  diffConstraints(ctx, a, b);
  diffIndexes(ctx, b, a.indexes, b.indexes, true, "table");
  diffTriggers(ctx, a, b);
  diffPolicies(ctx, a, b);
  if (a.replicaIdentity !== b.replicaIdentity) {
    const d = ctx.set.add("table", b, "changed", {
      before: `replica identity ${a.replicaIdentity ?? "default"}`,
      after: `replica identity ${b.replicaIdentity ?? "default"}`,
      pairKey: `replica-identity:${table}`,
    });
    step(d, PHASE.replicaIdentity, replicaIdentitySql(b));
  }
  const rls = rowSecurityStatements(b, a);
  if (rls.length > 0) {
    const d = ctx.set.add("rls", b, "changed", {
      before: `row level security ${a.rlsEnabled ? "enabled" : "disabled"}${a.rlsForced ? ", forced" : ""}`,
      after: `row level security ${b.rlsEnabled ? "enabled" : "disabled"}${b.rlsForced ? ", forced" : ""}`,
    });
    for (const sql of rls) step(d, PHASE.rowSecurity, sql);
  }
  if (a.comment !== b.comment) {
    const d = ctx.set.add("comment", { schema: b.schema, name: b.name }, "changed", {
      before: a.comment,
      after: b.comment,
      pairKey: `comment:table:${table}`,
    });
    step(d, PHASE.comment, commentOn(`TABLE ${table}`, b.comment));
  }
}

function replicaIdentitySql(t: TableInfo): string {
  const r = t.replicaIdentity;
  const what = !r
    ? "DEFAULT"
    : r.startsWith("index:")
      ? `USING INDEX ${r.slice(6)}`
      : r.toUpperCase();
  return `ALTER TABLE ${qualified(t.schema, t.name)} REPLICA IDENTITY ${what}`;
}

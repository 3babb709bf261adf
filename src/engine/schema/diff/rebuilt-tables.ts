import type { TableInfo } from "../model.js";
import { qualified, quoteIdent } from "../model.js";
import { createPolicy } from "../plan/ddl.js";
import { type Draft, hazard, PHASE, step } from "./change-builder.js";
import { type DiffContext, tableKey } from "./diff-context.js";

/**
 * Tables present on both sides that must be dropped and created again: the table itself changed shape (plain ↔
 * partitioned, another partition key, a partition ↔ a plain table), or it is a partition or INHERITS child of
 * such a table (the parent's drop would take it along, or refuse), or it moves to a parent that is new or
 * dropped (a detached partition keeps copies of the old parent's indexes).
 */
export function rebuiltTables(
  from: Map<string, TableInfo>,
  to: Map<string, TableInfo>,
): Set<string> {
  const rebuilt = new Set<string>();
  for (const [key, a] of from) {
    const b = to.get(key);
    if (
      b &&
      (a.kind !== b.kind ||
        a.partitionKey !== b.partitionKey ||
        Boolean(a.partitionOf) !== Boolean(b.partitionOf))
    )
      rebuilt.add(key);
  }
  const gone = (parent: string) => !to.has(parent) || rebuilt.has(parent);
  const fresh = (parent: string) => !from.has(parent) || rebuilt.has(parent);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [key, a] of from) {
      const b = to.get(key);
      if (!b || rebuilt.has(key)) continue;
      const parentGone =
        (a.partitionOf && gone(a.partitionOf.parent)) || (a.inherits ?? []).some(gone);
      const parentNew =
        (b.partitionOf && fresh(b.partitionOf.parent)) || (b.inherits ?? []).some(fresh);
      if (parentGone || parentNew) {
        rebuilt.add(key);
        grew = true;
      }
    }
  }
  return rebuilt;
}

/** How many parents up (partition or INHERITS) a table sits: the deepest is dropped first. */
function depth(t: TableInfo, tables: Map<string, TableInfo>, seen = new Set<string>()): number {
  const parent = t.partitionOf?.parent ?? t.inherits?.[0];
  const p = parent === undefined ? undefined : tables.get(parent);
  if (!p || seen.has(parent ?? "")) return 0;
  seen.add(parent ?? "");
  return 1 + depth(p, tables, seen);
}

/**
 * The drop half of a rebuild: the table's own foreign keys first (another rebuilt table may point back at it),
 * the sequences its columns own released (a drop would take them along), then the table, partitions before
 * their parents. The caller creates it again; `reownSequences` gives the sequences back afterwards.
 */
export function dropForRebuild(
  d: Draft,
  a: TableInfo,
  from: Map<string, TableInfo>,
  ctx: DiffContext,
): void {
  const table = qualified(a.schema, a.name);
  for (const k of a.constraints) {
    if (k.type !== "foreign-key" || k.references === table) continue;
    step(d, PHASE.dropForeignKey, `ALTER TABLE ${table} DROP CONSTRAINT ${quoteIdent(k.name)}`);
  }
  for (const s of ctx.from.sequences) {
    if (s.ownedBy?.startsWith(`${table}.`))
      step(d, PHASE.releaseSequence, `ALTER SEQUENCE ${qualified(s.schema, s.name)} OWNED BY NONE`);
  }
  step(
    d,
    PHASE.dropRebuiltTable,
    `DROP TABLE ${table}`,
    [
      hazard("data-loss", `${a.name} is dropped and created again: its rows are deleted`),
      hazard("access-exclusive-lock", `ACCESS EXCLUSIVE lock on ${a.name}`),
    ],
    -depth(a, from),
  );
}

/** Sequences kept by this migration that the rebuilt table's columns own on both sides. */
export function reownSequences(d: Draft, b: TableInfo, ctx: DiffContext): void {
  const table = tableKey(b);
  const before = new Map(
    ctx.from.sequences.map((s) => [qualified(s.schema, s.name), s.ownedBy] as const),
  );
  for (const s of ctx.to.sequences) {
    const name = qualified(s.schema, s.name);
    if (s.ownedBy?.startsWith(`${table}.`) && before.get(name) === s.ownedBy)
      step(d, PHASE.sequenceOwner, `ALTER SEQUENCE ${name} OWNED BY ${s.ownedBy}`);
  }
}

/**
 * A policy of a kept table whose expression reads a rebuilt table (a subquery) holds it: PostgreSQL refuses the
 * drop. Such policies, unchanged otherwise, are dropped first and created again after.
 */
export function rebuildDependentPolicies(
  ctx: DiffContext,
  kept: Array<[TableInfo, TableInfo]>,
  rebuilt: Set<string>,
): void {
  if (rebuilt.size === 0) return;
  const names = [...rebuilt].flatMap((k) => {
    const t = ctx.from.tables.find((x) => tableKey(x) === k);
    return t ? [quoteIdent(t.name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")] : [];
  });
  const reads = new RegExp(`(^|[^\\w$"])(${names.join("|")})($|[^\\w$"])`);
  for (const [a, b] of kept) {
    for (const y of b.policies) {
      const x = a.policies.find((p) => p.name === y.name);
      if (!x || JSON.stringify(x) !== JSON.stringify(y)) continue;
      if (!reads.test(`${y.using ?? ""} ${y.check ?? ""}`)) continue;
      const d = ctx.set.add(
        "policy",
        { schema: b.schema, table: b.name, name: y.name },
        "changed",
        {
          before: createPolicy(a, x),
          after: createPolicy(b, y),
        },
      );
      step(d, PHASE.dropPolicy, `DROP POLICY ${quoteIdent(x.name)} ON ${tableKey(a)}`);
      step(d, PHASE.policy, createPolicy(b, y));
    }
  }
}

import type { ConstraintInfo, IndexInfo, PolicyInfo, TableInfo, TriggerInfo } from "../model.js";
import { qualified, quoteIdent } from "../model.js";
import { commentOn, concurrently, createPolicy, sameSql } from "../plan/ddl.js";
import { type Draft, hazard, PHASE, step } from "./change-builder.js";
import { type DiffContext, indexBy, pairs } from "./diff-context.js";
import {
  attachedText,
  attachGained,
  becomesAttached,
  constraintMadeByParent,
  createPartitionedIndex,
  droppedWithParentIndex,
  gainsChildren,
  isPartitionedIndex,
  onlyAttaches,
  partitionKeyChange,
} from "./partitioned-index.js";

type Owner = { schema: string; name: string };

/** Statements that add a constraint. On a table that already has rows, FK and CHECK go in NOT VALID and are validated after. */
export function addConstraint(
  d: Draft,
  t: Owner,
  k: ConstraintInfo,
  existing: boolean,
  ctx?: DiffContext,
): void {
  const table = qualified(t.schema, t.name);
  const name = quoteIdent(k.name);
  const fk = k.type === "foreign-key";
  const late = fk && k.references !== undefined && ctx?.lateKeyTables.has(k.references);
  const phase = late ? PHASE.addForeignKeyLate : fk ? PHASE.addForeignKey : PHASE.addConstraint;
  // PostgreSQL refuses NOT VALID foreign keys on partitioned tables: those are added (and checked) at once.
  const partitioned = (t as { kind?: string }).kind === "partitioned";
  const validatable = (fk && !partitioned) || k.type === "check";
  if (validatable && (existing || !k.validated)) {
    step(d, phase, `ALTER TABLE ${table} ADD CONSTRAINT ${name} ${k.definition} NOT VALID`, [
      hazard(
        "access-exclusive-lock",
        `${fk ? "SHARE ROW EXCLUSIVE" : "ACCESS EXCLUSIVE"} lock on ${t.name} (brief, no scan)`,
      ),
    ]);
    if (k.validated) {
      step(
        d,
        late ? PHASE.validateLate : PHASE.validate,
        `ALTER TABLE ${table} VALIDATE CONSTRAINT ${name}`,
        [
          hazard(
            "validation-scan",
            `scans ${t.name} under SHARE UPDATE EXCLUSIVE (writes continue)`,
          ),
        ],
      );
    }
  } else {
    const hazards = existing
      ? [
          hazard(
            "index-build",
            `builds a unique index on ${t.name}, blocking writes while it builds`,
          ),
          hazard("access-exclusive-lock", `ACCESS EXCLUSIVE lock on ${t.name}`),
        ]
      : [];
    // A key of a partitioned table whose partitions have no index attached to it (its index is invalid).
    const only = partitioned && k.attached?.length === 0 ? "ONLY " : "";
    step(d, phase, `ALTER TABLE ${only}${table} ADD CONSTRAINT ${name} ${k.definition}`, hazards);
  }
  if (k.comment !== undefined)
    step(d, PHASE.comment, commentOn(`CONSTRAINT ${name} ON ${table}`, k.comment));
}

export function diffConstraints(ctx: DiffContext, a: TableInfo, b: TableInfo): void {
  const table = qualified(b.schema, b.name);
  for (const [, x, y] of pairs(
    indexBy(a.constraints, (k) => k.name),
    indexBy(b.constraints, (k) => k.name),
  )) {
    const where = { schema: b.schema, table: b.name, name: (x ?? y)?.name ?? "" };
    const drop = (d: Draft, k: ConstraintInfo) => {
      if (k.type !== "foreign-key" && k.type !== "check") ctx.rekeyedTables.add(table);
      // Its index belongs to a parent index this migration drops (with CASCADE, which takes it along).
      if (droppedWithParentIndex(ctx, a, k.name)) return;
      step(
        d,
        k.type === "foreign-key" ? PHASE.dropForeignKey : PHASE.dropConstraint,
        `ALTER TABLE ${table} DROP CONSTRAINT ${quoteIdent(k.name)}`,
      );
    };
    if (x && !y) drop(ctx.set.add("constraint", where, "removed", { before: x.definition }), x);
    else if (!x && y) {
      if (constraintMadeByParent(ctx, b, y.name)) continue;
      addConstraint(
        ctx.set.add("constraint", where, "added", { after: y.definition }),
        b,
        y,
        true,
        ctx,
      );
    } else if (x && y) {
      const same = sameSql(x.definition, y.definition) && x.validated === y.validated;
      const again = same ? partitionKeyChange(ctx, b, x, y) : undefined;
      if (again) {
        const d = ctx.set.add("constraint", where, "changed", {
          before: attachedText(x),
          after: attachedText(y),
        });
        if (again === "rebuild") drop(d, x);
        addConstraint(d, b, y, true, ctx);
        continue;
      }
      if (same) {
        if (x.comment !== y.comment) {
          const d = ctx.set.add("comment", where, "changed", {
            before: x.comment,
            after: y.comment,
          });
          step(
            d,
            PHASE.comment,
            commentOn(`CONSTRAINT ${quoteIdent(y.name)} ON ${table}`, y.comment),
          );
        }
        continue;
      }
      const d = ctx.set.add("constraint", where, "changed", {
        before: `${x.definition}${x.validated ? "" : " NOT VALID"}`,
        after: `${y.definition}${y.validated ? "" : " NOT VALID"}`,
      });
      if (sameSql(x.definition, y.definition) && !x.validated && y.validated) {
        step(d, PHASE.validate, `ALTER TABLE ${table} VALIDATE CONSTRAINT ${quoteIdent(y.name)}`, [
          hazard(
            "validation-scan",
            `scans ${b.name} under SHARE UPDATE EXCLUSIVE (writes continue)`,
          ),
        ]);
        if (x.comment !== y.comment)
          step(
            d,
            PHASE.comment,
            commentOn(`CONSTRAINT ${quoteIdent(y.name)} ON ${table}`, y.comment),
          );
      } else {
        drop(d, x);
        addConstraint(d, b, y, true, ctx);
      }
    }
  }
}

/** Index statements. On an existing plain table (or materialized view) indexes are built and dropped CONCURRENTLY. */
export function createIndex(
  d: Draft,
  t: Owner,
  i: IndexInfo,
  concurrent: boolean,
  phase: number = PHASE.createIndex,
  ctx?: DiffContext,
): void {
  if (isPartitionedIndex(i)) createPartitionedIndex(ctx, d, t.schema, i, concurrent, phase);
  else if (concurrent) {
    step(d, PHASE.createIndexConcurrently, concurrently(i.definition), [
      hazard(
        "index-build",
        `builds ${i.name} without blocking writes; a failed build leaves an INVALID index to drop`,
      ),
    ]);
  } else {
    step(d, phase, i.definition, [hazard("index-build", `builds ${i.name}`)]);
  }
  if (i.comment !== undefined) {
    step(
      d,
      concurrent ? PHASE.createIndexConcurrently : PHASE.comment,
      commentOn(`INDEX ${qualified(t.schema, i.name)}`, i.comment),
    );
  }
}

export function dropIndex(d: Draft, t: Owner, i: IndexInfo, concurrent: boolean): void {
  const name = qualified(t.schema, i.name);
  // A partitioned index cannot be dropped concurrently; dropping it drops the partitions' indexes, and
  // (CASCADE) the partitions' constraints those back: there is no other way to drop either.
  const cascade = i.attached?.some((c) => c.constraint) ? " CASCADE" : "";
  if (concurrent && !isPartitionedIndex(i))
    step(d, PHASE.dropIndexConcurrently, `DROP INDEX CONCURRENTLY IF EXISTS ${name}`);
  else
    step(d, PHASE.dropIndex, `DROP INDEX ${name}${cascade}`, [
      hazard("access-exclusive-lock", `ACCESS EXCLUSIVE lock on ${t.name}`),
    ]);
}

export function diffIndexes(
  ctx: DiffContext,
  owner: Owner,
  a: IndexInfo[],
  b: IndexInfo[],
  concurrent: boolean,
  kind: "table" | "view",
): void {
  for (const [, x, y] of pairs(
    indexBy(a, (i) => i.name),
    indexBy(b, (i) => i.name),
  )) {
    const where = { schema: owner.schema, table: owner.name, name: (x ?? y)?.name ?? "" };
    const phase = kind === "view" ? PHASE.viewIndex : PHASE.createIndex;
    // A unique index a foreign key relies on cannot go while the key exists (nor concurrently): drop it in
    // the transaction after the foreign keys, which are added back once the new keys exist.
    // A partitioned index whose partitions' indexes change (not only new ones attached) is made again.
    const regrown =
      x !== undefined && y !== undefined && !onlyAttaches(ctx, x.attached, y.attached);
    const goes = x !== undefined && (!y || !sameSql(x.definition, y.definition) || regrown);
    const keyed = goes && x?.unique && kind === "table" && referencedBy(ctx, owner);
    if (keyed) ctx.rekeyedTables.add(qualified(owner.schema, owner.name));
    const dropConcurrently = concurrent && !keyed;
    if (x && !y) {
      // Attached to a parent index in `to`: kept, and attached by the parent's statements.
      if (kind === "table" && becomesAttached(ctx, owner, x)) continue;
      dropIndex(
        ctx.set.add("index", where, "removed", { before: x.definition }),
        owner,
        x,
        dropConcurrently,
      );
    } else if (!x && y)
      createIndex(
        ctx.set.add("index", where, "added", { after: y.definition }),
        owner,
        y,
        concurrent,
        phase,
        ctx,
      );
    else if (x && y && (!sameSql(x.definition, y.definition) || regrown)) {
      const d = ctx.set.add("index", where, "changed", {
        before: regrown ? attachedText(x) : x.definition,
        after: regrown ? attachedText(y) : y.definition,
      });
      dropIndex(d, owner, x, dropConcurrently);
      createIndex(d, owner, y, concurrent, phase, ctx);
    } else if (x && y && gainsChildren(x.attached, y.attached)) {
      attachGained(
        ctx,
        ctx.set.add("index", where, "changed", {
          before: attachedText(x),
          after: attachedText(y),
        }),
        owner,
        x,
        y,
      );
    } else if (x && y && x.comment !== y.comment) {
      const d = ctx.set.add("comment", where, "changed", { before: x.comment, after: y.comment });
      step(d, PHASE.comment, commentOn(`INDEX ${qualified(owner.schema, y.name)}`, y.comment));
    }
  }
}

export function createTrigger(d: Draft, t: Owner, tr: TriggerInfo): void {
  step(d, PHASE.trigger, tr.definition);
  if (tr.enabled !== "enabled") step(d, PHASE.trigger, triggerState(t, tr));
  if (tr.comment !== undefined) {
    step(
      d,
      PHASE.comment,
      commentOn(`TRIGGER ${quoteIdent(tr.name)} ON ${qualified(t.schema, t.name)}`, tr.comment),
    );
  }
}

function triggerState(t: Owner, tr: TriggerInfo): string {
  const verb = {
    enabled: "ENABLE",
    disabled: "DISABLE",
    replica: "ENABLE REPLICA",
    always: "ENABLE ALWAYS",
  }[tr.enabled];
  return `ALTER TABLE ${qualified(t.schema, t.name)} ${verb} TRIGGER ${quoteIdent(tr.name)}`;
}

export function diffTriggers(
  ctx: DiffContext,
  a: Owner & { triggers?: TriggerInfo[] },
  b: Owner & { triggers?: TriggerInfo[] },
): void {
  const table = qualified(b.schema, b.name);
  for (const [, x, y] of pairs(
    indexBy(a.triggers ?? [], (t) => t.name),
    indexBy(b.triggers ?? [], (t) => t.name),
  )) {
    const where = { schema: b.schema, table: b.name, name: (x ?? y)?.name ?? "" };
    const drop = (d: Draft, t: TriggerInfo) =>
      step(d, PHASE.dropTrigger, `DROP TRIGGER ${quoteIdent(t.name)} ON ${table}`);
    if (x && !y) drop(ctx.set.add("trigger", where, "removed", { before: x.definition }), x);
    else if (!x && y)
      createTrigger(ctx.set.add("trigger", where, "added", { after: y.definition }), b, y);
    else if (
      x &&
      y &&
      (!sameSql(x.definition, y.definition) || x.enabled !== y.enabled || x.comment !== y.comment)
    ) {
      const d = ctx.set.add("trigger", where, "changed", {
        before: x.definition,
        after: y.definition,
      });
      if (sameSql(x.definition, y.definition)) {
        if (x.enabled !== y.enabled) step(d, PHASE.trigger, triggerState(b, y));
        if (x.comment !== y.comment)
          step(d, PHASE.comment, commentOn(`TRIGGER ${quoteIdent(y.name)} ON ${table}`, y.comment));
      } else {
        drop(d, x);
        createTrigger(d, b, y);
      }
    }
  }
}

export function diffPolicies(ctx: DiffContext, a: TableInfo, b: TableInfo): void {
  const table = qualified(b.schema, b.name);
  const same = (x: PolicyInfo, y: PolicyInfo) => JSON.stringify(x) === JSON.stringify(y);
  for (const [, x, y] of pairs(
    indexBy(a.policies, (p) => p.name),
    indexBy(b.policies, (p) => p.name),
  )) {
    const where = { schema: b.schema, table: b.name, name: (x ?? y)?.name ?? "" };
    const drop = (d: Draft, p: PolicyInfo) =>
      step(d, PHASE.dropPolicy, `DROP POLICY ${quoteIdent(p.name)} ON ${table}`);
    if (x && !y) drop(ctx.set.add("policy", where, "removed", { before: createPolicy(a, x) }), x);
    else if (!x && y)
      step(
        ctx.set.add("policy", where, "added", { after: createPolicy(b, y) }),
        PHASE.policy,
        createPolicy(b, y),
      );
    else if (x && y && !same(x, y)) {
      const d = ctx.set.add("policy", where, "changed", {
        before: createPolicy(a, x),
        after: createPolicy(b, y),
      });
      drop(d, x);
      step(d, PHASE.policy, createPolicy(b, y));
    }
  }
}

export function rowSecurityStatements(t: TableInfo, from?: TableInfo): string[] {
  const table = qualified(t.schema, t.name);
  const out: string[] = [];
  if (t.rlsEnabled !== (from?.rlsEnabled ?? false)) {
    out.push(`ALTER TABLE ${table} ${t.rlsEnabled ? "ENABLE" : "DISABLE"} ROW LEVEL SECURITY`);
  }
  if (t.rlsForced !== (from?.rlsForced ?? false)) {
    out.push(`ALTER TABLE ${table} ${t.rlsForced ? "FORCE" : "NO FORCE"} ROW LEVEL SECURITY`);
  }
  return out;
}

/**
 * A key that foreign keys depend on cannot be dropped while they exist: unchanged foreign keys that point
 * at a table whose keys are rebuilt are dropped first and added back (NOT VALID, then validated).
 */
export function rebuildDependentForeignKeys(
  ctx: DiffContext,
  pairsOfTables: Array<[TableInfo, TableInfo]>,
): void {
  if (ctx.rekeyedTables.size === 0) return;
  for (const [a, b] of pairsOfTables) {
    const table = qualified(b.schema, b.name);
    for (const y of b.constraints) {
      const x = a.constraints.find((k) => k.name === y.name);
      if (y.type !== "foreign-key" || !x || !y.references || !ctx.rekeyedTables.has(y.references))
        continue;
      if (!sameSql(x.definition, y.definition) || x.validated !== y.validated) continue;
      const d = ctx.set.add(
        "constraint",
        { schema: b.schema, table: b.name, name: y.name },
        "changed",
        {
          before: x.definition,
          after: y.definition,
        },
      );
      step(d, PHASE.dropForeignKey, `ALTER TABLE ${table} DROP CONSTRAINT ${quoteIdent(x.name)}`, [
        hazard("access-exclusive-lock", `rebuilt because the key of ${y.references} changes`),
      ]);
      addConstraint(d, b, y, true, ctx);
    }
  }
}

/** Does any table's foreign key point at this one (on the "from" side)? */
function referencedBy(ctx: DiffContext, owner: Owner): boolean {
  const name = qualified(owner.schema, owner.name);
  return ctx.from.tables.some((t) =>
    t.constraints.some((k) => k.type === "foreign-key" && k.references === name),
  );
}

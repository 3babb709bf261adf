import type { AttachedIndex, ConstraintInfo, IndexInfo, SchemaModel, TableInfo } from "../model.js";
import { qualified, quoteIdent, quoteLiteral } from "../model.js";
import { concurrently, sameSql } from "../plan/ddl.js";
import { type Draft, hazard, PHASE, step } from "./change-builder.js";
import { type DiffContext, tableKey } from "./diff-context.js";
import { autoIndexName } from "./partition-index-names.js";
import { rebuiltTables } from "./rebuilt-tables.js";

/** pg_get_indexdef() of an index on a partitioned table reads `… ON ONLY schema.table …`. */
export function isPartitionedIndex(i: IndexInfo): boolean {
  return / ON ONLY /.test(i.definition);
}

/**
 * A partitioned index, or the index of a primary key / unique constraint of a partitioned table (named as the
 * constraint), with the partitions' indexes attached to it.
 */
export interface ParentIndex {
  table: TableInfo;
  name: string;
  definition: string;
  attached: AttachedIndex[];
  /** Backs the parent's constraint: its partitions' indexes back constraints inherited from it. */
  constraint: boolean;
  /** Key and INCLUDE columns, as pg_get_indexdef() shows them. */
  columns: string[];
  unique: boolean;
}

const cache = new WeakMap<SchemaModel, ParentIndex[]>();

export function parentIndexes(model: SchemaModel): ParentIndex[] {
  let out = cache.get(model);
  if (out) return out;
  out = [];
  for (const table of model.tables) {
    if (table.kind !== "partitioned") continue;
    for (const i of table.indexes) {
      if (!i.attached && !isPartitionedIndex(i)) continue;
      out.push({
        table,
        name: i.name,
        definition: i.definition,
        attached: i.attached ?? [],
        constraint: false,
        columns: [...i.columns, ...i.include],
        unique: i.unique,
      });
    }
    for (const k of table.constraints) {
      if (!k.attached) continue;
      out.push({
        table,
        name: k.name,
        definition: k.definition,
        attached: k.attached,
        constraint: true,
        columns: k.columns,
        unique: true,
      });
    }
  }
  cache.set(model, out);
  return out;
}

const sameChild = (a: AttachedIndex, b: AttachedIndex) =>
  a.schema === b.schema &&
  a.table === b.table &&
  a.name === b.name &&
  a.constraint === b.constraint &&
  sameSql(a.definition, b.definition);

/**
 * Every partition index of `from` is still attached in `to` (or goes with its partition, dropped or made again):
 * only ATTACH PARTITION is needed.
 */
export function onlyAttaches(
  ctx: DiffContext,
  from: AttachedIndex[] = [],
  to: AttachedIndex[] = [],
): boolean {
  return from.every(
    (x) =>
      tableFate(ctx, qualified(x.schema, x.table)) !== "kept" || to.some((y) => sameChild(x, y)),
  );
}

/** Partition indexes `to` attaches that `from` does not. */
export function gainsChildren(from: AttachedIndex[] = [], to: AttachedIndex[] = []): boolean {
  return to.some((y) => !from.some((x) => sameChild(x, y)));
}

type Fate = "new" | "kept" | "rebuilt" | "dropped";
const fates = new WeakMap<SchemaModel, WeakMap<SchemaModel, Map<string, Fate>>>();

/** What the migration does to a table: the diff visits tables in name order, so this does not wait for it. */
export function tableFate(ctx: DiffContext, key: string): Fate {
  let map = fates.get(ctx.from)?.get(ctx.to);
  if (!map) {
    map = new Map();
    const from = new Map(ctx.from.tables.map((t) => [tableKey(t), t]));
    const to = new Map(ctx.to.tables.map((t) => [tableKey(t), t]));
    const rebuilt = rebuiltTables(from, to);
    for (const k of from.keys())
      map.set(k, !to.has(k) ? "dropped" : rebuilt.has(k) ? "rebuilt" : "kept");
    for (const k of to.keys()) if (!from.has(k)) map.set(k, "new");
    const byTo = fates.get(ctx.from) ?? new WeakMap();
    byTo.set(ctx.to, map);
    fates.set(ctx.from, byTo);
  }
  return map.get(key) ?? "new";
}

const find = (model: SchemaModel, table: string, name: string) =>
  parentIndexes(model).find((p) => tableKey(p.table) === table && p.name === name);

/** Does this parent index of `from` stay as it is in `to` (same definition, partitions' indexes only added)? */
export function parentKept(ctx: DiffContext, p: ParentIndex): boolean {
  const q = find(ctx.to, tableKey(p.table), p.name);
  return (
    q !== undefined &&
    q.constraint === p.constraint &&
    sameSql(p.definition, q.definition) &&
    onlyAttaches(ctx, p.attached, q.attached) &&
    tableFate(ctx, tableKey(p.table)) === "kept"
  );
}

const childOf = (model: SchemaModel, t: { schema: string; name: string }, name: string) =>
  parentIndexes(model)
    .map((p) => ({
      p,
      c: p.attached.find((c) => c.schema === t.schema && c.table === t.name && c.name === name),
    }))
    .find((x) => x.c !== undefined) as { p: ParentIndex; c: AttachedIndex } | undefined;

/**
 * A partition's constraint whose index is attached to a parent index that this migration drops: the parent's
 * DROP INDEX … CASCADE takes the constraint with it, so it is not dropped on its own (it cannot be: its index
 * belongs to the parent's), and it is added again when `to` still has it.
 */
export function droppedWithParentIndex(
  ctx: DiffContext,
  t: { schema: string; name: string },
  name: string,
): boolean {
  const hit = childOf(ctx.from, t, name);
  return hit !== undefined && !hit.p.constraint && !parentKept(ctx, hit.p);
}

/**
 * A partition's primary key or unique constraint of `to` that the parent index's statements make (ADD
 * CONSTRAINT … USING INDEX on the index the parent gets attached), so the partition's own diff leaves it out:
 * a new partition of a kept parent index (CREATE TABLE … PARTITION OF builds the index), or an index that
 * already exists on a kept partition.
 */
export function constraintMadeByParent(ctx: DiffContext, t: TableInfo, name: string): boolean {
  const hit = childOf(ctx.to, t, name);
  if (!hit?.c.constraint) return false;
  return existingIndex(ctx, hit.c) !== undefined || clonedWithTable(ctx, hit.p, hit.c);
}

/** An index of `from` that `to` has attached to a parent index: it is kept (and attached), not dropped. */
export function becomesAttached(
  ctx: DiffContext,
  t: { schema: string; name: string },
  i: IndexInfo,
): boolean {
  const hit = childOf(ctx.to, t, i.name);
  return hit !== undefined && sameSql(hit.c.definition, i.definition);
}

/** The partition's stand-alone index of `from` with this name and definition, if the partition is kept. */
function existingIndex(ctx: DiffContext, c: AttachedIndex): IndexInfo | undefined {
  const key = qualified(c.schema, c.table);
  if (tableFate(ctx, key) !== "kept") return undefined;
  const t = ctx.from.tables.find((x) => tableKey(x) === key);
  return t?.indexes.find((i) => i.name === c.name && sameSql(i.definition, c.definition));
}

/**
 * A partition made by this migration (new, or made again) under a parent index that exists before it: CREATE
 * TABLE … PARTITION OF clones the index.
 */
function clonedWithTable(ctx: DiffContext, p: ParentIndex, c: AttachedIndex): boolean {
  if (tableFate(ctx, qualified(c.schema, c.table)) === "kept") return false;
  const q = find(ctx.from, tableKey(p.table), p.name);
  return q !== undefined && parentKept(ctx, q);
}

/**
 * An index on a partitioned table, the PostgreSQL way: the parent index ON ONLY (invalid until every partition
 * has its index), each partition's index (CONCURRENTLY when the partition already holds rows), then ATTACH
 * PARTITION, which makes the parent valid. Partition index names are kept as they are on the target.
 */
export function createPartitionedIndex(
  ctx: DiffContext | undefined,
  d: Draft,
  schema: string,
  i: IndexInfo,
  concurrent: boolean,
  phase: number,
): void {
  step(d, phase, i.definition, [hazard("index-build", `creates ${i.name} on the parent only`)]);
  const p: ParentIndex = {
    table: { schema } as TableInfo,
    name: i.name,
    definition: i.definition,
    attached: i.attached ?? [],
    constraint: false,
    columns: i.columns,
    unique: i.unique,
  };
  for (const child of p.attached) attachChild(ctx, d, p, child, concurrent, phase);
}

/** Partitions' indexes a kept parent index gains: each one built if needed, then attached. */
export function attachNewChildren(
  ctx: DiffContext,
  d: Draft,
  p: ParentIndex,
  from: AttachedIndex[],
): void {
  for (const c of p.attached) {
    if (from.some((x) => sameChild(x, c))) continue;
    if (clonedWithTable(ctx, p, c)) renameClone(ctx, d, p, c);
    else attachChild(ctx, d, p, c, true, PHASE.createIndex);
  }
}

function attachChild(
  ctx: DiffContext | undefined,
  d: Draft,
  p: ParentIndex,
  c: AttachedIndex,
  concurrent: boolean,
  phase: number,
): void {
  const table = qualified(c.schema, c.table);
  const childName = qualified(c.schema, c.name);
  const attach = `ALTER INDEX ${qualified(p.table.schema, p.name)} ATTACH PARTITION ${childName}`;
  const existing = ctx ? existingIndex(ctx, c) : undefined;
  const to = ctx?.to.tables.find((t) => tableKey(t) === table);
  const fromTable = ctx?.from.tables.find((t) => tableKey(t) === table);
  const local = c.constraint && to?.constraints.some((k) => k.name === c.name);
  const hadConstraint = fromTable?.constraints.some((k) => k.name === c.name);
  const usingIndex = `ALTER TABLE ${table} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.constraint} USING INDEX ${quoteIdent(c.name)}`;
  if (existing) {
    // Already there (stand-alone): it backs its constraint from now on, and is attached as it is.
    if (c.constraint && !hadConstraint) step(d, PHASE.addConstraint, usingIndex);
    step(d, PHASE.createIndex, attach);
    return;
  }
  // The partition's own primary key / unique constraint builds the index (the partition's diff adds it).
  const built = local === true;
  const late = concurrent && (ctx === undefined || tableFate(ctx, table) === "kept");
  const buildPhase = late ? PHASE.createIndexConcurrently : phase;
  if (!built) {
    step(d, buildPhase, late ? concurrently(c.definition) : c.definition, [
      hazard(
        "index-build",
        late
          ? `builds ${c.name} on ${c.table} without blocking writes; a failed build leaves an INVALID index to drop`
          : `builds ${c.name}`,
      ),
    ]);
    if (c.constraint) step(d, buildPhase, usingIndex);
  }
  step(d, buildPhase, attach);
}

/**
 * The index CREATE TABLE … PARTITION OF cloned from a kept parent index carries PostgreSQL's generated name:
 * renamed to the target's, and made the partition's constraint when the target has one on it.
 */
function renameClone(ctx: DiffContext, d: Draft, p: ParentIndex, c: AttachedIndex): void {
  const table = qualified(c.schema, c.table);
  const predicted = autoIndexName(ctx.from, c, p);
  if (predicted === undefined) {
    step(
      d,
      PHASE.addConstraint,
      [
        "DO $$ DECLARE cloned name; BEGIN",
        "SELECT c.relname INTO cloned FROM pg_inherits h JOIN pg_index i ON i.indexrelid = h.inhrelid",
        "JOIN pg_class c ON c.oid = h.inhrelid",
        `WHERE h.inhparent = ${quoteLiteral(qualified(p.table.schema, p.name))}::regclass AND i.indrelid = ${quoteLiteral(table)}::regclass;`,
        `IF cloned <> ${quoteLiteral(c.name)} THEN`,
        `EXECUTE format('ALTER INDEX %I.%I RENAME TO %I', ${quoteLiteral(c.schema)}, cloned, ${quoteLiteral(c.name)});`,
        "END IF; END $$",
      ].join("\n"),
      [],
      -1,
    );
  } else if (predicted !== c.name) {
    step(
      d,
      PHASE.addConstraint,
      `ALTER INDEX ${qualified(c.schema, predicted)} RENAME TO ${quoteIdent(c.name)}`,
      [],
      -1,
    );
  }
  if (c.constraint && !p.constraint) {
    step(
      d,
      PHASE.addConstraint,
      `ALTER TABLE ${table} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.constraint} USING INDEX ${quoteIdent(c.name)}`,
    );
  }
}

/** A parent index's definition with the partitions' indexes attached to it, for before/after views. */
export function attachedText(i: { definition: string; attached?: AttachedIndex[] }): string {
  return [
    i.definition,
    ...(i.attached ?? []).map((c) => `  attached: ${qualified(c.schema, c.name)}`),
  ].join("\n");
}

/** A change that turned out to need no statement is left out. */
export function discardIfEmpty(ctx: DiffContext, d: Draft): void {
  if (d.steps.length > 0) return;
  const at = ctx.set.drafts.indexOf(d);
  if (at >= 0) ctx.set.drafts.splice(at, 1);
}

/**
 * A primary key or unique constraint that reads the same in `from` and `to` but must be added again: "again"
 * when a parent index it was attached to is dropped (and takes it along), "rebuild" when the partitions'
 * indexes attached to it change beyond new ones. Only new ones attached: the ATTACH statements, here.
 */
export function partitionKeyChange(
  ctx: DiffContext,
  b: TableInfo,
  x: ConstraintInfo,
  y: ConstraintInfo,
): "again" | "rebuild" | undefined {
  if (droppedWithParentIndex(ctx, b, x.name)) return "again";
  if (!onlyAttaches(ctx, x.attached, y.attached)) return "rebuild";
  if (!gainsChildren(x.attached, y.attached)) return undefined;
  const where = { schema: b.schema, table: b.name, name: y.name };
  attachGained(
    ctx,
    ctx.set.add("constraint", where, "changed", {
      before: attachedText(x),
      after: attachedText(y),
    }),
    b,
    x,
    y,
  );
  return undefined;
}

/** The ATTACH statements (and builds) for the partitions' indexes a kept parent index gains. */
export function attachGained(
  ctx: DiffContext,
  d: Draft,
  owner: { schema: string; name: string },
  x: { attached?: AttachedIndex[] },
  y: { name: string },
): void {
  const parent = parentIndexes(ctx.to).find(
    (p) => p.table.schema === owner.schema && p.table.name === owner.name && p.name === y.name,
  );
  if (parent) attachNewChildren(ctx, d, parent, x.attached ?? []);
  discardIfEmpty(ctx, d);
}

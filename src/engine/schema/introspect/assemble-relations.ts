import type { PolicyInfo, TableInfo, TriggerInfo, ViewInfo } from "../model.js";
import type { ColumnEntry } from "./column-rows.js";
import { type ColumnNames, list, str, toConstraint, toIndex } from "./relation-rows.js";

/**
 * Tables and views of the model from the rows of the catalog queries, each with its columns, constraints,
 * indexes, triggers and policies, sorted by name. One function per kind of row: a loop over hundreds of
 * thousands of rows is compiled on its own, not as part of a function whose later loops have not run yet.
 */
type Row = Record<string, unknown>;
type Relation = TableInfo | ViewInfo;

const key = (schema: unknown, name: unknown) => `${String(schema)}\u0000${String(name)}`;
const byName = <T extends { name: string }>(a: T, b: T) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

const TRIGGER_STATE: Record<string, TriggerInfo["enabled"]> = {
  O: "enabled",
  D: "disabled",
  R: "replica",
  A: "always",
};
const POLICY_COMMANDS: Record<string, PolicyInfo["command"]> = {
  "*": "ALL",
  r: "SELECT",
  a: "INSERT",
  w: "UPDATE",
  d: "DELETE",
};

export function assembleRelations(
  r: Record<string, Row[]>,
  columns: ColumnEntry[],
  names: ColumnNames,
): { tables: TableInfo[]; views: ViewInfo[] } {
  // Relations by oid, for the rows of the relation queries; by schema and name, for triggers and policies.
  const byOid = new Map<string, Relation>();
  const tables = readTables(r.tables ?? [], byOid);
  const views = readViews(r.views ?? [], byOid);
  addColumns(columns, byOid);
  addConstraints(r.constraints ?? [], byOid, names);
  addIndexes(r.indexes ?? [], byOid, names);
  addTriggers(r.triggers ?? [], tables, views);
  addPolicies(r.policies ?? [], tables);
  for (const t of tables.values()) {
    t.constraints.sort(byName);
    t.indexes.sort(byName);
    t.triggers.sort(byName);
    t.policies.sort(byName);
  }
  for (const v of views.values()) {
    v.indexes.sort(byName);
    v.triggers?.sort(byName);
  }
  return { tables: [...tables.values()], views: [...views.values()] };
}

function readTables(rows: Row[], byOid: Map<string, Relation>): Map<string, TableInfo> {
  const tables = new Map<string, TableInfo>();
  for (const t of rows) {
    const table: TableInfo = {
      schema: String(t.schema),
      name: String(t.name),
      kind: t.relkind === "p" ? "partitioned" : "table",
      unlogged: Boolean(t.unlogged),
      partitionKey: str(t.partition_key),
      partitionOf: t.parent ? { parent: String(t.parent), bound: String(t.bound) } : undefined,
      rlsEnabled: Boolean(t.rls_enabled),
      rlsForced: Boolean(t.rls_forced),
      columns: [],
      constraints: [],
      indexes: [],
      triggers: [],
      policies: [],
      comment: str(t.comment),
    };
    if (t.inherits) table.inherits = list(t.inherits);
    if (t.replica_identity) table.replicaIdentity = String(t.replica_identity);
    if (t.valid_checks) table.validChecks = list(t.valid_checks);
    tables.set(key(t.schema, t.name), table);
    byOid.set(String(t.oid), table);
  }
  return tables;
}

function readViews(rows: Row[], byOid: Map<string, Relation>): Map<string, ViewInfo> {
  const views = new Map<string, ViewInfo>();
  for (const v of rows) {
    const view: ViewInfo = {
      schema: String(v.schema),
      name: String(v.name),
      materialized: Boolean(v.materialized),
      definition: String(v.definition).trim(),
      options: list(v.options).sort(),
      dependsOn: list(v.depends_on).sort(),
      indexes: [],
      comment: str(v.comment),
    };
    views.set(key(v.schema, v.name), view);
    byOid.set(String(v.oid), view);
  }
  return views;
}

function addColumns(columns: ColumnEntry[], byOid: Map<string, Relation>): void {
  for (const c of columns) {
    const table = byOid.get(String(c.rel));
    if (table && "columns" in table) table.columns.push(c.column);
  }
}

function addConstraints(rows: Row[], byOid: Map<string, Relation>, names: ColumnNames): void {
  for (const c of rows) {
    const table = byOid.get(String(c.rel));
    if (table && "constraints" in table) table.constraints.push(toConstraint(c, names));
  }
}

function addIndexes(rows: Row[], byOid: Map<string, Relation>, names: ColumnNames): void {
  for (const i of rows) byOid.get(String(i.rel))?.indexes.push(toIndex(i, names));
}

function addTriggers(
  rows: Row[],
  tables: Map<string, TableInfo>,
  views: Map<string, ViewInfo>,
): void {
  for (const t of rows) {
    const trigger: TriggerInfo = {
      name: String(t.name),
      definition: String(t.definition),
      enabled: TRIGGER_STATE[String(t.enabled)] ?? "enabled",
      comment: str(t.comment),
    };
    const table = tables.get(key(t.schema, t.table_name));
    if (table) table.triggers.push(trigger);
    else {
      const view = views.get(key(t.schema, t.table_name));
      if (view) view.triggers = [...(view.triggers ?? []), trigger];
    }
  }
}

function addPolicies(rows: Row[], tables: Map<string, TableInfo>): void {
  for (const p of rows) {
    tables.get(key(p.schema, p.table_name))?.policies.push({
      name: String(p.name),
      permissive: Boolean(p.permissive),
      command: POLICY_COMMANDS[String(p.command)] ?? "ALL",
      roles: list(p.roles).sort(),
      using: str(p.using_expr),
      check: str(p.check_expr),
    });
  }
}

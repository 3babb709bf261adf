import type { SchemaModel, TableInfo, ViewInfo } from "../model.js";
import { qualified } from "../model.js";
import type { ChangeSet } from "./change-builder.js";

/** What the per-kind diff functions share while walking one direction (from → to). */
export interface DiffContext {
  set: ChangeSet;
  from: SchemaModel;
  to: SchemaModel;
  /** Qualified names of tables that exist only in `to` (created by this migration). */
  createdTables: Set<string>;
  /** Qualified names of tables that exist only in `from` (dropped by this migration). */
  droppedTables: Set<string>;
  /** Tables whose columns change type or disappear: views reading them must be rebuilt. */
  reshapedTables: Set<string>;
  /** Tables whose primary key / unique constraints are dropped: foreign keys pointing at them are rebuilt. */
  rekeyedTables: Set<string>;
  /**
   * Objects dropped and created again (tables, views, functions, aggregates, enums, domains), named as
   * privileges name them ("schema.name", a function's with its arguments): they lose their grants, which
   * are given back.
   */
  recreated: Set<string>;
  /** Tables gaining a unique index built concurrently: foreign keys to them go in a transaction after it. */
  lateKeyTables: Set<string>;
}

export const tableKey = (t: { schema: string; name: string }) => qualified(t.schema, t.name);

export function indexBy<T>(items: T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(key(item), item);
  return map;
}

/** Visit keys of two maps in sorted order: only in a, in both, only in b. */
export function pairs<T>(
  a: Map<string, T>,
  b: Map<string, T>,
): Array<[string, T | undefined, T | undefined]> {
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return keys.map((k) => [k, a.get(k), b.get(k)]);
}

export function viewsAndTables(model: SchemaModel): {
  tables: Map<string, TableInfo>;
  views: Map<string, ViewInfo>;
} {
  return { tables: indexBy(model.tables, tableKey), views: indexBy(model.views, tableKey) };
}

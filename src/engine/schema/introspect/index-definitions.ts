import type { Db } from "../connection.js";
import { defaultBtreeClassesQuery, indexDefinitionsQuery } from "./relation-queries.js";
import { type ColumnNames, numbers } from "./relation-rows.js";

type Row = Record<string, unknown>;

/**
 * Give every index row of the indexes query its CREATE INDEX statement. A plain btree index (see
 * relation-queries.ts) came back with its operator classes, collations and options ("classes/collations/
 * options") instead: when each key column uses its type's default class, its own collation and the default
 * order, the statement is written here exactly as pg_get_indexdef writes it; the others ask the server.
 */
export async function completeIndexDefinitions(
  db: Db,
  indexes: Row[],
  names: ColumnNames,
  qualifiedTable: (rel: unknown) => string | undefined,
): Promise<void> {
  const plain = indexes.filter((i) => i.plain === true || i.plain === "t");
  if (plain.length === 0) return;
  const defaults = new Map<string, string>();
  for (const row of (await db.query(defaultBtreeClassesQuery)).rows) {
    defaults.set(String(row.type_oid), String(row.class_oid));
  }
  const ask: Row[] = [];
  for (const index of plain) {
    const definition = plainDefinition(index, names, defaults, qualifiedTable(index.rel));
    if (definition === undefined) ask.push(index);
    else index.definition = definition;
  }
  if (ask.length === 0) return;
  const answers = new Map<string, unknown>();
  const rows = (await db.query(indexDefinitionsQuery, [ask.map((i) => String(i.oid))])).rows;
  for (const row of rows) answers.set(String(row.oid), row.definition);
  for (const index of ask) index.definition = answers.get(String(index.oid));
}

function plainDefinition(
  index: Row,
  names: ColumnNames,
  defaults: Map<string, string>,
  table: string | undefined,
): string | undefined {
  if (table === undefined || index.quoted_name == null) return undefined;
  const [classes, collations, options] = String(index.definition)
    .split("/")
    .map((part) => numbers(part));
  const keyCount = Number(index.key_count);
  const columns: string[] = [];
  for (const [position, num] of numbers(index.keys).entries()) {
    const column = names.column(index.rel, num);
    if (!column) return undefined;
    if (position < keyCount) {
      const collation = collations?.[position];
      if (classes?.[position] !== defaults.get(column.type)) return undefined;
      if (collation !== "0" && collation !== column.collation) return undefined;
      if (options?.[position] !== "0") return undefined;
    }
    columns.push(column.quoted);
  }
  const include =
    columns.length > keyCount ? ` INCLUDE (${columns.slice(keyCount).join(", ")})` : "";
  return `CREATE INDEX ${String(index.quoted_name)} ON ${table} USING btree (${columns
    .slice(0, keyCount)
    .join(", ")})${include}`;
}

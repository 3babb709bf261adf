import type { ColumnNames } from "./relation-rows.js";

/**
 * What the server writes for a check constraint, a key or an index (pg_get_constraintdef, pg_get_indexdef)
 * depends on its catalog row and on the names, types and collations of its table's columns; a whole-row
 * reference, which names the table, has the table's own row type in the catalog row. A database with a schema
 * per tenant has the same constraint on thousands of tables, and asking the server for each one makes it open
 * every table. Rows with the same group key are written once, for one of them, and the text is shared.
 */

/** Source positions in an expression tree: they differ between tables and change nothing written. */
const LOCATION = / :location -?\d+/g;

/**
 * The group key of a row of the constraints or indexes query: its `deparse_key` (a hash of the catalog
 * fields), its `deparse_tree` (expression trees) without source positions, and every column of its table.
 * Undefined when the row has no key or its table's columns were not read.
 */
export function deparseGroupKey(
  row: Record<string, unknown>,
  names: ColumnNames,
): string | undefined {
  if (row.deparse_key == null) return undefined;
  const columns = names.signature(row.rel);
  if (columns === undefined) return undefined;
  const tree = row.deparse_tree == null ? "" : String(row.deparse_tree).replace(LOCATION, "");
  return `${String(row.deparse_key)}\u0000${tree}\u0000${columns}`;
}

/**
 * Rows grouped by key: the first row of each group is asked for, the rest take its answer. Rows without a
 * key are each their own group.
 */
export function groupByKey<T>(rows: T[], keyOf: (row: T) => string | undefined): T[][] {
  const groups = new Map<string, T[]>();
  const alone: T[][] = [];
  for (const row of rows) {
    const key = keyOf(row);
    if (key === undefined) {
      alone.push([row]);
      continue;
    }
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values(), ...alone];
}

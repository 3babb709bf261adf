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

type Row = Record<string, unknown>;

/**
 * Rows of the constraints or indexes query grouped by what the server would write for them: the same
 * `deparse_key` (a hash of the catalog fields), the same `deparse_tree` (expression trees) without source
 * positions, and the same columns in their table. The first row of each group is asked for, the rest take its
 * answer. A row without a key, or whose table's columns were not read, is a group of its own.
 */
export function groupAlike<T extends Row>(rows: T[], names: ColumnNames): T[][] {
  const groups: T[][] = [];
  // Nested by part, so that no key is built per row: the signature strings are shared by a table's rows.
  const byKey = new Map<string, Map<string, Map<string, T[]>>>();
  for (const row of rows) {
    const signature = row.deparse_key == null ? undefined : names.signature(row.rel);
    if (signature === undefined) {
      groups.push([row]);
      continue;
    }
    const key = String(row.deparse_key);
    const tree = row.deparse_tree == null ? "" : String(row.deparse_tree).replace(LOCATION, "");
    let byTree = byKey.get(key);
    if (!byTree) {
      byTree = new Map();
      byKey.set(key, byTree);
    }
    let bySignature = byTree.get(tree);
    if (!bySignature) {
      bySignature = new Map();
      byTree.set(tree, bySignature);
    }
    let group = bySignature.get(signature);
    if (!group) {
      group = [];
      bySignature.set(signature, group);
      groups.push(group);
    }
    group.push(row);
  }
  return groups;
}

import type { Db } from "../connection.js";
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

/** Rows of a query that takes a list of oids ($1), by oid. */
export type RowsByOid = (oids: string[]) => Promise<Map<string, Row>>;

/**
 * Rows of the constraints or indexes query grouped by what the server would write for them: the same
 * `deparse_key` (a hash of the catalog fields), the same expression trees but for source positions, and the
 * same columns in their table. The first row of each group is asked for, the rest take its answer. A row
 * without a key, or whose table's columns were not read, is a group of its own.
 *
 * Rows are first grouped by the hash of their trees as stored (`deparse_tree`); groups that differ only there
 * have the tree of one row each read (`readTrees`, rows with a `tree`), stripped of source positions, and
 * those that then read the same are merged.
 */
export async function groupAlike<T extends Row>(
  rows: T[],
  names: ColumnNames,
  readTrees: RowsByOid,
): Promise<T[][]> {
  const { groups, alone } = byStoredTrees(rows, names);
  // Groups with trees that share key and signature with another group: candidates to merge.
  const bySignature = new Map<string, T[][]>();
  for (const group of groups) {
    const first = group[0];
    if (!first || first.deparse_tree == null) continue;
    const key = `${String(first.deparse_key)}\u0000${names.signature(first.rel) ?? ""}`;
    const same = bySignature.get(key);
    if (same) same.push(group);
    else bySignature.set(key, [group]);
  }
  const toMerge = new Set([...bySignature.values()].filter((g) => g.length > 1).flat());
  if (toMerge.size === 0) return [...groups, ...alone];
  const trees = await readTrees([...toMerge].map((g) => String(g[0]?.oid)));
  const merged = new Parts<T[]>();
  const out = groups.filter((g) => !toMerge.has(g));
  for (const group of toMerge) {
    const first = group[0] as T;
    const tree = trees.get(String(first.oid))?.tree;
    if (tree == null) {
      out.push(group);
      continue;
    }
    const target = merged.get(
      String(first.deparse_key),
      names.signature(first.rel) ?? "",
      String(tree).replace(LOCATION, ""),
      () => {
        const made: T[] = [];
        out.push(made);
        return made;
      },
    );
    target.push(...group);
  }
  return [...out, ...alone];
}

/** The first grouping: by key, signature and the hash of the trees as stored. */
function byStoredTrees<T extends Row>(
  rows: T[],
  names: ColumnNames,
): { groups: T[][]; alone: T[][] } {
  const alone: T[][] = [];
  // Nested by part, so that no key is built per row: the signature strings are shared by a table's rows.
  const stored = new Parts<T[]>();
  const groups: T[][] = [];
  for (const row of rows) {
    const signature = row.deparse_key == null ? undefined : names.signature(row.rel);
    if (signature === undefined) {
      alone.push([row]);
      continue;
    }
    const tree = row.deparse_tree == null ? "" : String(row.deparse_tree);
    const group = stored.get(String(row.deparse_key), signature, tree, () => {
      const made: T[] = [];
      groups.push(made);
      return made;
    });
    group.push(row);
  }
  return { groups, alone };
}

/** A three-level map (key, signature, tree) that makes the value on first use. */
class Parts<V> {
  private readonly map = new Map<string, Map<string, Map<string, V>>>();

  get(key: string, signature: string, tree: string, make: () => V): V {
    let bySignature = this.map.get(key);
    if (!bySignature) {
      bySignature = new Map();
      this.map.set(key, bySignature);
    }
    let byTree = bySignature.get(signature);
    if (!byTree) {
      byTree = new Map();
      bySignature.set(signature, byTree);
    }
    let value = byTree.get(tree);
    if (value === undefined) {
      value = make();
      byTree.set(tree, value);
    }
    return value;
  }
}

/** Run a query that takes a list of oids ($1): its rows by oid. */
export async function rowsByOid(db: Db, sql: string, oids: string[]): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>();
  for (const row of (await db.query(sql, [oids])).rows) rows.set(String(row.oid), row);
  return rows;
}

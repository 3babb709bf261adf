import type { Db } from "../connection.js";
import { groupAlike, rowsByOid } from "./deparse-groups.js";
import { constraintDefinitionsQuery, constraintTreesQuery } from "./relation-queries.js";
import { type ColumnNames, numbers, yes } from "./relation-rows.js";

type Row = Record<string, unknown>;

const MATCH: Record<string, string> = { f: " MATCH FULL", p: " MATCH PARTIAL" };
const ACTIONS: Record<string, string> = {
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

/**
 * Give every row of the constraints query its definition, exactly as pg_get_constraintdef writes it. A plain
 * foreign key is written here from its catalog fields; checks, primary keys and unique constraints are asked
 * of the server once per group of rows that read the same (deparse-groups.ts); the rest came with theirs.
 */
export async function completeConstraintDefinitions(
  db: Db,
  constraints: Row[],
  names: ColumnNames,
  qualifiedTable: (rel: unknown) => string | undefined,
): Promise<void> {
  const grouped: Row[] = [];
  for (const row of constraints) {
    // A foreign key to a table read names it by oid only.
    if (row.ref_rel != null && row.refs == null) row.refs = qualifiedTable(row.ref_rel);
    if (row.definition != null) continue;
    const written = row.fk_options != null ? foreignKey(row, names) : undefined;
    if (written !== undefined) row.definition = written;
    else grouped.push(row);
  }
  if (grouped.length === 0) return;
  const groups = await groupAlike(grouped, names, (oids) =>
    rowsByOid(db, constraintTreesQuery, oids),
  );
  const answers = await rowsByOid(
    db,
    constraintDefinitionsQuery,
    groups.map((group) => String(group[0]?.oid)),
  );
  for (const group of groups) {
    const definition = answers.get(String(group[0]?.oid))?.definition;
    for (const row of group) row.definition = definition;
  }
}

/**
 * FOREIGN KEY (a, b) REFERENCES s.t(x, y) [MATCH FULL] [ON UPDATE …] [ON DELETE …] [DEFERRABLE]
 * [INITIALLY DEFERRED] [NOT VALID], as pg_get_constraintdef writes it; undefined when a column was not read
 * (a referenced table outside the schemas read).
 */
function foreignKey(row: Row, names: ColumnNames): string | undefined {
  const columns = quotedColumns(row.rel, row.keys, names);
  const referenced = quotedColumns(row.ref_rel, row.ref_keys, names);
  if (!columns || !referenced || row.refs == null) return undefined;
  // "<match><on update><on delete><d or -><i or ->", as the constraints query joins them.
  const [match = "", onUpdate = "", onDelete = "", deferrable, deferred] = String(row.fk_options);
  const update = ACTIONS[onUpdate];
  const remove = ACTIONS[onDelete];
  return [
    `FOREIGN KEY (${columns}) REFERENCES ${String(row.refs)}(${referenced})`,
    MATCH[match] ?? "",
    update ? ` ON UPDATE ${update}` : "",
    remove ? ` ON DELETE ${remove}` : "",
    deferrable === "d" ? " DEFERRABLE" : "",
    deferred === "i" ? " INITIALLY DEFERRED" : "",
    yes(row.validated) ? "" : " NOT VALID",
  ].join("");
}

function quotedColumns(rel: unknown, keys: unknown, names: ColumnNames): string | undefined {
  const out: string[] = [];
  for (const num of numbers(keys)) {
    const column = names.column(rel, num);
    if (!column) return undefined;
    out.push(column.quoted);
  }
  return out.length > 0 ? out.join(", ") : undefined;
}

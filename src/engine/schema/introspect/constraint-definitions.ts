import type { Db } from "../connection.js";
import { deparseGroupKey, groupByKey } from "./deparse-groups.js";
import { constraintDefinitionsQuery } from "./relation-queries.js";
import { type ColumnNames, numbers } from "./relation-rows.js";

type Row = Record<string, unknown>;

const MATCH: Record<string, string> = { f: " MATCH FULL", p: " MATCH PARTIAL" };
const ACTIONS: Record<string, string> = {
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};
const yes = (v: unknown) => v === true || v === "t";

/**
 * Give every row of the constraints query its definition, exactly as pg_get_constraintdef writes it. A plain
 * foreign key is written here from its catalog fields; checks, primary keys and unique constraints are asked
 * of the server once per group of rows that read the same (deparse-groups.ts); the rest came with theirs.
 */
export async function completeConstraintDefinitions(
  db: Db,
  constraints: Row[],
  names: ColumnNames,
): Promise<void> {
  const grouped: Row[] = [];
  for (const row of constraints) {
    if (row.definition != null) continue;
    const written = yes(row.plain_fk) ? foreignKey(row, names) : undefined;
    if (written !== undefined) row.definition = written;
    else grouped.push(row);
  }
  if (grouped.length === 0) return;
  const groups = groupByKey(grouped, (row) => deparseGroupKey(row, names));
  const asked = groups.map((group) => String(group[0]?.oid));
  const answers = new Map<string, unknown>();
  for (const row of (await db.query(constraintDefinitionsQuery, [asked])).rows) {
    answers.set(String(row.oid), row.definition);
  }
  for (const group of groups) {
    const definition = answers.get(String(group[0]?.oid));
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
  const onUpdate = ACTIONS[String(row.on_update)];
  const onDelete = ACTIONS[String(row.on_delete)];
  return [
    `FOREIGN KEY (${columns}) REFERENCES ${String(row.refs)}(${referenced})`,
    MATCH[String(row.match)] ?? "",
    onUpdate ? ` ON UPDATE ${onUpdate}` : "",
    onDelete ? ` ON DELETE ${onDelete}` : "",
    yes(row.deferrable) ? " DEFERRABLE" : "",
    yes(row.deferred) ? " INITIALLY DEFERRED" : "",
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

import type { Db } from "../connection.js";
import { groupAlike, rowsByOid } from "./deparse-groups.js";
import {
  defaultBtreeClassesQuery,
  indexDefinitionsQuery,
  indexTreesQuery,
} from "./relation-queries.js";
import { type ColumnNames, numbers, yes } from "./relation-rows.js";

type Row = Record<string, unknown>;

/**
 * Give every index row of the indexes query its CREATE INDEX statement. A plain btree index (see
 * relation-queries.ts) came back with its operator classes, collations and options ("classes/collations/
 * options") instead: when each key column uses its type's default class, its own collation and the default
 * order, the statement is written here exactly as pg_get_indexdef writes it. The others are asked of the
 * server once per group of indexes that read the same but for their names (deparse-groups.ts); an index of a
 * materialized view came with its definition.
 */
export async function completeIndexDefinitions(
  db: Db,
  indexes: Row[],
  names: ColumnNames,
  qualifiedTable: (rel: unknown) => string | undefined,
): Promise<void> {
  const ask: Row[] = [];
  const plain = indexes.filter((i) => yes(i.plain));
  if (plain.length > 0) {
    const defaults = new Map<string, string>();
    for (const row of (await db.query(defaultBtreeClassesQuery)).rows) {
      defaults.set(String(row.type_oid), String(row.class_oid));
    }
    for (const index of plain) {
      const definition = plainDefinition(index, names, defaults, qualifiedTable(index.rel));
      if (definition === undefined) ask.push(index);
      else index.definition = definition;
    }
  }
  for (const index of indexes) if (index.deparse_key != null) ask.push(index);
  if (ask.length === 0) return;
  // Rows of a table not read (no qualified name) are each their own group: they have no columns either.
  const groups = await groupAlike(ask, names, (oids) => rowsByOid(db, indexTreesQuery, oids));
  const answers = await rowsByOid(
    db,
    indexDefinitionsQuery,
    groups.map((group) => String(group[0]?.oid)),
  );
  const retry: Row[] = [];
  for (const [first, ...rest] of groups) {
    if (!first) continue;
    const answer = answers.get(String(first.oid));
    first.definition = answer?.definition;
    first.columns = answer?.columns ?? null;
    for (const index of rest) {
      const definition = renamed(first, index, qualifiedTable);
      if (definition === undefined) retry.push(index);
      else Object.assign(index, { definition, columns: first.columns });
    }
  }
  if (retry.length === 0) return;
  // Not expected: the statement did not start as written for the first of its group.
  const own = await rowsByOid(
    db,
    indexDefinitionsQuery,
    retry.map((i) => String(i.oid)),
  );
  for (const index of retry) {
    const answer = own.get(String(index.oid));
    Object.assign(index, { definition: answer?.definition, columns: answer?.columns ?? null });
  }
}

/**
 * The statement of `index`, from the one the server wrote for `first` of its group: "CREATE [UNIQUE] INDEX
 * <name> ON [ONLY] <table> USING …" with the name and table replaced. Undefined when it does not start so.
 */
function renamed(
  first: Row,
  index: Row,
  qualifiedTable: (rel: unknown) => string | undefined,
): string | undefined {
  const definition = first.definition == null ? undefined : String(first.definition);
  const table = qualifiedTable(first.rel);
  const target = qualifiedTable(index.rel);
  if (definition === undefined || table === undefined || target === undefined) return undefined;
  const create = yes(first.is_unique) ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
  for (const only of ["", "ONLY "]) {
    const head = `${create}${quotedName(first)} ON ${only}${table} USING `;
    if (definition.startsWith(head)) {
      return `${create}${quotedName(index)} ON ${only}${target} USING ${definition.slice(head.length)}`;
    }
  }
  return undefined;
}

/** The index's name as PostgreSQL quotes it (the query sends the quoted form only when it differs). */
const quotedName = (index: Row) => String(index.quoted_name ?? index.name);

function plainDefinition(
  index: Row,
  names: ColumnNames,
  defaults: Map<string, string>,
  table: string | undefined,
): string | undefined {
  if (table === undefined) return undefined;
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
  return `CREATE INDEX ${quotedName(index)} ON ${table} USING btree (${columns
    .slice(0, keyCount)
    .join(", ")})${include}`;
}

import { type Db, eachRow } from "../connection.js";
import {
  type DefaultPrivilegeInfo,
  type PrivilegeInfo,
  qualified,
  type SchemaModel,
} from "../model.js";
import { assembleRelations } from "./assemble-relations.js";
import * as q from "./catalog-queries.js";
import { type ColumnEntry, ColumnRows } from "./column-rows.js";
import { completeConstraintDefinitions } from "./constraint-definitions.js";
import { completeIndexDefinitions } from "./index-definitions.js";
import * as rq from "./relation-queries.js";
import { type ColumnNames, json, list, str } from "./relation-rows.js";
import { type SchemaFilters, selectSchemas } from "./schema-filters.js";

type Row = Record<string, unknown>;

/** Sent before each catalog query with the object kind it reads ("tables", "columns", …). */
export type IntrospectEvent = { type: "introspect"; kind: string; done: number; total: number };

export interface IntrospectOptions {
  signal?: AbortSignal;
  onEvent?: (event: IntrospectEvent) => void;
}

/** The parameters a query takes: the schema names, or the oids of the tables and materialized views read. */
type Params = (names: string[], rows: Record<string, Row[]>) => unknown[];
const inSchemas: Params = (names) => [names];
const oids = (rows: Row[] | undefined, only?: (row: Row) => boolean) =>
  (rows ?? []).filter((r) => !only || only(r)).map((r) => String(r.oid));
const ofTables: Params = (_names, rows) => [oids(rows.tables)];
const ofTablesAndPartitioned: Params = (_names, rows) => [
  oids(rows.tables),
  oids(rows.tables, (t) => t.relkind === "p"),
];
const ofRelations: Params = (_names, rows) => [
  oids(rows.tables),
  oids(rows.views, (v) => Boolean(v.materialized)),
];

/** A query, or one written for the server's version (server_version_num). */
type Sql = string | ((version: number) => string);

/** In this order: the relation queries take the oids the tables and views queries returned. */
const KINDS: Array<[string, Sql, Params]> = [
  ["extensions", q.extensionsQuery, inSchemas],
  ["enums", q.enumsQuery, inSchemas],
  ["domains", q.domainsQuery, inSchemas],
  ["sequences", q.sequencesQuery, inSchemas],
  ["tables", q.tablesQuery, inSchemas],
  ["views", q.viewsQuery, inSchemas],
  ["columnIdentities", rq.columnIdentitiesQuery, ofTables],
  ["columnComments", rq.columnCommentsQuery, ofTables],
  // Streamed into ColumnRows, which takes the two above.
  ["columns", rq.columnsQuery, ofTables],
  ["constraints", rq.constraintsQuery, ofTablesAndPartitioned],
  ["indexes", rq.indexesQuery, ofRelations],
  ["triggers", q.triggersQuery, inSchemas],
  ["policies", q.policiesQuery, inSchemas],
  ["functions", q.functionsQuery, inSchemas],
  ["collations", q.collationsQuery, inSchemas],
  ["aggregates", q.aggregatesQuery, inSchemas],
  ["privileges", q.privilegesQuery, inSchemas],
  ["columnPrivileges", q.columnPrivilegesQuery, inSchemas],
  ["defaultPrivileges", q.defaultPrivilegesQuery, inSchemas],
];

/**
 * Session settings while the catalog is read: names in definitions come out schema-qualified; the queries
 * are large joins run once, so compiling them (JIT) costs more than it saves and sorts of a big catalog
 * would spill to disk under the default work_mem; and parallel workers would each build their own cache of
 * the tables that pg_get_constraintdef / pg_get_indexdef open, on a server that is often reading the other
 * database of the comparison at the same time.
 */
const SESSION: Array<[string, string]> = [
  ["search_path", "pg_catalog"],
  ["work_mem", "64MB"],
  ["jit", "off"],
  ["max_parallel_workers_per_gather", "0"],
];

/**
 * Read the whole schema of a database into a deterministic model: one catalog query per object kind,
 * never one per table. The session's search_path is set to pg_catalog while it runs and restored after.
 */
export async function introspect(
  db: Db,
  filters: SchemaFilters = {},
  options: IntrospectOptions = {},
): Promise<SchemaModel> {
  const saved = await db.query<Record<string, string | null>>(
    `SELECT current_setting('server_version_num') AS version, ${SESSION.map(
      ([name]) => `current_setting('${name}', true) AS "${name}"`,
    ).join(", ")}`,
  );
  // Only settings this server has (an embedded PGlite has no JIT) are changed, and restored after.
  const changed = SESSION.filter(([name]) => saved.rows[0]?.[name] != null);
  const setAll = (values: unknown[]) =>
    db.query(
      `SELECT ${changed.map(([name], i) => `set_config('${name}', $${i + 1}, false)`).join(", ")}`,
      values,
    );
  await setAll(changed.map(([, value]) => value));
  try {
    const allSchemas = (await db.query(q.schemasQuery)).rows;
    const schemaRows = allSchemas.filter((r) => selectSchemas(String(r.name), filters));
    const names = schemaRows.map((r) => String(r.name));
    const version = Number(saved.rows[0]?.version ?? 0);
    const rows: Record<string, Row[]> = { schemaRows };
    let columns = new ColumnRows([], []);
    for (const [index, [kind, sql, params]] of KINDS.entries()) {
      options.signal?.throwIfAborted();
      options.onEvent?.({ type: "introspect", kind, done: index, total: KINDS.length });
      const text = typeof sql === "string" ? sql : sql(version);
      if (kind === "columns") {
        columns = new ColumnRows(rows.columnIdentities ?? [], rows.columnComments ?? []);
        await eachRow(db, text, params(names, rows), (row) => columns.add(row));
      } else {
        rows[kind] = (await db.query(text, params(names, rows))).rows;
      }
    }
    const qualified = new Map((rows.tables ?? []).map((t) => [String(t.oid), String(t.qualified)]));
    const qualifiedTable = (rel: unknown) => qualified.get(String(rel));
    rows.columnPrivileges = columnGrants(
      columns.grants,
      qualifiedTable,
      rows.columnPrivileges ?? [],
    );
    await completeConstraintDefinitions(db, rows.constraints ?? [], columns.names, qualifiedTable);
    await completeIndexDefinitions(db, rows.indexes ?? [], columns.names, qualifiedTable);
    return assemble(version, rows, columns.entries(), columns.names);
  } finally {
    await setAll(changed.map(([name]) => saved.rows[0]?.[name]));
  }
}

/** The column grants of tables (from the columns query) with those of the other relations, by object and column. */
function columnGrants(
  tables: Row[],
  qualifiedTable: (rel: unknown) => string | undefined,
  others: Row[],
): Row[] {
  const grants = [...others];
  for (const g of tables) grants.push({ ...g, object: qualifiedTable(g.rel) });
  const order = (r: Row) => `${String(r.object)}\u0000${String(r.column)}`;
  return grants.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

function assemble(
  serverVersion: number,
  r: Record<string, Row[]>,
  columns: ColumnEntry[],
  names: ColumnNames,
): SchemaModel {
  const { tables, views } = assembleRelations(r, columns, names);
  return {
    serverVersion,
    schemas: (r.schemaRows ?? []).map((s) => ({ name: String(s.name), comment: str(s.comment) })),
    extensions: (r.extensions ?? []).map((e) => ({
      name: String(e.name),
      schema: String(e.schema),
      version: String(e.version),
    })),
    enums: (r.enums ?? []).map((e) => ({
      schema: String(e.schema),
      name: String(e.name),
      values: list(e.values),
      comment: str(e.comment),
    })),
    domains: (r.domains ?? []).map((d) => ({
      schema: String(d.schema),
      name: String(d.name),
      type: String(d.type),
      notNull: Boolean(d.not_null),
      default: str(d.default_value),
      collation: str(d.collation),
      checks: json<{ name: string; definition: string; validated: boolean }[]>(d.checks),
      comment: str(d.comment),
    })),
    sequences: (r.sequences ?? []).map((s) => ({
      schema: String(s.schema),
      name: String(s.name),
      type: String(s.type),
      start: String(s.start),
      increment: String(s.increment),
      min: String(s.min),
      max: String(s.max),
      cache: String(s.cache),
      cycle: Boolean(s.cycle),
      ownedBy: str(s.owned_by),
    })),
    collations: (r.collations ?? []).map((c) => ({
      schema: String(c.schema),
      name: String(c.name),
      provider: String(c.provider),
      locale: String(c.locale ?? ""),
      ...(c.ctype ? { ctype: String(c.ctype) } : {}),
      deterministic: Boolean(c.deterministic),
      comment: str(c.comment),
    })),
    aggregates: (r.aggregates ?? []).map((a) => ({
      schema: String(a.schema),
      name: String(a.name),
      args: String(a.args),
      definition: String(a.definition),
      comment: str(a.comment),
    })),
    privileges: (r.privileges ?? [])
      .map((p) => ({
        kind: String(p.kind) as PrivilegeInfo["kind"],
        object: String(p.object),
        grants: list(p.grants),
        defaults: list(p.defaults),
      }))
      .concat(
        (r.columnPrivileges ?? []).map((p) => ({
          kind: "column" as const,
          object: String(p.object),
          column: String(p.column),
          grants: list(p.grants),
          defaults: [],
        })),
      ),
    defaultPrivileges: (r.defaultPrivileges ?? []).map((p) => ({
      role: String(p.role),
      ...(p.schema ? { schema: String(p.schema) } : {}),
      objectType: String(p.object_type) as DefaultPrivilegeInfo["objectType"],
      grants: list(p.grants),
      defaults: list(p.defaults),
    })),
    tables,
    views,
    functions: (r.functions ?? []).map((f) => ({
      schema: String(f.schema),
      name: String(f.name),
      args: String(f.args),
      kind: f.kind === "p" ? "procedure" : "function",
      returns: str(f.returns),
      definition: String(f.definition).trim(),
      comment: str(f.comment),
      ...(f.depends_on ? { dependsOn: list(f.depends_on).sort() } : {}),
      ...(f.depends_on_tables
        ? {
            dependsOnTables: json<[string, string][]>(f.depends_on_tables)
              .map(([schema, name]) => qualified(schema, name))
              .sort(),
          }
        : {}),
    })),
  };
}

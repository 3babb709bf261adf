import { stat } from "node:fs/promises";
import { redactConnectionString } from "../../shared/redact.js";
import { UserError } from "../../shared/user-error.js";
import {
  connectServer,
  type Db,
  hasLibpqEnvironment,
  resolveConnectionString,
} from "../connection.js";
import { looksLikeConnection } from "../connection-string.js";
import { introspect } from "../introspect/introspect.js";
import { type SchemaFilters, selectSchemas } from "../introspect/schema-filters.js";
import { quoteIdent, type SchemaModel } from "../model.js";
import { readSnapshot } from "./snapshot.js";
import { loadSqlSource } from "./sql-source.js";

/**
 * Anything a schema can be read from: a live database URL, a .sql file, a folder of migration files,
 * or a snapshot .json. `db` is open for live and SQL sources (SQL sources live in an embedded PGlite).
 */
export interface SchemaSource {
  kind: "server" | "sql-file" | "migrations-folder" | "snapshot";
  /** Safe to print (passwords replaced by ***). */
  label: string;
  db?: Db;
  model(filters?: SchemaFilters): Promise<SchemaModel>;
  close(): Promise<void>;
}

/** A database rather than a file: any URL, a key=value string or user:password@host (validated on connect). */
export function isConnectionString(spec: string): boolean {
  return looksLikeConnection(spec);
}

/**
 * Open a source from its spec: postgres:// URL, .sql file, folder, or snapshot .json.
 * `undefined` means the database named by the environment (DATABASE_URL, else the libpq PG* variables).
 */
export async function openSource(spec: string | undefined): Promise<SchemaSource> {
  if (spec === undefined) {
    const url = resolveConnectionString(undefined);
    if (!url && !hasLibpqEnvironment()) {
      throw new UserError("no database given", {
        hint: "pass --connection postgres://user@host:5432/db, or set DATABASE_URL or the PG* variables",
      });
    }
    const db = await connectServer(url);
    return fromDb("server", db.label, db);
  }
  if (isConnectionString(spec)) {
    return fromDb("server", redactConnectionString(spec), await connectServer(spec));
  }
  const info = await stat(spec).catch(() => undefined);
  if (!info) {
    throw new UserError(`${spec}: no such file or folder`, {
      hint: "a schema source is a postgres:// URL, a .sql file, a folder of migrations or a snapshot .json",
    });
  }
  if (info.isDirectory()) return fromDb("migrations-folder", spec, await loadSqlSource(spec, true));
  if (spec.endsWith(".json")) {
    const snapshot = await readSnapshot(spec);
    return {
      kind: "snapshot",
      label: spec,
      model: async (filters) => filterModel(snapshot.model, filters),
      close: async () => {},
    };
  }
  return fromDb("sql-file", spec, await loadSqlSource(spec, false));
}

/** Wrap an already open database (a server connection or an embedded instance) as a source. */
export function fromDb(kind: SchemaSource["kind"], label: string, db: Db): SchemaSource {
  return { kind, label, db, model: (filters) => introspect(db, filters), close: () => db.close() };
}

function filterModel(model: SchemaModel, filters: SchemaFilters = {}): SchemaModel {
  const keep = (schema: string) => selectSchemas(schema, filters);
  return {
    ...model,
    schemas: model.schemas.filter((s) => keep(s.name)),
    extensions: model.extensions.filter((e) => keep(e.schema)),
    enums: model.enums.filter((e) => keep(e.schema)),
    domains: model.domains.filter((d) => keep(d.schema)),
    sequences: model.sequences.filter((s) => keep(s.schema)),
    tables: model.tables.filter((t) => keep(t.schema)),
    views: model.views.filter((v) => keep(v.schema)),
    functions: model.functions.filter((f) => keep(f.schema)),
    collations: model.collations?.filter((c) => keep(c.schema)),
    aggregates: model.aggregates?.filter((a) => keep(a.schema)),
    // Privileges name their object "schema.name…" (quoted): keep those whose schema is kept.
    privileges: model.privileges?.filter((p) =>
      model.schemas.some((s) => keep(s.name) && objectInSchema(p, s.name)),
    ),
    defaultPrivileges: model.defaultPrivileges?.filter((p) => !p.schema || keep(p.schema)),
  };
}

function objectInSchema(p: { kind: string; object: string }, schema: string): boolean {
  const q = quoteIdent(schema);
  return p.kind === "schema" ? p.object === q : p.object.startsWith(`${q}.`);
}

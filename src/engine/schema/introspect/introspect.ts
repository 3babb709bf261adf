import type { Db } from "../connection.js";
import type {
  AttachedIndex,
  ColumnInfo,
  ConstraintInfo,
  ConstraintType,
  DefaultPrivilegeInfo,
  IndexInfo,
  PolicyInfo,
  PrivilegeInfo,
  SchemaModel,
  TableInfo,
  TriggerInfo,
  ViewInfo,
} from "../model.js";
import * as q from "./catalog-queries.js";
import { type SchemaFilters, selectSchemas } from "./schema-filters.js";

type Row = Record<string, unknown>;

const str = (v: unknown): string | undefined =>
  v === null || v === undefined ? undefined : String(v);
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === "string" ? (JSON.parse(v) as string[]) : [];
const json = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
const key = (schema: unknown, name: unknown) => `${String(schema)}\u0000${String(name)}`;
const byName = <T extends { name: string }>(a: T, b: T) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

const CONSTRAINT_TYPES: Record<string, ConstraintType> = {
  p: "primary-key",
  u: "unique",
  f: "foreign-key",
  c: "check",
  x: "exclude",
};
const TRIGGER_STATE: Record<string, TriggerInfo["enabled"]> = {
  O: "enabled",
  D: "disabled",
  R: "replica",
  A: "always",
};
const POLICY_COMMANDS: Record<string, PolicyInfo["command"]> = {
  "*": "ALL",
  r: "SELECT",
  a: "INSERT",
  w: "UPDATE",
  d: "DELETE",
};

/** Sent before each catalog query with the object kind it reads ("tables", "columns", …). */
export type IntrospectEvent = { type: "introspect"; kind: string; done: number; total: number };

export interface IntrospectOptions {
  signal?: AbortSignal;
  onEvent?: (event: IntrospectEvent) => void;
}

const KINDS: Array<[string, string]> = [
  ["extensions", q.extensionsQuery],
  ["enums", q.enumsQuery],
  ["domains", q.domainsQuery],
  ["sequences", q.sequencesQuery],
  ["tables", q.tablesQuery],
  ["columns", q.columnsQuery],
  ["constraints", q.constraintsQuery],
  ["indexes", q.indexesQuery],
  ["triggers", q.triggersQuery],
  ["policies", q.policiesQuery],
  ["views", q.viewsQuery],
  ["functions", q.functionsQuery],
  ["collations", q.collationsQuery],
  ["aggregates", q.aggregatesQuery],
  ["privileges", q.privilegesQuery],
  ["columnPrivileges", q.columnPrivilegesQuery],
  ["defaultPrivileges", q.defaultPrivilegesQuery],
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
  const saved = await db.query<{ path: string; version: string; jit: string; mem: string }>(
    `SELECT current_setting('search_path') AS path, current_setting('server_version_num') AS version,
       current_setting('jit', true) AS jit, current_setting('work_mem') AS mem`,
  );
  const savedPath = saved.rows[0]?.path ?? "public";
  // The catalog queries are large joins run once: compiling them (JIT) costs more than it saves, and
  // sorts of a big catalog spill to disk under the default work_mem.
  await db.query(
    `SELECT set_config('search_path', 'pg_catalog', false), set_config('work_mem', '64MB', false)${
      saved.rows[0]?.jit ? ", set_config('jit', 'off', false)" : ""
    }`,
  );
  try {
    const allSchemas = (await db.query(q.schemasQuery)).rows;
    const schemaRows = allSchemas.filter((r) => selectSchemas(String(r.name), filters));
    const names = schemaRows.map((r) => String(r.name));
    const rows: Record<string, Row[]> = { schemaRows };
    for (const [index, [kind, sql]] of KINDS.entries()) {
      options.signal?.throwIfAborted();
      options.onEvent?.({ type: "introspect", kind, done: index, total: KINDS.length });
      rows[kind] = (await db.query(sql, [names])).rows;
    }
    return assemble(Number(saved.rows[0]?.version ?? 0), rows);
  } finally {
    const restore = saved.rows[0];
    await db.query(
      `SELECT set_config('search_path', $1, false), set_config('work_mem', $2, false)${
        restore?.jit ? ", set_config('jit', $3, false)" : ""
      }`,
      restore?.jit ? [savedPath, restore.mem, restore.jit] : [savedPath, restore?.mem ?? "4MB"],
    );
  }
}

function assemble(serverVersion: number, r: Record<string, Row[]>): SchemaModel {
  const tables = new Map<string, TableInfo>();
  for (const t of r.tables ?? []) {
    tables.set(key(t.schema, t.name), {
      schema: String(t.schema),
      name: String(t.name),
      kind: t.relkind === "p" ? "partitioned" : "table",
      unlogged: Boolean(t.unlogged),
      partitionKey: str(t.partition_key),
      partitionOf: t.parent ? { parent: String(t.parent), bound: String(t.bound) } : undefined,
      rlsEnabled: Boolean(t.rls_enabled),
      rlsForced: Boolean(t.rls_forced),
      columns: [],
      constraints: [],
      indexes: [],
      triggers: [],
      policies: [],
      comment: str(t.comment),
      ...(t.inherits ? { inherits: list(t.inherits) } : {}),
      ...(t.replica_identity ? { replicaIdentity: String(t.replica_identity) } : {}),
      ...(t.valid_checks ? { validChecks: list(t.valid_checks) } : {}),
    });
  }
  const views = new Map<string, ViewInfo>();
  for (const v of r.views ?? []) {
    views.set(key(v.schema, v.name), {
      schema: String(v.schema),
      name: String(v.name),
      materialized: Boolean(v.materialized),
      definition: String(v.definition).trim(),
      options: list(v.options).sort(),
      dependsOn: list(v.depends_on).sort(),
      indexes: [],
      comment: str(v.comment),
    });
  }
  for (const c of r.columns ?? [])
    tables.get(key(c.schema, c.table_name))?.columns.push(toColumn(c));
  for (const c of r.constraints ?? []) {
    tables.get(key(c.schema, c.table_name))?.constraints.push(toConstraint(c));
  }
  for (const i of r.indexes ?? []) {
    const owner = tables.get(key(i.schema, i.table_name)) ?? views.get(key(i.schema, i.table_name));
    owner?.indexes.push(toIndex(i));
  }
  for (const t of r.triggers ?? []) {
    const trigger: TriggerInfo = {
      name: String(t.name),
      definition: String(t.definition),
      enabled: TRIGGER_STATE[String(t.enabled)] ?? "enabled",
      comment: str(t.comment),
    };
    const table = tables.get(key(t.schema, t.table_name));
    if (table) table.triggers.push(trigger);
    else {
      const view = views.get(key(t.schema, t.table_name));
      if (view) view.triggers = [...(view.triggers ?? []), trigger];
    }
  }
  for (const p of r.policies ?? []) {
    tables.get(key(p.schema, p.table_name))?.policies.push({
      name: String(p.name),
      permissive: Boolean(p.permissive),
      command: POLICY_COMMANDS[String(p.command)] ?? "ALL",
      roles: list(p.roles).sort(),
      using: str(p.using_expr),
      check: str(p.check_expr),
    });
  }
  for (const t of tables.values()) {
    t.constraints.sort(byName);
    t.indexes.sort(byName);
    t.triggers.sort(byName);
    t.policies.sort(byName);
  }
  for (const v of views.values()) {
    v.indexes.sort(byName);
    v.triggers?.sort(byName);
  }
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
    tables: [...tables.values()],
    views: [...views.values()],
    functions: (r.functions ?? []).map((f) => ({
      schema: String(f.schema),
      name: String(f.name),
      args: String(f.args),
      kind: f.kind === "p" ? "procedure" : "function",
      returns: str(f.returns),
      definition: String(f.definition).trim(),
      comment: str(f.comment),
      ...(f.depends_on ? { dependsOn: list(f.depends_on).sort() } : {}),
    })),
  };
}

function toColumn(c: Row): ColumnInfo {
  const generated = String(c.generated ?? "");
  const identity = String(c.identity ?? "");
  return {
    name: String(c.name),
    type: String(c.type),
    notNull: Boolean(c.not_null),
    default: generated === "" ? str(c.expression) : undefined,
    identity: identity === "a" ? "always" : identity === "d" ? "by default" : undefined,
    generated:
      generated === ""
        ? undefined
        : { expression: String(c.expression), stored: generated === "s" },
    collation: str(c.collation),
    comment: str(c.comment),
    ...(c.inherited ? { inherited: true } : {}),
    ...(c.identity_options
      ? { identityOptions: json<ColumnInfo["identityOptions"]>(c.identity_options) }
      : {}),
  };
}

function toConstraint(c: Row): ConstraintInfo {
  return {
    name: String(c.name),
    type: CONSTRAINT_TYPES[String(c.type)] ?? "check",
    // pg_get_constraintdef() ends a NOT VALID one with "NOT VALID": that is `validated`.
    definition: String(c.definition).replace(/ NOT VALID$/, ""),
    columns: list(c.columns),
    validated: Boolean(c.validated),
    references: str(c.refs),
    comment: str(c.comment),
    ...(c.attached ? { attached: attachedIndexes(c.attached) } : {}),
  };
}

function attachedIndexes(value: unknown): AttachedIndex[] {
  return json<Array<AttachedIndex & { constraint: AttachedIndex["constraint"] | null }>>(value).map(
    ({ constraint, ...i }) => (constraint ? { ...i, constraint } : i),
  );
}

function toIndex(i: Row): IndexInfo {
  const columns = list(i.columns);
  const keyCount = Number(i.key_count);
  return {
    name: String(i.name),
    definition: String(i.definition),
    method: String(i.method),
    unique: Boolean(i.is_unique),
    partial: Boolean(i.partial),
    columns: columns.slice(0, keyCount),
    include: columns.slice(keyCount),
    valid: Boolean(i.valid),
    comment: str(i.comment),
    ...(i.attached ? { attached: attachedIndexes(i.attached) } : {}),
  };
}

/**
 * The introspected schema model: plain, deterministic JSON (every list sorted by name),
 * the same whether it came from a server, an embedded PGlite or a snapshot file.
 * Names inside definitions are schema-qualified (introspection runs with search_path = pg_catalog).
 */
export interface SchemaModel {
  /** server_version_num of the database it came from, e.g. 150004. */
  serverVersion: number;
  schemas: SchemaInfo[];
  extensions: ExtensionInfo[];
  enums: EnumInfo[];
  domains: DomainInfo[];
  sequences: SequenceInfo[];
  tables: TableInfo[];
  views: ViewInfo[];
  functions: FunctionInfo[];
  /** User-defined collations (absent in snapshots written before they were read). */
  collations?: CollationInfo[];
  /** Aggregates (CREATE AGGREGATE); absent in older snapshots. */
  aggregates?: AggregateInfo[];
  /** Objects whose privileges differ from their owner's default (GRANT / REVOKE); absent in older snapshots. */
  privileges?: PrivilegeInfo[];
  /** ALTER DEFAULT PRIVILEGES entries; absent in older snapshots. */
  defaultPrivileges?: DefaultPrivilegeInfo[];
}

export interface AggregateInfo {
  schema: string;
  name: string;
  /** Identity argument list, e.g. "integer" or "VARIADIC \"any\" ORDER BY VARIADIC \"any\"". */
  args: string;
  /** The full CREATE AGGREGATE statement. */
  definition: string;
  comment?: string;
}

/** Grants as "grantee=PRIVILEGE", with a trailing "*" when WITH GRANT OPTION; sorted. */
export interface PrivilegeInfo {
  kind: "table" | "sequence" | "function" | "procedure" | "type" | "schema" | "column";
  /** Qualified name; a function's with its identity arguments: "public.f(a integer)"; a column's table. */
  object: string;
  /** The column of a column privilege (GRANT SELECT (col) ON …), unquoted. */
  column?: string;
  grants: string[];
  /** What the object's owner starts with (acldefault): the state of a new object. */
  defaults: string[];
}

export interface DefaultPrivilegeInfo {
  /** The role whose new objects get these privileges (quoted when needed). */
  role: string;
  /** Only objects created in this schema; absent for the role's global defaults. */
  schema?: string;
  objectType: "tables" | "sequences" | "functions" | "types" | "schemas";
  grants: string[];
  /** The built-in default of a global entry (empty for a schema's entry, which only adds). */
  defaults: string[];
}

export interface CollationInfo {
  schema: string;
  name: string;
  /** "libc" | "icu" */
  provider: string;
  /** ICU locale, or libc lc_collate. */
  locale: string;
  /** libc lc_ctype when it differs from lc_collate. */
  ctype?: string;
  deterministic: boolean;
  comment?: string;
}

export interface SchemaInfo {
  name: string;
  comment?: string;
}

export interface ExtensionInfo {
  name: string;
  schema: string;
  version: string;
}

export interface EnumInfo {
  schema: string;
  name: string;
  values: string[];
  comment?: string;
}

export interface DomainInfo {
  schema: string;
  name: string;
  /** Base type, e.g. "text" or "numeric(10,2)". */
  type: string;
  notNull: boolean;
  default?: string;
  collation?: string;
  checks: { name: string; definition: string; validated: boolean }[];
  comment?: string;
}

export interface SequenceInfo {
  schema: string;
  name: string;
  type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  /** "schema.table.column" for sequences owned by a column (serial). */
  ownedBy?: string;
}

export interface TableInfo {
  schema: string;
  name: string;
  /** "partitioned" for a table declared PARTITION BY. */
  kind: "table" | "partitioned";
  unlogged: boolean;
  /** PARTITION BY clause of a partitioned table, e.g. "RANGE (created_at)". */
  partitionKey?: string;
  /** Set for a partition: the parent ("schema.table") and the bound ("FOR VALUES …"). */
  partitionOf?: { parent: string; bound: string };
  rlsEnabled: boolean;
  rlsForced: boolean;
  columns: ColumnInfo[];
  constraints: ConstraintInfo[];
  indexes: IndexInfo[];
  triggers: TriggerInfo[];
  policies: PolicyInfo[];
  comment?: string;
  /** Parents of a table made with INHERITS ("schema.table"), in order. */
  inherits?: string[];
  /** REPLICA IDENTITY other than the default: "full", "nothing" or "index:<name>". */
  replicaIdentity?: string;
  /** A partition's CHECK constraints inherited NOT VALID from its parent but validated on it (names). */
  validChecks?: string[];
}

export interface IdentityOptions {
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
}

export interface ColumnInfo {
  name: string;
  /** format_type() output, e.g. "character varying(40)", "public.mood". */
  type: string;
  notNull: boolean;
  default?: string;
  /** "always" | "by default" for identity columns. */
  identity?: "always" | "by default";
  /** Options of an identity column's sequence. */
  identityOptions?: IdentityOptions;
  /** Generation expression of a generated column, with its kind. */
  generated?: { expression: string; stored: boolean };
  /** Explicit collation when it differs from the type's default. */
  collation?: string;
  comment?: string;
  /** Comes only from an INHERITS parent (not declared on this table itself). */
  inherited?: boolean;
}

export type ConstraintType = "primary-key" | "unique" | "foreign-key" | "check" | "exclude";

export interface ConstraintInfo {
  name: string;
  type: ConstraintType;
  /** pg_get_constraintdef(): "FOREIGN KEY (a) REFERENCES public.t(id) ON DELETE CASCADE DEFERRABLE". */
  definition: string;
  columns: string[];
  /** false for a constraint added NOT VALID and not validated since. */
  validated: boolean;
  /** Referenced table ("schema.table") of a foreign key. */
  references?: string;
  comment?: string;
  /** Primary key or unique constraint of a partitioned table: the partitions' indexes attached to its index. */
  attached?: AttachedIndex[];
}

export interface IndexInfo {
  name: string;
  /** pg_get_indexdef(): the full CREATE [UNIQUE] INDEX statement. */
  definition: string;
  method: string;
  unique: boolean;
  partial: boolean;
  /** Key columns (expressions shown as written), then INCLUDE columns. */
  columns: string[];
  include: string[];
  valid: boolean;
  comment?: string;
  /** Index of a partitioned table: the partitions' indexes attached to it. */
  attached?: AttachedIndex[];
}

/** A partition's index attached to its parent's partitioned index (pg_inherits on indexes). */
export interface AttachedIndex {
  schema: string;
  table: string;
  name: string;
  definition: string;
  /** The partition's constraint this index backs (its name is the index's name). */
  constraint?: "PRIMARY KEY" | "UNIQUE";
}

export interface TriggerInfo {
  name: string;
  /** pg_get_triggerdef(): the full CREATE TRIGGER statement. */
  definition: string;
  /** "enabled" unless disabled (or set to replica/always). */
  enabled: "enabled" | "disabled" | "replica" | "always";
  comment?: string;
}

export interface PolicyInfo {
  name: string;
  permissive: boolean;
  command: "ALL" | "SELECT" | "INSERT" | "UPDATE" | "DELETE";
  roles: string[];
  using?: string;
  check?: string;
}

export interface ViewInfo {
  schema: string;
  name: string;
  materialized: boolean;
  /** pg_get_viewdef(): the SELECT. */
  definition: string;
  /** reloptions, e.g. ["security_barrier=true"]. */
  options: string[];
  /** Relations ("schema.name") the view reads, for dependency order. */
  dependsOn: string[];
  /** Indexes of a materialized view. */
  indexes: IndexInfo[];
  /** INSTEAD OF (and other) triggers on the view; absent in older snapshots. */
  triggers?: TriggerInfo[];
  comment?: string;
}

export interface FunctionInfo {
  schema: string;
  name: string;
  /** Identity argument list, e.g. "a integer, b text"; part of the identity. */
  args: string;
  kind: "function" | "procedure";
  returns?: string;
  /** pg_get_functiondef(): the full CREATE OR REPLACE statement. */
  definition: string;
  comment?: string;
  /** Functions of ours it calls, as "schema.name(identity args)" (pg_depend: SQL-standard bodies). */
  dependsOn?: string[];
  /**
   * Tables it cannot outlive, as "schema.name": their row type is in its arguments or result, or its
   * SQL-standard body reads them (pg_depend).
   */
  dependsOnTables?: string[];
}

export function emptyModel(serverVersion = 0): SchemaModel {
  return {
    serverVersion,
    schemas: [],
    extensions: [],
    enums: [],
    domains: [],
    sequences: [],
    tables: [],
    views: [],
    functions: [],
  };
}

/** Double-quote an identifier when PostgreSQL would need it. */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name)
    ? name
    : `"${name.replace(/"/g, '""')}"`;
}

export function qualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const RESERVED = new Set(
  (
    "all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate " +
    "collation column concurrently constraint create cross current_catalog current_date current_role " +
    "current_schema current_time current_timestamp current_user default deferrable desc distinct do else " +
    "end except false fetch for foreign freeze from full grant group having ilike in initially inner intersect " +
    "into is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null " +
    "offset on only or order outer overlaps placing primary references returning right select session_user " +
    "similar some symmetric system_user table tablesample then to trailing true union unique user using " +
    "variadic verbose when where window with"
  ).split(" "),
);

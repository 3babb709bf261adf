/**
 * What `--from-db` needs to know about a table to scaffold CRUD routes for it, taken from the schema
 * engine's introspection (see `tables-from-schema.ts`).
 */
export interface CrudColumn {
  name: string;
  /** The type as PostgreSQL's format_type prints it: `integer`, `character varying(120)`, `text[]`, `numeric(10,2)`, an enum's name. */
  type: string;
  nullable: boolean;
  /** Has a DEFAULT (serials and identities BY DEFAULT count): may be left out on create. */
  hasDefault: boolean;
  /** Identity ALWAYS or a generated column: never written by the API. */
  generated: boolean;
  /** Labels when the type is an enum. */
  enumValues?: string[];
}

export interface CrudTable {
  schema: string;
  name: string;
  columns: CrudColumn[];
  /** Primary key columns in key order; empty when the table has none (it gets read-only routes). */
  primaryKey: string[];
  /** Columns that lead an index (btree-usable equality filters on list). */
  indexedColumns: string[];
  /** CHECK constraint definitions as pg_get_constraintdef prints them: `CHECK ((price >= (0)::numeric))`. */
  checks: string[];
}

import type { AnalyzeContext } from "./finding.js";

/** One index with what the index checks need, read for the whole database in one query. */
export interface IndexInfo {
  schema: string;
  table: string;
  name: string;
  /** Key column names in order; null entries are expressions. */
  columns: Array<string | null>;
  /** Number of key columns (INCLUDE columns are not keys). */
  keyCount: number;
  unique: boolean;
  primary: boolean;
  valid: boolean;
  method: string;
  /** WHERE clause of a partial index, else null. */
  predicate: string | null;
  /** Expression text for expression indexes, else null. */
  expressions: string | null;
  /** Opclasses / collations / options in one comparable string. */
  keySignature: string;
  definition: string;
  scans: number;
  sizeBytes: number;
  /** Backs a constraint (PK, UNIQUE, EXCLUDE): dropping it means dropping the constraint. */
  constraint: string | null;
}

export function readIndexes(ctx: AnalyzeContext): Promise<IndexInfo[]> {
  return ctx.memo("indexes", () => queryIndexes(ctx));
}

async function queryIndexes(ctx: AnalyzeContext): Promise<IndexInfo[]> {
  const r = await ctx.db.query<{
    schema: string;
    table: string;
    name: string;
    columns: Array<string | null>;
    key_count: number;
    unique: boolean;
    primary: boolean;
    valid: boolean;
    method: string;
    predicate: string | null;
    expressions: string | null;
    key_signature: string;
    definition: string;
    scans: string | number | null;
    size_bytes: string | number;
    constraint: string | null;
  }>(`
SELECT n.nspname AS schema, t.relname AS "table", c.relname AS name,
       ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
               LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum AND k.attnum > 0
              WHERE k.ord <= x.indnkeyatts ORDER BY k.ord) AS columns,
       x.indnkeyatts::int AS key_count, x.indisunique AS "unique", x.indisprimary AS "primary",
       x.indisvalid AS valid, am.amname AS method,
       pg_get_expr(x.indpred, x.indrelid) AS predicate,
       pg_get_expr(x.indexprs, x.indrelid) AS expressions,
       x.indclass::text || '/' || x.indcollation::text || '/' || x.indoption::text AS key_signature,
       pg_get_indexdef(x.indexrelid) AS definition,
       s.idx_scan AS scans, pg_relation_size(x.indexrelid) AS size_bytes,
       con.conname AS "constraint"
  FROM pg_index x
  JOIN pg_class c ON c.oid = x.indexrelid
  JOIN pg_class t ON t.oid = x.indrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
  JOIN pg_am am ON am.oid = c.relam
  LEFT JOIN pg_stat_user_indexes s ON s.indexrelid = x.indexrelid
  LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid AND con.contype IN ('p', 'u', 'x')
 WHERE ${ctx.schemaFilter("n.nspname")}
 ORDER BY n.nspname, t.relname, c.relname`);
  return r.rows.map((row) => ({
    schema: row.schema,
    table: row.table,
    name: row.name,
    columns: row.columns,
    keyCount: row.key_count,
    unique: row.unique,
    primary: row.primary,
    valid: row.valid,
    method: row.method,
    predicate: row.predicate,
    expressions: row.expressions,
    keySignature: row.key_signature,
    definition: row.definition,
    scans: Number(row.scans ?? 0),
    sizeBytes: Number(row.size_bytes),
    constraint: row.constraint,
  }));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(0)} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

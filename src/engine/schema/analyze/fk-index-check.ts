import {
  type AnalyzeCheck,
  type AnalyzeContext,
  type Finding,
  guideLink,
  ident,
  qualified,
} from "./finding.js";
import { type IndexInfo, readIndexes } from "./index-catalog.js";

/**
 * Foreign keys whose columns do not lead any valid, non-partial btree index on the referencing table.
 * Without one, every DELETE/UPDATE of a referenced row scans the referencing table (under lock),
 * and joins from parent to children cannot use an index.
 */
export const fkIndexCheck: AnalyzeCheck = {
  id: "fk-without-index",
  title: "Foreign keys without a covering index",
  async run(ctx) {
    const fks = await readForeignKeys(ctx);
    const indexes = await readIndexes(ctx);
    const findings: Finding[] = [];
    for (const fk of fks) {
      const onTable = indexes.filter((i) => i.schema === fk.schema && i.table === fk.table);
      if (onTable.some((i) => covers(i, fk.columns))) continue;
      const name = indexName(fk.table, fk.columns);
      const target = qualified(fk.schema, fk.table);
      const cols = fk.columns.map(ident).join(", ");
      const sql = `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${ident(name)} ON ${target} (${cols});`;
      findings.push({
        check: this.id,
        severity: "warning",
        object: `${fk.schema}.${fk.table} (${fk.columns.join(", ")})`,
        title: `foreign key ${fk.name} → ${fk.ref} has no index starting with its column(s)`,
        why: "deleting or updating a referenced row scans the whole referencing table while holding locks, and joins from the parent side cannot use an index",
        fix: sql,
        guide: guideLink("foreign-keys-without-an-index"),
        suggestedIndex: {
          name,
          table: target,
          sql,
          downSql: `DROP INDEX CONCURRENTLY IF EXISTS ${qualified(fk.schema, name)};`,
        },
      });
    }
    return findings;
  },
};

/** The index's leading key columns are exactly the FK columns (in any order). */
export function covers(index: IndexInfo, fkColumns: string[]): boolean {
  if (!index.valid || index.predicate !== null || index.method !== "btree") return false;
  if (index.keyCount < fkColumns.length) return false;
  const lead = index.columns.slice(0, fkColumns.length);
  if (lead.some((c) => c === null)) return false;
  const set = new Set(lead);
  return fkColumns.every((c) => set.has(c));
}

export function indexName(table: string, columns: string[]): string {
  const full = `${table}_${columns.join("_")}_idx`;
  return full.length <= 63 ? full : `${full.slice(0, 59)}_idx`;
}

export interface ForeignKeyInfo {
  schema: string;
  table: string;
  name: string;
  columns: string[];
  ref: string;
}

export function readForeignKeys(ctx: AnalyzeContext): Promise<ForeignKeyInfo[]> {
  return ctx.memo("foreign-keys", () => queryForeignKeys(ctx));
}

async function queryForeignKeys(ctx: AnalyzeContext): Promise<ForeignKeyInfo[]> {
  const r = await ctx.db.query<{
    schema: string;
    table: string;
    name: string;
    columns: string[];
    ref: string;
  }>(`
SELECT n.nspname AS schema, t.relname AS "table", k.conname AS name,
       ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord) AS columns,
       k.confrelid::regclass::text AS ref
  FROM pg_constraint k
  JOIN pg_class t ON t.oid = k.conrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
 WHERE k.contype = 'f' AND ${ctx.schemaFilter("n.nspname")}
 ORDER BY 1, 2, 3`);
  return r.rows;
}

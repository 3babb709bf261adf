import type { Db } from "../../schema/index.js";
import type { CrudColumn, CrudTable } from "./crud-table.js";

/**
 * Read the tables `--from-db` scaffolds from the PostgreSQL catalog: columns with their types,
 * nullability, defaults, identity/generated flags and enum labels; primary keys, the leading columns
 * of indexes, and CHECK constraints. System schemas are left out.
 */
export async function readCrudTables(db: Db, signal?: AbortSignal): Promise<CrudTable[]> {
  const tables = await db.query<{ oid: number; schema: string; name: string }>(
    `SELECT c.oid::int AS oid, n.nspname::text AS schema, c.relname::text AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      ORDER BY 2, 3`,
  );
  signal?.throwIfAborted();
  if (tables.rows.length === 0) return [];
  const oids = tables.rows.map((t) => t.oid);
  const columns = await db.query<{
    oid: number;
    name: string;
    type: string;
    nullable: boolean;
    has_default: boolean;
    generated: boolean;
    enum_values: string[] | null;
  }>(
    `SELECT a.attrelid::int AS oid, a.attname::text AS name,
            format_type(a.atttypid, a.atttypmod) AS type,
            NOT a.attnotnull AS nullable,
            (a.atthasdef OR a.attidentity = 'd') AS has_default,
            (a.attidentity = 'a' OR a.attgenerated <> '') AS generated,
            CASE WHEN t.typtype = 'e' THEN
              (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)
            END AS enum_values
       FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
      WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum`,
    [oids],
  );
  signal?.throwIfAborted();
  const indexes = await db.query<{ oid: number; primary: boolean; columns: string[] }>(
    `SELECT i.indrelid::int AS oid, i.indisprimary AS primary,
            array(SELECT a.attname::text
                    FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS columns,
            i.indkey[0] <> 0 AS leads_with_column
       FROM pg_index i
      WHERE i.indrelid = ANY($1::oid[]) AND i.indisvalid AND i.indpred IS NULL`,
    [oids],
  );
  const checks = await db.query<{ oid: number; definition: string }>(
    `SELECT conrelid::int AS oid, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'c' AND conrelid = ANY($1::oid[])
      ORDER BY conname`,
    [oids],
  );
  return tables.rows.map((t) => {
    const own = <R extends { oid: number }>(rows: R[]) => rows.filter((r) => r.oid === t.oid);
    const tableIndexes = own(indexes.rows) as Array<{
      primary: boolean;
      columns: string[];
      leads_with_column?: boolean;
    }>;
    const primary = tableIndexes.find((i) => i.primary);
    return {
      schema: t.schema,
      name: t.name,
      columns: own(columns.rows).map(
        (c): CrudColumn => ({
          name: c.name,
          type: c.type,
          nullable: c.nullable,
          hasDefault: c.has_default,
          generated: c.generated,
          enumValues: c.enum_values ?? undefined,
        }),
      ),
      primaryKey: primary ? primary.columns : [],
      indexedColumns: [
        ...new Set(
          tableIndexes
            .filter((i) => i.leads_with_column !== false && i.columns.length > 0)
            .map((i) => i.columns[0]),
        ),
      ],
      checks: own(checks.rows).map((c) => c.definition),
    };
  });
}

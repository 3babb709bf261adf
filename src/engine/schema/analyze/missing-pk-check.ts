import { type AnalyzeCheck, guideLink, qualified } from "./finding.js";

/** Ordinary and partitioned tables without a primary key (partitions inherit their parent's). */
export const missingPkCheck: AnalyzeCheck = {
  id: "table-without-primary-key",
  title: "Tables without a primary key",
  async run(ctx) {
    const r = await ctx.db.query<{
      schema: string;
      table: string;
      unique_not_null: string | null;
    }>(`
SELECT n.nspname AS schema, c.relname AS "table",
       (SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
         WHERE x.indrelid = c.oid AND x.indisunique AND x.indpred IS NULL AND x.indexprs IS NULL
           AND NOT EXISTS (SELECT 1 FROM unnest(x.indkey::int2[]) k(attnum)
                             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
                            WHERE NOT a.attnotnull)
         ORDER BY i.relname LIMIT 1) AS unique_not_null
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${ctx.schemaFilter("n.nspname")}
   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p')
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
 ORDER BY 1, 2`);
    return r.rows.map((t) => {
      const target = qualified(t.schema, t.table);
      return {
        check: this.id,
        severity: "warning" as const,
        object: `table ${t.schema}.${t.table}`,
        title: t.unique_not_null
          ? `no primary key (unique index ${t.unique_not_null} on NOT NULL columns could become one)`
          : "no primary key",
        why: "rows cannot be addressed reliably (updates, deletes, ORMs), logical replication cannot replicate UPDATE/DELETE, and duplicates creep in",
        fix: t.unique_not_null
          ? `ALTER TABLE ${target} ADD CONSTRAINT ${t.table}_pkey PRIMARY KEY USING INDEX ${t.unique_not_null};`
          : `ALTER TABLE ${target} ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;  -- or a PRIMARY KEY on the natural key`,
        guide: guideLink("tables-without-a-primary-key"),
      };
    });
  },
};

import { type AnalyzeCheck, guideLink, ident, qualified } from "./finding.js";

/**
 * Sequences past a fraction of their maximum. The effective maximum is the smaller of the sequence's own
 * and that of the column it feeds (a bigint sequence behind an integer column overflows at 2^31-1).
 */
export const sequenceOverflowCheck: AnalyzeCheck = {
  id: "sequence-near-overflow",
  title: "Sequences near overflow",
  async run(ctx) {
    const r = await ctx.db.query<{
      schema: string;
      name: string;
      last_value: string | null;
      max_value: string;
      increment: string;
      column_type: string | null;
      owner_schema: string | null;
      owner_table: string | null;
      owner_column: string | null;
    }>(`
SELECT s.schemaname AS schema, s.sequencename AS name, s.last_value::text, s.max_value::text,
       s.increment_by::text AS increment,
       format_type(a.atttypid, NULL) AS column_type,
       tn.nspname AS owner_schema, t.relname AS owner_table, a.attname::text AS owner_column
  FROM pg_sequences s
  JOIN pg_class c ON c.relname = s.sequencename
  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = s.schemaname
  LEFT JOIN pg_depend d ON d.objid = c.oid AND d.classid = 'pg_class'::regclass
       AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
  LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
  LEFT JOIN pg_class t ON t.oid = d.refobjid
  LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace
 WHERE ${ctx.schemaFilter("s.schemaname")} AND s.last_value IS NOT NULL AND s.increment_by > 0
 ORDER BY 1, 2`);
    const findings = [];
    for (const s of r.rows) {
      const last = BigInt(s.last_value ?? "0");
      let max = BigInt(s.max_value);
      const columnMax = s.column_type ? COLUMN_MAX[s.column_type] : undefined;
      if (columnMax !== undefined && columnMax < max) max = columnMax;
      const fraction = Number((last * 10_000n) / max) / 10_000;
      if (fraction <= ctx.thresholds.sequenceWarnFraction) continue;
      const target = qualified(s.schema, s.name);
      const owner =
        s.owner_schema && s.owner_table && s.owner_column
          ? `${s.owner_schema}.${s.owner_table}.${s.owner_column}`
          : undefined;
      const widen =
        owner && s.column_type !== "bigint"
          ? `ALTER TABLE ${qualified(s.owner_schema!, s.owner_table!)} ALTER COLUMN ${ident(s.owner_column!)} TYPE bigint;  -- rewrites the table: plan it\nALTER SEQUENCE ${target} AS bigint;`
          : `ALTER SEQUENCE ${target} AS bigint;`;
      findings.push({
        check: this.id,
        severity: fraction > 0.9 ? ("error" as const) : ("warning" as const),
        object: `sequence ${s.schema}.${s.name}${owner ? ` (feeds ${owner}, ${s.column_type})` : ""}`,
        title: `${(fraction * 100).toFixed(1)} % of its maximum used (${last} of ${max})`,
        why: "when it runs out, every INSERT that needs a new id fails until the column and the sequence are widened, which rewrites the table",
        fix: widen,
        guide: guideLink("sequences-near-overflow"),
      });
    }
    return findings;
  },
};

const COLUMN_MAX: Record<string, bigint> = {
  smallint: 32_767n,
  integer: 2_147_483_647n,
  bigint: 9_223_372_036_854_775_807n,
};

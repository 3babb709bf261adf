import { type AnalyzeCheck, guideLink, qualified } from "./finding.js";

/**
 * Large tables read mostly by sequential scans (pg_stat_user_tables): a missing index for a frequent
 * filter, or a query the planner cannot serve from the existing ones.
 */
export const seqScanCheck: AnalyzeCheck = {
  id: "seq-scan-heavy",
  usesStatistics: true,
  title: "Sequential-scan-heavy large tables",
  async run(ctx) {
    const r = await ctx.db.query<{
      schema: string;
      table: string;
      rows: number;
      seq_scan: string | number;
      idx_scan: string | number | null;
      seq_tup_read: string | number;
    }>(
      `
SELECT s.schemaname AS schema, s.relname AS "table", GREATEST(c.reltuples, s.n_live_tup)::float8 AS rows,
       s.seq_scan, s.idx_scan, s.seq_tup_read
  FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
 WHERE ${ctx.schemaFilter("s.schemaname")}
   AND GREATEST(c.reltuples, s.n_live_tup) >= $1
   AND s.seq_scan > COALESCE(s.idx_scan, 0)
   AND s.seq_scan >= 5
 ORDER BY s.seq_tup_read DESC, 1, 2`,
      [ctx.thresholds.largeTableRows],
    );
    return r.rows.map((t) => {
      const seq = Number(t.seq_scan);
      const idx = Number(t.idx_scan ?? 0);
      const perScan = Math.round(Number(t.seq_tup_read) / Math.max(1, seq));
      return {
        check: this.id,
        severity: "warning" as const,
        object: `table ${t.schema}.${t.table} (~${Math.round(t.rows).toLocaleString("en-US")} rows)`,
        title: `${seq.toLocaleString("en-US")} sequential scans vs ${idx.toLocaleString("en-US")} index scans, ~${perScan.toLocaleString("en-US")} rows read per scan`,
        why: "each sequential scan reads the whole table: latency grows with the table and the reads evict useful pages from the cache",
        fix: `-- find the queries: SELECT query, calls, rows FROM pg_stat_statements WHERE query ILIKE '%${t.table}%' ORDER BY total_exec_time DESC LIMIT 10;\n-- then EXPLAIN (ANALYZE, BUFFERS) the worst and index its filter, e.g.:\n-- CREATE INDEX CONCURRENTLY ON ${qualified(t.schema, t.table)} (<filter column>);`,
        guide: guideLink("sequential-scans-on-large-tables"),
      };
    });
  },
};

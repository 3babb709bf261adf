import { loadSqlParser } from "../migrate/statement-split.js";
import { type AnalyzeCheck, type AnalyzeContext, type Finding, guideLink } from "./finding.js";
import {
  type ForeignKeyColumn,
  findNPlusOneCandidates,
  type StatementStats,
} from "./n-plus-one-detect.js";

/**
 * N+1 candidates from pg_stat_statements. When the extension is not loaded or not created, the finding
 * says exactly how to enable it instead of guessing.
 */
export const nPlusOneCheck: AnalyzeCheck = {
  id: "n-plus-one",
  usesStatistics: true,
  title: "N+1 query candidates (pg_stat_statements)",
  async run(ctx) {
    const stats = await readStatementStats(ctx);
    if ("unavailable" in stats) {
      return [
        {
          check: this.id,
          severity: "info",
          object: "pg_stat_statements",
          title: `N+1 detection skipped: ${stats.unavailable}`,
          why: "N+1 patterns show up only in the statements an application actually runs; pg_stat_statements records them with call and row counts",
          fix: stats.fix,
          guide: guideLink("enabling-pg_stat_statements"),
        },
      ];
    }
    await loadSqlParser();
    const candidates = findNPlusOneCandidates(stats.rows, await foreignKeyColumns(ctx), {
      minCalls: ctx.thresholds.nPlusOneMinCalls,
      maxRowsPerCall: ctx.thresholds.nPlusOneMaxRowsPerCall,
    });
    return candidates.map(
      (c): Finding => ({
        check: this.id,
        severity: "warning",
        object: `${c.fk.schema}.${c.fk.table}.${c.fk.column}`,
        title: `N+1 candidate: called ${c.calls.toLocaleString("en-US")} times, ${c.rowsPerCall.toFixed(1)} rows per call: ${oneLine(c.query)}`,
        why: "one query per parent row costs a round trip each; fetching all children in one query (or a join) is usually 10-100x faster",
        fix: `-- load the children of all parents at once, e.g.:\nSELECT * FROM ${c.fk.schema}.${c.fk.table} WHERE ${c.fk.column} = ANY($1);  -- $1: the array of parent ids`,
        guide: guideLink("n1-queries"),
      }),
    );
  },
};

async function readStatementStats(
  ctx: AnalyzeContext,
): Promise<{ rows: StatementStats[] } | { unavailable: string; fix: string }> {
  const state = await ctx.db.query<{ created: boolean; available: boolean; preload: string }>(`
SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements') AS created,
       EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_stat_statements') AS available,
       current_setting('shared_preload_libraries') AS preload`);
  const s = state.rows[0];
  const preloaded = /(^|[\s,])pg_stat_statements([\s,]|$)/.test(s.preload);
  const enable =
    "-- postgresql.conf (or ALTER SYSTEM), then restart the server:\nALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements';  -- keep any libraries already listed\n-- after the restart, in this database:\nCREATE EXTENSION IF NOT EXISTS pg_stat_statements;";
  if (!s.available) {
    return {
      unavailable: "pg_stat_statements is not installed on this server",
      fix: `-- install the contrib package (e.g. postgresql-contrib), then:\n${enable}`,
    };
  }
  if (!preloaded) {
    return {
      unavailable: "pg_stat_statements is not in shared_preload_libraries",
      fix: s.created
        ? "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements';  -- then restart the server"
        : enable,
    };
  }
  if (!s.created) {
    return {
      unavailable: "pg_stat_statements is loaded but not created in this database",
      fix: "CREATE EXTENSION IF NOT EXISTS pg_stat_statements;",
    };
  }
  const r = await ctx.db.query<{ query: string; calls: string | number; rows: string | number }>(
    `SELECT query, calls, rows FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND calls >= $1
      ORDER BY calls DESC LIMIT 1000`,
    [ctx.thresholds.nPlusOneMinCalls],
  );
  return {
    rows: r.rows.map((x) => ({ query: x.query, calls: Number(x.calls), rows: Number(x.rows) })),
  };
}

async function foreignKeyColumns(ctx: AnalyzeContext): Promise<ForeignKeyColumn[]> {
  const r = await ctx.db.query<ForeignKeyColumn>(`
SELECT n.nspname AS schema, c.relname AS "table", a.attname::text AS "column"
  FROM pg_constraint k
  JOIN pg_class c ON c.oid = k.conrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
 WHERE k.contype = 'f' AND ${ctx.schemaFilter("n.nspname")}`);
  return r.rows;
}

function oneLine(query: string): string {
  const flat = query.replace(/\s+/g, " ").trim();
  return flat.length > 100 ? `${flat.slice(0, 97)}...` : flat;
}

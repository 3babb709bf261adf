import type { Db } from "../connection.js";
import { type AnalyzeCheck, type Finding, guideLink, qualified } from "./finding.js";
import { covers, readForeignKeys } from "./fk-index-check.js";
import { formatBytes, readIndexes } from "./index-catalog.js";

/**
 * Indexes never scanned since the statistics were last reset (pg_stat_user_indexes.idx_scan = 0).
 * Unique and primary-key indexes are left out (they enforce a rule even when no query reads them), and so
 * are indexes covering a foreign key (the fk-without-index check asks for exactly those).
 * Statistics are per server: check replicas too before dropping anything.
 */
export const unusedIndexCheck: AnalyzeCheck = {
  id: "unused-index",
  usesStatistics: true,
  title: "Unused indexes",
  async run(ctx) {
    const since = await statsSince(ctx.db);
    const indexes = await readIndexes(ctx);
    const fks = await readForeignKeys(ctx);
    const findings: Finding[] = [];
    for (const i of indexes) {
      if (i.unique || i.primary || i.constraint || !i.valid || i.scans > 0) continue;
      // An index covering a foreign key serves the FK checks of parent deletes; keep it.
      const fk = fks.find(
        (f) => f.schema === i.schema && f.table === i.table && covers(i, f.columns),
      );
      if (fk) continue;
      findings.push({
        check: this.id,
        severity: "info",
        object: `index ${i.schema}.${i.name} on ${i.table}`,
        title: `never used since statistics were reset (${since}); ${formatBytes(i.sizeBytes)}`,
        why: "an index nobody reads still costs every INSERT/UPDATE/DELETE, memory and vacuum time; confirm on every replica and over a full business cycle before dropping it",
        fix: `DROP INDEX CONCURRENTLY IF EXISTS ${qualified(i.schema, i.name)};`,
        guide: guideLink("unused-indexes"),
      });
    }
    return findings;
  },
};

/** When this database's statistics were last reset, as text for people. */
export async function statsSince(db: Db): Promise<string> {
  const r = await db.query<{ reset: Date | string | null }>(
    "SELECT stats_reset AS reset FROM pg_stat_database WHERE datname = current_database()",
  );
  const reset = r.rows[0]?.reset;
  return reset
    ? `since ${new Date(reset).toISOString()}`
    : "since the database was created or the statistics were last reset";
}

import { type AnalyzeCheck, type Finding, guideLink, qualified } from "./finding.js";
import { readIndexes } from "./index-catalog.js";

/**
 * Invalid indexes (pg_index.indisvalid = false): left behind by a failed CREATE INDEX CONCURRENTLY
 * or REINDEX CONCURRENTLY. The planner never uses them, yet every write still maintains them.
 */
export const invalidIndexCheck: AnalyzeCheck = {
  id: "invalid-index",
  title: "Invalid indexes",
  async run(ctx) {
    const findings: Finding[] = [];
    for (const i of await readIndexes(ctx)) {
      if (i.valid) continue;
      const target = qualified(i.schema, i.name);
      findings.push({
        check: this.id,
        severity: "error",
        object: `index ${i.schema}.${i.name} on ${i.table}`,
        title:
          "invalid index (a failed concurrent build): never used for reads, still maintained on writes",
        why: i.unique
          ? "an invalid unique index still rejects duplicates on new writes but cannot serve queries; the build failed, most likely on existing duplicates"
          : "the planner ignores it while every write pays for it",
        fix: `REINDEX INDEX CONCURRENTLY ${target};  -- or: DROP INDEX CONCURRENTLY IF EXISTS ${target}; then create it again`,
        guide: guideLink("invalid-indexes"),
      });
    }
    return findings;
  },
};

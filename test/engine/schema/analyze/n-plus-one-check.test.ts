import { beforeAll, describe, expect, it } from "vitest";
import { findNPlusOneCandidates } from "../../../../src/engine/schema/analyze/n-plus-one-detect.js";
import { loadSqlParser } from "../../../../src/engine/schema/migrate/statement-split.js";
import { analyzeFixture } from "../../../helpers/analyze-fixture.js";

const FKS = [
  { schema: "public", table: "orders", column: "customer_id" },
  { schema: "public", table: "order_items", column: "order_id" },
];
const LIMITS = { minCalls: 100, maxRowsPerCall: 2 };

describe("n-plus-one check", () => {
  beforeAll(() => loadSqlParser());

  // pg_stat_statements needs shared_preload_libraries and a restart, which neither the CI server nor
  // PGlite has; the detector is therefore tested on pg_stat_statements rows as the view returns them.
  it("finds many-calls, few-rows lookups by equality on a foreign-key column", () => {
    const found = findNPlusOneCandidates(
      [
        { query: "SELECT id, total FROM orders WHERE customer_id = $1", calls: 5400, rows: 5400 },
        {
          query:
            "SELECT i.* FROM order_items i JOIN orders o ON o.id = i.order_id WHERE i.order_id = $1 AND o.id > $2",
          calls: 900,
          rows: 1200,
        },
      ],
      FKS,
      LIMITS,
    );
    expect(found.map((c) => [c.fk.table, c.fk.column, c.calls])).toEqual([
      ["orders", "customer_id", 5400],
      ["order_items", "order_id", 900],
    ]);
  });

  it("does not flag rare queries, set-based fetches, or lookups on non-FK columns", () => {
    const found = findNPlusOneCandidates(
      [
        { query: "SELECT * FROM orders WHERE customer_id = $1", calls: 20, rows: 20 },
        { query: "SELECT * FROM orders WHERE customer_id = ANY($1)", calls: 5000, rows: 5000 },
        { query: "SELECT * FROM orders WHERE customer_id = $1", calls: 5000, rows: 90000 },
        { query: "SELECT * FROM orders WHERE id = $1", calls: 5000, rows: 5000 },
        { query: "UPDATE orders SET total = $1 WHERE customer_id = $2", calls: 5000, rows: 5000 },
      ],
      FKS,
      LIMITS,
    );
    expect(found).toEqual([]);
  });

  it("on a live database without pg_stat_statements loaded, says how to enable it (info)", async () => {
    const f = await analyzeFixture("CREATE TABLE t (id int PRIMARY KEY);");
    try {
      const findings = await f.run("n-plus-one");
      expect(findings).toHaveLength(1);
      expect(findings[0].severity).toBe("info");
      expect(findings[0].title).toMatch(
        /^N\+1 detection skipped: pg_stat_statements is not (installed on this server|in shared_preload_libraries)$/,
      );
      expect(findings[0].fix).toContain("shared_preload_libraries = 'pg_stat_statements'");
      expect(findings[0].fix).toContain("CREATE EXTENSION IF NOT EXISTS pg_stat_statements;");
    } finally {
      await f.close();
    }
  });
});

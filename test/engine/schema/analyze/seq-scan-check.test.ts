import { describe, expect, it } from "vitest";
import { analyzeFixture, waitForStats } from "../../../helpers/analyze-fixture.js";

const SETUP = `
CREATE TABLE pageviews (id int PRIMARY KEY, path text);
INSERT INTO pageviews SELECT g, '/p/' || (g % 500) FROM generate_series(1, 12000) g;
ANALYZE pageviews;`;

const STATS = "SELECT seq_scan, idx_scan FROM pg_stat_user_tables WHERE relname = 'pageviews'";

describe("seq-scan-heavy check", () => {
  it("flags a large table read mostly by sequential scans", async () => {
    const f = await analyzeFixture(SETUP);
    try {
      for (let i = 0; i < 6; i += 1) {
        await f.db.query("SELECT count(*) FROM pageviews WHERE path = $1", [`/p/${i}`]);
      }
      await f.db.query("SELECT pg_stat_force_next_flush()").catch(() => undefined);
      await f.db.query("SELECT 1");
      await waitForStats(f.db, STATS, (row) => Number(row.seq_scan) >= 6);
      const findings = await f.run("seq-scan-heavy");
      expect(findings).toHaveLength(1);
      expect(findings[0].object).toBe("table public.pageviews (~12,000 rows)");
      expect(findings[0].severity).toBe("warning");
      expect(findings[0].title).toMatch(/sequential scans vs 0 index scans/);
    } finally {
      await f.close();
    }
  });

  it("does not flag a large table served by its indexes", async () => {
    const f = await analyzeFixture(SETUP);
    try {
      for (let i = 1; i <= 8; i += 1) {
        await f.db.query("SELECT path FROM pageviews WHERE id = $1", [i]);
      }
      await f.db.query("SELECT pg_stat_force_next_flush()").catch(() => undefined);
      await f.db.query("SELECT 1");
      await waitForStats(f.db, STATS, (row) => Number(row.idx_scan) >= 8);
      expect(await f.run("seq-scan-heavy")).toEqual([]);
    } finally {
      await f.close();
    }
  });
});

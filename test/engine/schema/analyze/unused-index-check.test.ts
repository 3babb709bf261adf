import { describe, expect, it } from "vitest";
import { analyzeFixture, waitForStats } from "../../../helpers/analyze-fixture.js";

const SETUP = `
CREATE TABLE events (id int PRIMARY KEY, kind text, at int);
CREATE UNIQUE INDEX events_at_key ON events (at);
CREATE INDEX events_kind ON events (kind);
INSERT INTO events SELECT g, 'k' || (g % 10), g FROM generate_series(1, 200) g;
ANALYZE events;`;

describe("unused-index check", () => {
  it("flags a never-scanned index and says since when statistics count", async () => {
    const f = await analyzeFixture(SETUP);
    try {
      const findings = await f.run("unused-index");
      expect(findings.map((x) => x.object)).toEqual(["index public.events_kind on events"]);
      expect(findings[0].severity).toBe("info");
      expect(findings[0].title).toMatch(/^never used since statistics were reset \(since /);
    } finally {
      await f.close();
    }
  });

  it("does not flag a used index, nor unique and primary-key indexes", async () => {
    const f = await analyzeFixture(SETUP);
    try {
      await f.db.exec("SET enable_seqscan = off; SET enable_bitmapscan = off");
      await f.db.query("SELECT id FROM events WHERE kind = 'k1'");
      await f.db.query("SELECT pg_stat_force_next_flush()").catch(() => undefined);
      await f.db.query("SELECT 1");
      await waitForStats(
        f.db,
        "SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = 'events_kind'",
        (row) => Number(row.idx_scan) > 0,
      );
      expect(await f.run("unused-index")).toEqual([]);
    } finally {
      await f.close();
    }
  });

  it("does not flag an unscanned index that covers a foreign key", async () => {
    const f = await analyzeFixture(`
CREATE TABLE parents (id int PRIMARY KEY);
CREATE TABLE kids (id int PRIMARY KEY, parent_id int REFERENCES parents (id));
CREATE INDEX kids_parent_id_idx ON kids (parent_id);`);
    try {
      expect(await f.run("unused-index")).toEqual([]);
    } finally {
      await f.close();
    }
  });
});

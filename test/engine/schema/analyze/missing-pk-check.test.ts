import { describe, expect, it } from "vitest";
import { analyzeFixture } from "../../../helpers/analyze-fixture.js";

describe("table-without-primary-key check", () => {
  it("flags tables without a primary key and proposes a unique NOT NULL index when there is one", async () => {
    const f = await analyzeFixture(`
CREATE TABLE logs (at timestamptz, line text);
CREATE TABLE tags (slug text NOT NULL, label text);
CREATE UNIQUE INDEX tags_slug_key ON tags (slug);`);
    try {
      const findings = await f.run("table-without-primary-key");
      expect(findings.map((x) => [x.object, x.severity])).toEqual([
        ["table public.logs", "warning"],
        ["table public.tags", "warning"],
      ]);
      expect(findings[1].fix).toBe(
        "ALTER TABLE public.tags ADD CONSTRAINT tags_pkey PRIMARY KEY USING INDEX tags_slug_key;",
      );
      expect(findings[0].fix).toContain("GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
    } finally {
      await f.close();
    }
  });

  it("does not flag tables with a primary key, nor partitions of a partitioned table that has one", async () => {
    const f = await analyzeFixture(`
CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE measurements (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');`);
    try {
      expect(await f.run("table-without-primary-key")).toEqual([]);
    } finally {
      await f.close();
    }
  });
});

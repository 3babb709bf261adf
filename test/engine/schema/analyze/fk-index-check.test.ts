import { describe, expect, it } from "vitest";
import { analyzeFixture } from "../../../helpers/analyze-fixture.js";

const BASE = `
CREATE TABLE customers (id bigint PRIMARY KEY, region int NOT NULL, UNIQUE (id, region));
`;

describe("fk-without-index check", () => {
  it("flags a foreign key with no index, or one where the FK column is not leading", async () => {
    const f = await analyzeFixture(`${BASE}
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), created_at timestamptz);
CREATE INDEX orders_created_customer ON orders (created_at, customer_id);`);
    try {
      const findings = await f.run("fk-without-index");
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        check: "fk-without-index",
        severity: "warning",
        object: "public.orders (customer_id)",
        fix: "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_idx ON public.orders (customer_id);",
        guide: "references/database_optimization_guide.md#foreign-keys-without-an-index",
      });
      expect(findings[0].title).toContain("orders_customer_id_fkey");
    } finally {
      await f.close();
    }
  });

  it("does not flag FKs whose columns lead an index (composite in any order, extra trailing columns)", async () => {
    const f = await analyzeFixture(`${BASE}
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), created_at timestamptz);
CREATE INDEX orders_customer_created ON orders (customer_id, created_at);
CREATE TABLE visits (id bigint PRIMARY KEY, customer_id bigint NOT NULL, region int NOT NULL,
  FOREIGN KEY (customer_id, region) REFERENCES customers (id, region));
CREATE INDEX visits_region_customer ON visits (region, customer_id);`);
    try {
      expect(await f.run("fk-without-index")).toEqual([]);
    } finally {
      await f.close();
    }
  });

  it("does not count a partial index as covering", async () => {
    const f = await analyzeFixture(`${BASE}
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));
CREATE INDEX orders_customer_recent ON orders (customer_id) WHERE id > 100;`);
    try {
      expect((await f.run("fk-without-index")).map((x) => x.object)).toEqual([
        "public.orders (customer_id)",
      ]);
    } finally {
      await f.close();
    }
  });
});

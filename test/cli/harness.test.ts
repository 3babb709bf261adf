import { describe, expect, it } from "vitest";
import { createTestDatabase, withClient } from "../helpers/pg.js";

describe("test database harness", () => {
  it("gives each test its own database that real pg clients can use", async () => {
    const a = await createTestDatabase();
    try {
      await a.exec("create table t (id int primary key); insert into t values (1), (2)");
      const rows = await withClient(a.url, (c) => c.query("select count(*)::int as n from t"));
      expect(rows.rows[0].n).toBe(2);
    } finally {
      await a.drop();
    }
  });
});

import { describe, expect, it } from "vitest";
import { analyzeFixture } from "../../../helpers/analyze-fixture.js";

describe("invalid-index check", () => {
  it("flags the invalid index a failed CREATE UNIQUE INDEX CONCURRENTLY leaves behind", async () => {
    const f = await analyzeFixture(
      "CREATE TABLE accounts (id int PRIMARY KEY, email text); INSERT INTO accounts VALUES (1, 'a'), (2, 'a');",
    );
    try {
      await expect(
        f.db.exec("CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email)"),
      ).rejects.toThrow(/could not create unique index/);
      const findings = await f.run("invalid-index");
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        severity: "error",
        object: "index public.accounts_email_key on accounts",
        guide: "references/database_optimization_guide.md#invalid-indexes",
      });
      expect(findings[0].fix).toContain("REINDEX INDEX CONCURRENTLY public.accounts_email_key;");
    } finally {
      await f.close();
    }
  });

  it("does not flag valid indexes", async () => {
    const f = await analyzeFixture(
      "CREATE TABLE accounts (id int PRIMARY KEY, email text); CREATE UNIQUE INDEX accounts_email_key ON accounts (email);",
    );
    try {
      expect(await f.run("invalid-index")).toEqual([]);
    } finally {
      await f.close();
    }
  });
});

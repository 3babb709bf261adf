import { describe, expect, it } from "vitest";
import { analyzeFixture } from "../../../helpers/analyze-fixture.js";

describe("redundant-index check", () => {
  it("flags an exact duplicate once and a prefix-covered index", async () => {
    const f = await analyzeFixture(`
CREATE TABLE users (id int PRIMARY KEY, email text, org int, created date);
CREATE INDEX users_email_a ON users (email);
CREATE INDEX users_email_b ON users (email);
CREATE INDEX users_org ON users (org);
CREATE INDEX users_org_created ON users (org, created);
CREATE UNIQUE INDEX users_id_dup ON users (id);`);
    try {
      const findings = await f.run("redundant-index");
      const byObject = Object.fromEntries(findings.map((x) => [x.object, x]));
      expect(Object.keys(byObject).sort()).toEqual([
        "index public.users_email_b on users",
        "index public.users_id_dup on users",
        "index public.users_org on users",
      ]);
      expect(byObject["index public.users_email_b on users"].severity).toBe("warning");
      expect(byObject["index public.users_email_b on users"].title).toMatch(
        /^duplicate of users_email_a/,
      );
      expect(byObject["index public.users_id_dup on users"].title).toMatch(
        /^duplicate of users_pkey/,
      );
      expect(byObject["index public.users_org on users"]).toMatchObject({
        severity: "info",
        fix: "DROP INDEX CONCURRENTLY IF EXISTS public.users_org;",
      });
    } finally {
      await f.close();
    }
  });

  it("still calls two duplicates a duplicate when both are also a prefix of a longer index", async () => {
    const f = await analyzeFixture(`
CREATE TABLE b (x int, y int);
CREATE INDEX b_x ON b (x);
CREATE INDEX b_x2 ON b (x);
CREATE INDEX b_xy ON b (x, y);`);
    try {
      const findings = await f.run("redundant-index");
      const byObject = Object.fromEntries(findings.map((x) => [x.object, x]));
      expect(byObject["index public.b_x2 on b"]).toMatchObject({ severity: "warning" });
      expect(byObject["index public.b_x2 on b"].title).toMatch(/^duplicate of b_x /);
      expect(byObject["index public.b_x on b"]).toMatchObject({ severity: "info" });
      expect(findings).toHaveLength(2);
    } finally {
      await f.close();
    }
  });

  it("does not flag distinct orders, partial variants, or a unique prefix", async () => {
    const f = await analyzeFixture(`
CREATE TABLE users (id int PRIMARY KEY, email text, org int, created date);
CREATE INDEX users_org_created ON users (org, created);
CREATE INDEX users_created_org ON users (created, org);
CREATE INDEX users_org_active ON users (org) WHERE created IS NULL;
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_email_org ON users (email, org);
CREATE INDEX users_lower_email ON users (lower(email));`);
    try {
      expect(await f.run("redundant-index")).toEqual([]);
    } finally {
      await f.close();
    }
  });
});

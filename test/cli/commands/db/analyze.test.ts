import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../../helpers/cli.js";
import { createTestDatabase, type TestDatabase, withClient } from "../../../helpers/pg.js";
import { tempDir } from "../../../helpers/temp-dir.js";

const SCHEMA = `
CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), total numeric(12, 2));`;

describe("db --analyze and --suggest-indexes (CLI)", () => {
  let database: TestDatabase;
  let dir: string;
  beforeEach(async () => {
    database = await createTestDatabase("sb_cli_analyze");
    await database.exec(SCHEMA);
    dir = tempDir("cli-analyze");
  });
  afterEach(async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("prints findings with why, fix and guide link; --json is one document; --fail-on gates the exit code", async () => {
    const text = await runCli(["db", "--connection", database.url, "--analyze"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("warning public.orders (customer_id)  [fk-without-index]");
    expect(text.stdout).toContain(
      "fix: CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_idx ON public.orders (customer_id);",
    );
    expect(text.stdout).toContain(
      "see: references/database_optimization_guide.md#foreign-keys-without-an-index",
    );

    const json = await runCli([
      "db",
      "--connection",
      database.url,
      "--analyze",
      "--json",
      "--fail-on",
      "warning",
    ]);
    expect(json.code, json.stderr).toBe(1);
    const result = JSON.parse(json.stdout);
    expect(result).toMatchObject({
      failOn: "warning",
      failed: true,
      counts: { error: 0, warning: 1 },
    });
    expect(result.findings[0]).toEqual({
      check: "fk-without-index",
      severity: "warning",
      object: "public.orders (customer_id)",
      title:
        "foreign key orders_customer_id_fkey → customers has no index starting with its column(s)",
      why: expect.any(String),
      fix: "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_idx ON public.orders (customer_id);",
      guide: "references/database_optimization_guide.md#foreign-keys-without-an-index",
      suggestedIndex: expect.objectContaining({ name: "orders_customer_id_idx" }),
    });
    expect(result.checks).toHaveLength(10);

    const errorsOnly = await runCli([
      "db",
      "--connection",
      database.url,
      "--analyze",
      "--fail-on",
      "error",
    ]);
    expect(errorsOnly.code, errorsOnly.stderr).toBe(0);
    expect(errorsOnly.stdout).toContain("--fail-on error: nothing at or above error");
  });

  it("writes a concurrent-index migration that --migrate applies and --down removes", async () => {
    const out = join(dir, "migrations");
    const suggest = await runCli([
      "db",
      "--connection",
      database.url,
      "--suggest-indexes",
      "--output",
      out,
    ]);
    expect(suggest.code, suggest.stderr).toBe(0);
    const [name] = await readdir(out);
    expect(name).toMatch(/^\d{14}_suggested_indexes\.sql$/);
    const text = await readFile(join(out, name), "utf8");
    expect(text).toContain(
      "-- migrate:up transaction:false\n-- public.orders (customer_id): foreign key orders_customer_id_fkey → customers has no index starting with its column(s)\nCREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_idx ON public.orders (customer_id);",
    );
    expect(text).toContain(
      "-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY IF EXISTS public.orders_customer_id_idx;",
    );

    const apply = await runCli(["db", "--connection", database.url, "--migrate", join(out, name)]);
    expect(apply.code, apply.stderr).toBe(0);
    const indexes = () =>
      withClient(database.url, async (c) =>
        (
          await c.query("SELECT indexname FROM pg_indexes WHERE tablename = 'orders' ORDER BY 1")
        ).rows.map((r) => r.indexname),
      );
    expect(await indexes()).toEqual(["orders_customer_id_idx", "orders_pkey"]);

    const none = await runCli([
      "db",
      "--connection",
      database.url,
      "--suggest-indexes",
      "--output",
      out,
    ]);
    expect(none.stdout).toBe(
      "no index suggestions: every foreign key has an index starting with its columns\n",
    );

    const down = await runCli([
      "db",
      "--connection",
      database.url,
      "--migrate",
      join(out, name),
      "--down",
    ]);
    expect(down.code, down.stderr).toBe(0);
    expect(await indexes()).toEqual(["orders_pkey"]);
  });

  it("analyzes a .sql file with --from (embedded PGlite, no server needed), skipping statistics checks", async () => {
    const file = join(dir, "schema.sql");
    await writeFile(file, `${SCHEMA}\nCREATE INDEX orders_id_dup ON orders (id);\n`);
    const run = await runCli(["db", "--analyze", "--from", file, "--json"], {
      env: { DATABASE_URL: undefined, PGHOST: undefined, PGDATABASE: undefined },
      timeoutMs: 60_000,
    });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.database).toBe(file);
    expect(result.schemaOnly).toBe(true);
    expect(
      result.findings.map((f: { check: string; object: string }) => `${f.check} ${f.object}`),
    ).toEqual([
      "fk-without-index public.orders (customer_id)",
      "redundant-index index public.orders_id_dup on orders",
    ]);
    expect(result.skipped.map((s: { id: string }) => s.id)).toEqual([
      "unused-index",
      "seq-scan-heavy",
      "n-plus-one",
    ]);
  });

  it("asks for --output when --suggest-indexes has none (exit 2)", async () => {
    const run = await runCli(["db", "--connection", database.url, "--suggest-indexes"]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe("error: --suggest-indexes needs --output DIR");
  });
});

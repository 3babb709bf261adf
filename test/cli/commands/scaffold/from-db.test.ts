import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../helpers/cli.js";
import { freePort } from "../../../helpers/free-port.js";
import { createTestDatabase, type TestDatabase } from "../../../helpers/pg.js";
import { tempDir } from "../../../helpers/temp-dir.js";

const NO_DB_ENV = {
  DATABASE_URL: undefined,
  PGHOST: undefined,
  PGDATABASE: undefined,
  PGUSER: undefined,
};

describe("senior-backend scaffold --from-db", () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase("sb_fromdb_cli");
    await db.exec(`
      CREATE TABLE teams (id serial PRIMARY KEY, name varchar(60) NOT NULL);
      CREATE TABLE events (at timestamptz NOT NULL DEFAULT now(), kind text NOT NULL);
    `);
    dir = tempDir("from-db-cli");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it("--json reports the tables, the files and the read-only table; --check is then up to date", async () => {
    const output = join(dir, "routes");
    const run = await runCli(
      ["scaffold", "--from-db", db.url, "--framework", "fastify", "--output", output, "--json"],
      {
        timeoutMs: 60_000,
      },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      command: "scaffold",
      mode: "from-db",
      framework: "fastify",
      summary: "Generated 6 route handlers, validation middleware, and TypeScript types",
      readOnlyTables: ["public.events"],
      specFile: "openapi.yaml",
    });
    expect(report.tables.map((t: { path: string }) => t.path)).toEqual(["/events", "/teams"]);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining([
        "db.ts",
        "crud/teams.ts",
        "openapi.yaml",
        "handlers/teams/createTeams.ts",
      ]),
    );
    expect(await readFile(join(output, "openapi.yaml"), "utf8")).toContain("/teams/{id}:");

    const check = await runCli(
      ["scaffold", "--from-db", "--framework", "fastify", "--output", output, "--check"],
      {
        env: { ...NO_DB_ENV, DATABASE_URL: db.url },
        timeoutMs: 60_000,
      },
    );
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("Up to date:");
    expect(check.stdout).toMatch(/matches the database \(\d+ route handlers/);
    expect(check.stderr).toContain(
      "warning: public.events has no primary key: it gets a list route only",
    );
  });

  it("regenerates the SQL after a schema change and keeps the handler a user edited", async () => {
    const output = join(dir, "regen");
    const first = await runCli(["scaffold", "--from-db", db.url, "--output", output], {
      timeoutMs: 60_000,
    });
    expect(first.code).toBe(0);
    const handler = join(output, "handlers/teams/createTeams.ts");
    const edited = (await readFile(handler, "utf8")).replace(
      "return crud.",
      "// audited\n  return crud.",
    );
    await writeFile(handler, edited);
    await db.exec("ALTER TABLE teams ADD COLUMN city varchar(80)");
    const second = await runCli(["scaffold", "--from-db", db.url, "--output", output], {
      timeoutMs: 60_000,
    });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/kept +handlers\/teams\/createTeams\.ts/);
    expect(second.stdout).toMatch(/written +crud\/teams\.ts/);
    expect(await readFile(handler, "utf8")).toBe(edited);
    expect(await readFile(join(output, "crud/teams.ts"), "utf8")).toContain("'\"city\"'");
  });

  it("says which database it cannot reach in one line, with the password as ***", async () => {
    const port = await freePort();
    const run = await runCli(
      ["scaffold", "--from-db", `postgres://app:s3cret@127.0.0.1:${port}/shop`, "--output", dir],
      {
        env: NO_DB_ENV,
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `error: cannot connect to postgres://app:***@127.0.0.1:${port}/shop: connection refused\n`,
    );
    expect(run.stderr).not.toContain("s3cret");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("asks for a database when there is no URL and no DATABASE_URL", async () => {
    const run = await runCli(["scaffold", "--from-db", "--output", dir], { env: NO_DB_ENV });
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe("error: --from-db needs a database to read");
  });
});

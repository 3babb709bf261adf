import { rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../../helpers/cli.js";
import { createTestDatabase, type TestDatabase, withClient } from "../../../helpers/pg.js";
import { tempDir } from "../../../helpers/temp-dir.js";

const SLOW = `-- senior-backend migration: 20260101T000000Z_slow
-- migrate:up
CREATE TABLE runs (n int);
INSERT INTO runs VALUES (1);
SELECT pg_sleep(1);
-- migrate:down
DROP TABLE runs;
`;

async function scalar(url: string, sql: string): Promise<unknown> {
  return withClient(url, async (c) => Object.values((await c.query(sql)).rows[0] ?? {})[0]);
}

describe("db --migrate (CLI)", () => {
  let database: TestDatabase;
  let dir: string;
  beforeEach(async () => {
    database = await createTestDatabase("sb_cli_migrate");
    dir = tempDir("cli-migrate");
  });
  afterEach(async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("dry-runs (JSON report, database unchanged), applies, skips a re-run and rolls back with --down", async () => {
    await database.exec("CREATE TABLE users (id int PRIMARY KEY)");
    const file = join(dir, "20260102T000000Z_add_email.sql");
    await writeFile(
      file,
      "-- migrate:up\nALTER TABLE users ADD COLUMN email text;\n-- migrate:down\nALTER TABLE users DROP COLUMN email;\n",
    );
    const dry = await runCli([
      "db",
      "--connection",
      database.url,
      "--migrate",
      file,
      "--dry-run",
      "--json",
    ]);
    expect(dry.code, dry.stderr).toBe(0);
    const report = JSON.parse(dry.stdout);
    expect(report).toMatchObject({
      name: "20260102T000000Z_add_email",
      status: "dry-run",
      dryRun: true,
      changes: [{ change: "created", kind: "column", name: "public.users.email" }],
      locks: [{ relation: "public.users", mode: "AccessExclusiveLock", createdByMigration: false }],
    });
    expect(
      await scalar(
        database.url,
        "SELECT count(*)::int FROM information_schema.columns WHERE column_name = 'email'",
      ),
    ).toBe(0);

    const applied = await runCli(["db", "--connection", database.url, "--migrate", file]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/^applied 20260102T000000Z_add_email \(/);
    const again = await runCli(["db", "--connection", database.url, "--migrate", file]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("is already applied");
    const down = await runCli(["db", "--connection", database.url, "--migrate", file, "--down"]);
    expect(down.code, down.stderr).toBe(0);
    expect(down.stdout).toContain("rolled back 20260102T000000Z_add_email");
    expect(
      await scalar(database.url, "SELECT count(*)::int FROM senior_backend.schema_migrations"),
    ).toBe(0);
  });

  it("two concurrent processes apply a migration exactly once", async () => {
    const file = join(dir, "slow.sql");
    await writeFile(file, SLOW);
    const runs = await Promise.all(
      [0, 1].map(() =>
        runCli(["db", "--connection", database.url, "--migrate", file, "--lock-timeout", "30"], {
          timeoutMs: 60_000,
        }),
      ),
    );
    expect(
      runs.map((r) => r.code),
      runs.map((r) => r.stderr).join("\n"),
    ).toEqual([0, 0]);
    const outputs = runs.map((r) => r.stdout).sort();
    expect(outputs[0]).toMatch(
      /^20260101T000000Z_slow (is already applied|was applied by another run)/,
    );
    expect(outputs[1]).toMatch(/^applied 20260101T000000Z_slow/);
    expect(await scalar(database.url, "SELECT count(*)::int FROM runs")).toBe(1);
    expect(
      await scalar(database.url, "SELECT count(*)::int FROM senior_backend.schema_migrations"),
    ).toBe(1);
    if (database.kind === "server") {
      // Two sessions: the second waits on the advisory lock and says so on stderr.
      expect(runs.map((r) => r.stderr).join("")).toContain(
        "waiting for another migration run (backend pid",
      );
    } else {
      // PGlite shares one session between connections: the advisory lock cannot exclude the other
      // process; the runs are serialised by the transaction queue and the in-transaction check instead.
      expect(runs.map((r) => r.stdout).join("")).toContain(
        "note: PGlite: all connections share one session",
      );
    }
  });

  it("exits 1 when the 3rd statement fails, leaving nothing of the migration behind", async () => {
    const file = join(dir, "broken.sql");
    await writeFile(
      file,
      "-- migrate:up\nCREATE TABLE a (id int PRIMARY KEY);\nINSERT INTO a VALUES (1);\nINSERT INTO a VALUES (1);\n",
    );
    const run = await runCli(["db", "--connection", database.url, "--migrate", file]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe(
      `error: ${file}:4: statement 3 failed: duplicate key value violates unique constraint "a_pkey" (SQLSTATE 23505)`,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await scalar(database.url, "SELECT to_regclass('public.a')::text")).toBe(null);
  });

  it("refuses an applied migration whose file changed (checksum drift, exit 2)", async () => {
    const file = join(dir, "20260103T000000Z_t.sql");
    await writeFile(file, "CREATE TABLE t (id int PRIMARY KEY);\n");
    const first = await runCli(["db", "--connection", database.url, "--migrate", file]);
    expect(first.code, first.stderr).toBe(0);
    await writeFile(file, "CREATE TABLE t (id bigint PRIMARY KEY);\n");
    const run = await runCli(["db", "--connection", database.url, "--migrate", file]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^error: checksum drift: 20260103T000000Z_t was applied on /);
    expect(run.stderr).toContain("hint: never edit an applied migration");
  });

  it("gives one-line errors for a syntax error, a missing file and an unreachable host (exit 2)", async () => {
    const bad = join(dir, "bad.sql");
    await writeFile(bad, "-- migrate:up\nCREATE TABLE ok (id int);\nCREAT TABLE nope (id int);\n");
    const syntax = await runCli(["db", "--connection", database.url, "--migrate", bad]);
    expect(syntax.code, syntax.stderr).toBe(2);
    expect(syntax.stderr).toBe(
      `error: ${bad}:3: syntax error at or near "CREAT"\nhint: near: CREAT TABLE nope (id int);\n`,
    );

    const missing = await runCli([
      "db",
      "--connection",
      database.url,
      "--migrate",
      join(dir, "nope.sql"),
    ]);
    expect(missing.code, missing.stderr).toBe(2);
    expect(missing.stderr).toBe(`error: migration file not found: ${join(dir, "nope.sql")}\n`);

    const closed = await listenThenClose();
    const unreachable = await runCli([
      "db",
      "--connection",
      `postgres://app:s3cret@127.0.0.1:${closed}/app`,
      "--migrate",
      bad,
    ]);
    expect(unreachable.code, unreachable.stderr).toBe(2);
    expect(unreachable.stderr.split("\n")[0]).toBe(
      `error: cannot connect to postgres://app:***@127.0.0.1:${closed}/app: connection refused`,
    );
  });
});

describe("db --migrate against a server that rejects the password", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it("says authentication failed in one line and never prints the password", async () => {
    // A PostgreSQL wire-protocol peer that answers the startup message as a server with a wrong
    // password does (FATAL 28P01), since the CI server trusts local connections.
    server = createServer((socket) => {
      socket.once("data", () => {
        const fields = Buffer.from(
          'SFATAL\0C28P01\0Mpassword authentication failed for user "app"\0\0',
        );
        const header = Buffer.alloc(5);
        header.write("E", 0);
        header.writeInt32BE(fields.length + 4, 1);
        socket.end(Buffer.concat([header, fields]));
      });
    });
    await new Promise<void>((done) => server!.listen(0, "127.0.0.1", done));
    const port = (server.address() as { port: number }).port;
    const run = await runCli([
      "db",
      "--connection",
      `postgres://app:hunter2@127.0.0.1:${port}/app`,
      "--analyze",
    ]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toBe(
      `error: cannot connect to postgres://app:***@127.0.0.1:${port}/app: password authentication failed\nhint: check the password (PGPASSWORD or the connection string); the server gives the same answer for an unknown user when it asks for a password\n`,
    );
    expect(run.stdout + run.stderr).not.toContain("hunter2");
  });
});

async function listenThenClose(): Promise<number> {
  const s = createServer();
  await new Promise<void>((done) => s.listen(0, "127.0.0.1", done));
  const port = (s.address() as { port: number }).port;
  await new Promise((done) => s.close(done));
  return port;
}

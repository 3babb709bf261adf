import { readdirSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../helpers/cli.js";
import { freePort } from "../../../helpers/free-port.js";
import { createTestDatabase, type TestDatabase, usingServer } from "../../../helpers/pg.js";
import { tempDir } from "../../../helpers/temp-dir.js";

const fixtures = join(import.meta.dirname, "../../../engine/schema/fixtures");
const A = join(fixtures, "tables/a.sql");
const B = join(fixtures, "tables/b.sql");
const slow = { timeoutMs: 90_000 };

let dir: string;
beforeAll(async () => {
  dir = tempDir("db-cli");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("db --from/--to and --compare", () => {
  it("reports the changes and refuses destructive ones (exit 2, naming them)", {
    timeout: 180_000,
  }, async () => {
    const run = await runCli(["db", "--from", A, "--to", B], slow);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("- table             app.old_stuff");
    expect(run.stdout).toContain("--rename app.users.legacy=bio");
    const errors = run.stderr.trim().split("\n");
    expect(errors[0]).toBe(
      "error: refusing 2 destructive changes: drop table app.old_stuff, drop column app.users.legacy",
    );
    expect(errors[1]).toMatch(
      /^hint: if it is a rename, confirm it with --rename app\.users\.legacy=bio/,
    );
  });

  it("--schema naming a schema neither side has warns instead of silently comparing nothing", {
    timeout: 180_000,
  }, async () => {
    const run = await runCli(["db", "--from", A, "--to", B, "--schema", "app,nope"], slow);
    expect(run.stderr).toContain(
      "warning: --schema nope: no such schema on either side, so nothing of it is compared",
    );
    expect(run.stderr).not.toContain("--schema app:");
  });

  it("writes YYYYMMDDHHMMSS_<name>.sql with up and down parts when allowed", {
    timeout: 180_000,
  }, async () => {
    const out = join(dir, "migrations");
    const run = await runCli(
      ["db", "--from", A, "--to", B, "--allow-destructive", "--output", out, "--name", "users v2"],
      slow,
    );
    expect(run.code).toBe(0);
    const files = readdirSync(out);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{14}_users_v2\.sql$/);
    expect(run.stdout).toContain(`migration written to ${join(out, files[0] ?? "")}`);
    const text = readFileSync(join(out, files[0] ?? ""), "utf8");
    expect(text).toContain("-- migrate:up\nSET LOCAL lock_timeout = '5s';");
    expect(text).toContain("-- migrate:down");
    expect(text).toContain("-- data not restored: every row of old_stuff is deleted");
  });

  it("--json prints one document with changes, hazards and the migration", {
    timeout: 180_000,
  }, async () => {
    const run = await runCli(
      [
        "db",
        "--from",
        A,
        "--to",
        B,
        "--rename",
        "app.users.legacy=bio",
        "--allow-destructive",
        "--json",
      ],
      slow,
    );
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.refused).toEqual([]);
    expect(doc.destructive).toEqual(["table:app.old_stuff"]);
    const renamed = doc.changes.find((c: { change: string }) => c.change === "renamed");
    expect(renamed).toMatchObject({ id: "column:app.users.bio", before: "legacy", after: "bio" });
    expect(renamed.up[0].sql).toBe("ALTER TABLE app.users RENAME COLUMN legacy TO bio");
    expect(doc.migration.file).toBeNull();
    expect(doc.migration.text).toContain("-- migrate:up");
  });

  describe("against a live database", () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase("sb_db_cli");
      await db.exec(readFileSync(A, "utf8"));
    });
    afterAll(async () => {
      await db?.drop();
    });

    it("sslmode in the URL is honoured (this server has no TLS, so sslmode=require fails in one line)", {
      timeout: 180_000,
    }, async () => {
      const url = `${db.url}${db.url.includes("?") ? "&" : "?"}sslmode=require`;
      const run = await runCli(
        ["db", "--connection", url, "--snapshot", join(dir, "tls.json")],
        slow,
      );
      expect(run.code).toBe(2);
      expect(run.stderr.split("\n")[0]).toMatch(
        /^error: cannot connect to .*sslmode=require: .*SSL/,
      );
    });

    it("--snapshot writes the model; the snapshot is a source; --compare diffs the database to a file", {
      timeout: 180_000,
    }, async () => {
      const snap = join(dir, "snapshots", "app.json");
      const taken = await runCli(
        ["db", "--connection", db.url, "--snapshot", snap, "--json"],
        slow,
      );
      expect(taken.code).toBe(0);
      expect(JSON.parse(taken.stdout).counts.tables).toBe(4);
      const same = await runCli(["db", "--from", snap, "--to", A, "--json"], slow);
      expect(JSON.parse(same.stdout).changes).toEqual([]);
      const compared = await runCli(
        [
          "db",
          "--connection",
          db.url,
          "--compare",
          B,
          "--allow-destructive",
          "--schema",
          "app",
          "--json",
        ],
        slow,
      );
      expect(compared.code).toBe(0);
      const doc = JSON.parse(compared.stdout);
      expect(doc.changes.map((c: { schema: string }) => c.schema)).not.toContain("reporting");
      expect(doc.changes.length).toBeGreaterThan(5);
      // the original command line: db --connection … --compare schema/v2.sql --output migrations/
      const out = join(dir, "from-live");
      const written = await runCli(
        ["db", "--connection", db.url, "--compare", B, "--allow-destructive", "--output", out],
        slow,
      );
      expect(written.code).toBe(0);
      expect(readdirSync(out)).toEqual([expect.stringMatching(/^\d{14}_[a-z0-9_]+\.sql$/)]);
    });
  });

  it("bad input is one line and exit 2: unreachable host (password hidden), SQL error, missing file", {
    timeout: 180_000,
  }, async () => {
    const port = await freePort();
    const refused = await runCli(
      ["db", "--connection", `postgres://app:s3cret@127.0.0.1:${port}/app`, "--compare", A],
      slow,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `error: cannot connect to postgres://app:***@127.0.0.1:${port}/app: connection refused`,
    );
    expect(refused.stderr).not.toContain("s3cret");

    const broken = join(dir, "broken.sql");
    await writeFile(
      broken,
      "CREATE TABLE public.a (id int);\nCREATE TABLE public.b (id int,, x text);\n",
    );
    const syntax = await runCli(["db", "--from", A, "--to", broken], slow);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr.split("\n")[0]).toBe('error: broken.sql:2: syntax error at or near ","');

    const missing = await runCli(["db", "--from", A, "--to", join(dir, "nope.sql")], slow);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split("\n")[0]).toBe(
      `error: ${join(dir, "nope.sql")}: no such file or folder`,
    );
  });

  it("wrong credentials are one line and exit 2", { timeout: 180_000 }, async ({ skip }) => {
    skip(
      !usingServer,
      "needs a PostgreSQL server (TEST_DATABASE_URL): embedded PGlite accepts any user and password",
    );
    const url = new URL(process.env.TEST_DATABASE_URL ?? "");
    url.username = "no_such_user_sb";
    url.password = "wrong";
    const run = await runCli(
      ["db", "--connection", url.toString(), "--snapshot", join(dir, "x.json")],
      slow,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error: cannot connect to postgres://no_such_user_sb:***@");
    // trust on localhost: the server says the role does not exist, and so do we
    expect(run.stderr).toMatch(
      /role "no_such_user_sb" does not exist|password authentication failed/,
    );
    expect(run.stderr).not.toContain("wrong@");
  });
});

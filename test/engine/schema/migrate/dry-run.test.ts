import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, runMigration } from "../../../../src/engine/schema/index.js";
import {
  type MigrationWorkspace,
  openWorkspace,
  trackingRows,
} from "../../../helpers/migration-workspace.js";

/** Everything a user could see of the schema and data, from queries independent of the migrator. */
async function fingerprint(db: Db): Promise<string> {
  const queries = [
    "SELECT table_schema, table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2, 3",
    "SELECT schemaname, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 2",
    "SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1",
    "SELECT nspname FROM pg_namespace ORDER BY 1",
    "SELECT id, email FROM users ORDER BY id",
  ];
  const parts: unknown[] = [];
  for (const sql of queries) parts.push((await db.query(sql)).rows);
  return JSON.stringify(parts);
}

describe("runMigration --dry-run", () => {
  let ws: MigrationWorkspace;
  beforeEach(async () => {
    ws = await openWorkspace();
    await ws.database.exec(
      "CREATE TABLE users (id int PRIMARY KEY, email text); INSERT INTO users VALUES (1, 'a@x'), (2, 'b@x');",
    );
  });
  afterEach(() => ws.close());

  it("reports changes, time and locks, and leaves the database exactly as it was", async () => {
    const file = await ws.write(
      "change.sql",
      `-- migrate:up
ALTER TABLE users ADD COLUMN name text NOT NULL DEFAULT '';
CREATE TABLE teams (id int PRIMARY KEY, owner int REFERENCES users (id));
UPDATE users SET email = upper(email);
DROP INDEX IF EXISTS nothing_here;
-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);
-- migrate:down
DROP TABLE teams;
ALTER TABLE users DROP COLUMN name;
`,
    );
    const before = await fingerprint(ws.db);
    const result = await runMigration(ws.db, {
      file,
      direction: "up",
      dryRun: true,
      lockTimeoutMs: 5000,
    });
    expect(await fingerprint(ws.db)).toBe(before);
    expect(await trackingRows(ws.db)).toEqual([]);

    expect(result.status).toBe("dry-run");
    expect(result.message).toContain("rolled back, database unchanged");
    expect(result.durationMs).toBeGreaterThan(0);
    expect(result.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ change: "created", kind: "column", name: "public.users.name" }),
        expect.objectContaining({ change: "created", kind: "table", name: "public.teams" }),
      ]),
    );
    // The new table's own columns and constraints are folded into the table entry.
    expect(result.changes?.some((c) => c.name.startsWith("public.teams."))).toBe(false);
    expect(result.locks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          relation: "public.users",
          mode: "AccessExclusiveLock",
          createdByMigration: false,
        }),
      ]),
    );
    expect(result.locks?.[0].mode).toBe("AccessExclusiveLock");
    expect(result.units.map((u) => u.outcome)).toEqual(["executed", "skipped-dry-run"]);
    expect(result.units[1].statements[0].sql).toContain("CREATE INDEX CONCURRENTLY");
  });

  it("lists only the locks the migration takes, not those of reading views for the report", async () => {
    await ws.database.exec("CREATE VIEW user_emails AS SELECT email FROM users;");
    const file = await ws.write("new-table.sql", "CREATE TABLE notes (id int PRIMARY KEY);\n");
    const result = await runMigration(ws.db, {
      file,
      direction: "up",
      dryRun: true,
      lockTimeoutMs: 5000,
    });
    expect(result.locks?.map((l) => l.relation)).not.toContain("public.user_emails");
    expect(result.locks?.map((l) => l.relation)).not.toContain("public.users");
  });

  it("reports a failing statement with its line and still leaves nothing behind", async () => {
    const file = await ws.write(
      "bad.sql",
      "-- migrate:up\nCREATE TABLE t (id int);\nALTER TABLE missing ADD COLUMN x int;\n",
    );
    const before = await fingerprint(ws.db);
    await expect(
      runMigration(ws.db, { file, direction: "up", dryRun: true, lockTimeoutMs: 5000 }),
    ).rejects.toThrow(/bad\.sql:3: statement 2 failed: relation "missing" does not exist/);
    expect(await fingerprint(ws.db)).toBe(before);
  });

  it("rehearses the down part of an applied migration without removing its record", async () => {
    const file = await ws.write(
      "cols.sql",
      "-- migrate:up\nALTER TABLE users ADD COLUMN age int;\n-- migrate:down\nALTER TABLE users DROP COLUMN age;\n",
    );
    await runMigration(ws.db, { file, direction: "up", dryRun: false, lockTimeoutMs: 5000 });
    const before = await fingerprint(ws.db);
    const result = await runMigration(ws.db, {
      file,
      direction: "down",
      dryRun: true,
      lockTimeoutMs: 5000,
    });
    expect(result.changes).toEqual([
      expect.objectContaining({ change: "dropped", kind: "column", name: "public.users.age" }),
    ]);
    expect(await fingerprint(ws.db)).toBe(before);
    expect((await trackingRows(ws.db)).map((r) => r.name)).toEqual(["cols"]);
  });

  it("rehearses an old-style plain file: BEGIN/COMMIT skipped, CREATE INDEX CONCURRENTLY reported, not run", async () => {
    const file = await ws.write(
      "20240115_add_user_indexes.sql",
      "BEGIN;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nALTER TABLE users ADD COLUMN seen_at timestamptz;\nCOMMIT;\n",
    );
    const before = await fingerprint(ws.db);
    const result = await runMigration(ws.db, {
      file,
      direction: "up",
      dryRun: true,
      lockTimeoutMs: 5000,
    });
    expect(await fingerprint(ws.db)).toBe(before);
    expect(
      result.units.map((u) => [u.transactional, u.outcome, u.statements.map((s) => s.line)]),
    ).toEqual([
      [false, "skipped-dry-run", [2]],
      [true, "executed", [3]],
    ]);
    expect(result.notes).toEqual([
      "line 1: BEGIN skipped: the migrator opens and commits the transaction itself",
      "line 4: COMMIT skipped: the migrator opens and commits the transaction itself",
      "line 2: runs outside a transaction (CREATE INDEX CONCURRENTLY cannot run inside a transaction); the statements around it run in their own transactions",
    ]);
    expect(result.changes).toEqual([
      expect.objectContaining({ change: "created", kind: "column", name: "public.users.seen_at" }),
    ]);
  });
});

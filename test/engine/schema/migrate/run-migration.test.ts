import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runMigration } from "../../../../src/engine/schema/index.js";
import { isUserError, type UserError } from "../../../../src/engine/shared/index.js";
import {
  type MigrationWorkspace,
  openWorkspace,
  tableNames,
  trackingRows,
} from "../../../helpers/migration-workspace.js";

const ADD_ORDERS = `-- senior-backend migration: 20260101T000000Z_orders
-- migrate:up
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric NOT NULL);
INSERT INTO orders VALUES (1, 10);
-- migrate:down
DROP TABLE orders;
`;

async function failure(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error("expected a UserError");
}

describe("runMigration: apply, track, roll back", () => {
  let ws: MigrationWorkspace;
  beforeEach(async () => {
    ws = await openWorkspace();
  });
  afterEach(() => ws.close());

  it("applies the up part once, records it, and --down undoes it and removes the record", async () => {
    const file = await ws.write("orders.sql", ADD_ORDERS);
    const first = await runMigration(ws.db, {
      file,
      direction: "up",
      dryRun: false,
      lockTimeoutMs: 5000,
    });
    expect(first.status).toBe("applied");
    expect(first.name).toBe("20260101T000000Z_orders");
    expect(await tableNames(ws.db)).toContain("public.orders");
    const rows = await trackingRows(ws.db);
    expect(rows).toEqual([{ name: "20260101T000000Z_orders", checksum: first.checksum }]);
    expect(first.checksum).toMatch(/^[0-9a-f]{64}$/);

    const again = await runMigration(ws.db, {
      file,
      direction: "up",
      dryRun: false,
      lockTimeoutMs: 5000,
    });
    expect(again.status).toBe("already-applied");
    expect(again.message).toContain("nothing to do");
    const count = await ws.db.query<{ n: number }>("SELECT count(*)::int AS n FROM orders");
    expect(count.rows[0].n).toBe(1);

    const down = await runMigration(ws.db, {
      file,
      direction: "down",
      dryRun: false,
      lockTimeoutMs: 5000,
    });
    expect(down.status).toBe("applied");
    expect(await tableNames(ws.db)).not.toContain("public.orders");
    expect(await trackingRows(ws.db)).toEqual([]);
    const history = await ws.db.query<{ direction: string }>(
      "SELECT direction FROM senior_backend.migration_history ORDER BY id",
    );
    expect(history.rows.map((r) => r.direction)).toEqual(["up", "down"]);

    const downAgain = await runMigration(ws.db, {
      file,
      direction: "down",
      dryRun: false,
      lockTimeoutMs: 5000,
    });
    expect(downAgain.status).toBe("not-applied");
  });

  it("refuses a changed file whose name was applied (checksum drift, exit 2)", async () => {
    const file = await ws.write("orders.sql", ADD_ORDERS);
    await runMigration(ws.db, { file, direction: "up", dryRun: false, lockTimeoutMs: 5000 });
    await ws.write("orders.sql", ADD_ORDERS.replace("numeric NOT NULL", "numeric"));
    const error = await failure(
      runMigration(ws.db, { file, direction: "up", dryRun: false, lockTimeoutMs: 5000 }),
    );
    expect(error.message).toMatch(/^checksum drift: 20260101T000000Z_orders was applied/);
    expect(error.exitCode).toBe(2);
  });

  it("leaves nothing behind when the 3rd statement fails: no table, no row, no tracking record", async () => {
    const file = await ws.write(
      "broken.sql",
      `-- migrate:up
CREATE TABLE a (id int PRIMARY KEY);
INSERT INTO a VALUES (1);
INSERT INTO a VALUES (1);
CREATE TABLE b (id int);
-- migrate:down
DROP TABLE b; DROP TABLE a;
`,
    );
    const error = await failure(
      runMigration(ws.db, { file, direction: "up", dryRun: false, lockTimeoutMs: 5000 }),
    );
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain("broken.sql:4: statement 3 failed: duplicate key value");
    expect(error.hint).toContain("nothing from it remains");
    expect(await tableNames(ws.db)).toEqual([
      "senior_backend.migration_history",
      "senior_backend.migration_progress",
      "senior_backend.schema_migrations",
    ]);
    expect(await trackingRows(ws.db)).toEqual([]);
  });

  it("reports a syntax error with its file line before touching the database (exit 2)", async () => {
    const file = await ws.write(
      "typo.sql",
      "-- migrate:up\nCREATE TABLE ok (id int);\n\nCREAT TABLE nope (id int);\n",
    );
    const error = await failure(
      runMigration(ws.db, { file, direction: "up", dryRun: false, lockTimeoutMs: 5000 }),
    );
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(`${file}:4: syntax error at or near "CREAT"`);
    expect(await tableNames(ws.db)).toEqual([]);
  });

  it("says a missing file is missing (exit 2)", async () => {
    const error = await failure(
      runMigration(ws.db, {
        file: `${ws.dir}/nope.sql`,
        direction: "up",
        dryRun: false,
        lockTimeoutMs: 5000,
      }),
    );
    expect(error.message).toBe(`migration file not found: ${ws.dir}/nope.sql`);
    expect(error.exitCode).toBe(2);
  });

  it("runs CREATE INDEX CONCURRENTLY of a plain file outside a transaction and says so", async () => {
    await ws.database.exec("CREATE TABLE users (id int PRIMARY KEY, email text)");
    const file = await ws.write(
      "20240115_add_user_indexes.sql",
      "BEGIN;\nALTER TABLE users ADD COLUMN name text;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nCOMMIT;\n",
    );
    const result = await runMigration(ws.db, {
      file,
      direction: "up",
      dryRun: false,
      lockTimeoutMs: 5000,
    });
    expect(result.status).toBe("applied");
    expect(result.name).toBe("20240115_add_user_indexes");
    expect(result.units.map((u) => u.transactional)).toEqual([true, false]);
    expect(result.notes.join("\n")).toContain(
      "line 3: runs outside a transaction (CREATE INDEX CONCURRENTLY cannot run inside a transaction)",
    );
    expect(result.notes.join("\n")).toContain("line 1: BEGIN skipped");
    const idx = await ws.db.query<{ valid: boolean }>(
      "SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'users_email_idx'::regclass",
    );
    expect(idx.rows[0].valid).toBe(true);
  });

  it("refuses --down for a file without a down part (exit 2)", async () => {
    const file = await ws.write("up-only.sql", "CREATE TABLE t (id int);");
    const error = await failure(
      runMigration(ws.db, { file, direction: "down", dryRun: false, lockTimeoutMs: 5000 }),
    );
    expect(error.message).toContain("has no down part");
    expect(error.exitCode).toBe(2);
  });

  it("refuses an empty file or one with only comments in one line, records nothing (exit 2)", async () => {
    for (const [name, text] of [
      ["empty.sql", ""],
      ["comments.sql", "-- to be written\n/* later */\n"],
    ]) {
      const file = await ws.write(name, text);
      const error = await failure(
        runMigration(ws.db, { file, direction: "up", dryRun: false, lockTimeoutMs: 5000 }),
      );
      expect(error.message).toBe(
        `${file} has no SQL statements to apply (the file is empty or only comments)`,
      );
      expect(error.exitCode).toBe(2);
    }
    expect(await trackingRows(ws.db)).toEqual([]);
  });
});

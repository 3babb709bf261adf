import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  migrationStatus,
  runMigration,
  runMigrationFolder,
} from "../../../../src/engine/schema/index.js";
import { isUserError, type UserError } from "../../../../src/engine/shared/index.js";
import {
  type MigrationWorkspace,
  openWorkspace,
  trackingRows,
} from "../../../helpers/migration-workspace.js";

const FIRST = `-- senior-backend migration: 20260101120000_accounts
-- migrate:up
CREATE TABLE account (id bigint PRIMARY KEY, email text);
INSERT INTO account VALUES (1, 'a@x'), (2, 'a@x');
-- migrate:down
DROP TABLE account;
`;

/** A column in a transaction, then a unique index built concurrently: fails while the emails repeat. */
const SECOND = `-- senior-backend migration: 20260102120000_unique_email
-- migrate:up
ALTER TABLE account ADD COLUMN plan text;
-- migrate:up transaction:false
CREATE UNIQUE INDEX CONCURRENTLY account_email_key ON account (email);
-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS account_email_key;
-- migrate:down
ALTER TABLE account DROP COLUMN plan;
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

const options = { dryRun: false, lockTimeoutMs: 5000 };

describe("migrations folder: apply in order, status, resume, roll back N", () => {
  let ws: MigrationWorkspace;
  beforeEach(async () => {
    ws = await openWorkspace();
  });
  afterEach(() => ws.close());

  it("continues an interrupted run: skips the committed part, rebuilds the INVALID index, says so", async () => {
    await ws.write("20260101120000_accounts.sql", FIRST);
    await ws.write("20260102120000_unique_email.sql", SECOND);
    const before = await migrationStatus(ws.db, ws.dir);
    expect(before.migrations.map((m) => m.state)).toEqual(["pending", "pending"]);

    const stopped = await failure(runMigrationFolder(ws.db, { ...options, folder: ws.dir }));
    expect(stopped.exitCode).toBe(1);
    expect(stopped.message).toMatch(/could not create unique index/);
    const partial = await migrationStatus(ws.db, ws.dir);
    expect(partial.migrations.map((m) => m.state)).toEqual(["applied", "partially-applied"]);
    const invalid = await ws.db.query<{ valid: boolean }>(
      "SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'account_email_key'::regclass",
    );
    expect(invalid.rows[0]?.valid).toBe(false);

    await ws.db.exec("DELETE FROM account WHERE id = 2");
    const resumed = await runMigrationFolder(ws.db, { ...options, folder: ws.dir });
    expect(resumed.results.map((r) => r.status)).toEqual(["applied"]);
    const notes = resumed.results[0]?.notes.join("\n") ?? "";
    expect(notes).toMatch(/continuing an interrupted run/);
    expect(notes).toMatch(/dropped INVALID index public\.account_email_key/);
    expect(resumed.results[0]?.units[0]?.outcome).toBe("already-done");
    const valid = await ws.db.query<{ valid: boolean }>(
      "SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'account_email_key'::regclass",
    );
    expect(valid.rows[0]?.valid).toBe(true);
    const after = await migrationStatus(ws.db, ws.dir);
    expect(after.migrations.map((m) => m.state)).toEqual(["applied", "applied"]);
  });

  it("rolls back the last N, newest first, and reports drift before running anything", async () => {
    const first = await ws.write("20260101120000_accounts.sql", FIRST);
    const second = await ws.write(
      "20260102120000_unique_email.sql",
      SECOND.replace("(1, 'a@x'), (2, 'a@x')", ""),
    );
    await ws.db.exec("SELECT 1");
    const applied = await runMigrationFolder(ws.db, {
      ...options,
      folder: ws.dir,
    }).catch(async () => {
      await ws.db.exec("DELETE FROM account WHERE id = 2");
      return runMigrationFolder(ws.db, { ...options, folder: ws.dir });
    });
    expect(applied.direction).toBe("up");
    expect((await trackingRows(ws.db)).map((r) => r.name)).toEqual([
      "20260101120000_accounts",
      "20260102120000_unique_email",
    ]);
    // More than are applied: refused, nothing rolled back.
    const tooMany = await failure(
      runMigrationFolder(ws.db, { ...options, folder: ws.dir, down: 99 }),
    );
    expect(tooMany.message).toBe(
      "cannot roll back 99: only 2 migration(s) are applied; nothing was rolled back",
    );
    expect((await trackingRows(ws.db)).length).toBe(2);
    const back = await runMigrationFolder(ws.db, { ...options, folder: ws.dir, down: 1 });
    expect(back.results.map((r) => r.name)).toEqual(["20260102120000_unique_email"]);
    expect((await trackingRows(ws.db)).map((r) => r.name)).toEqual(["20260101120000_accounts"]);

    await ws.write("20260101120000_accounts.sql", FIRST.replace("email text", "email text, x int"));
    const drift = await failure(runMigrationFolder(ws.db, { ...options, folder: ws.dir }));
    expect(drift.message).toMatch(/checksum drift: 20260101120000_accounts .*nothing was run/);
    expect((await migrationStatus(ws.db, ws.dir)).counts.drifted).toBe(1);
    expect(first && second).toBeTruthy();
  });

  it("a failed down leaves honest state: still applied, marked partially rolled back", async () => {
    const file = await ws.write(
      "20260103120000_idx.sql",
      `-- senior-backend migration: 20260103120000_idx
-- migrate:up
CREATE TABLE item (id int);
-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY item_id_idx ON item (id);
-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS item_id_idx;
-- migrate:down
DROP TABLE no_such_table;
`,
    );
    await runMigration(ws.db, { ...options, file, direction: "up" });
    const failed = await failure(runMigration(ws.db, { ...options, file, direction: "down" }));
    expect(failed.message).toMatch(/no_such_table/);
    const status = await migrationStatus(ws.db, ws.dir);
    expect(status.migrations.map((m) => m.state)).toEqual(["partially-rolled-back"]);
    expect(status.migrations[0]?.note).toMatch(/--down run stopped half-way/);
    expect(failed.hint).toMatch(/partially rolled back/);

    // Applying it (or the folder) again must not claim "already applied" while its index is gone.
    const again = await failure(runMigration(ws.db, { ...options, file, direction: "up" }));
    expect(again.exitCode).toBe(2);
    expect(again.message).toMatch(/20260103120000_idx is partially rolled back/);
    await ws.write(
      "20260104120000_more.sql",
      "-- senior-backend migration: 20260104120000_more\nCREATE TABLE more (id int);\n",
    );
    const folder = await failure(runMigrationFolder(ws.db, { ...options, folder: ws.dir }));
    expect(folder.message).toMatch(/a --down run stopped half-way; nothing was run/);
    expect((await migrationStatus(ws.db, ws.dir)).counts.pending).toBe(1);
  });

  it("status lists an empty file as pending and says when a pending file runs out of order", async () => {
    await ws.write("20260101120000_accounts.sql", FIRST);
    await runMigrationFolder(ws.db, { ...options, folder: ws.dir });
    await ws.write("20251231120000_from_a_branch.sql", "CREATE TABLE branch_table (id int);\n");
    await ws.write("20260301120000_later.sql", "");
    const status = await migrationStatus(ws.db, ws.dir);
    expect(status.migrations.map((m) => `${m.name} ${m.state}`)).toEqual([
      "20251231120000_from_a_branch pending",
      "20260101120000_accounts applied",
      "20260301120000_later pending",
    ]);
    expect(status.migrations[0]?.note).toBe(
      "out of order: sorts before 20260101120000_accounts, which is applied; --migrate runs it now, after it",
    );
    expect(status.migrations[2]?.note).toBeUndefined();
    const run = await failure(runMigrationFolder(ws.db, { ...options, folder: ws.dir }));
    expect(run.message).toMatch(/20260301120000_later\.sql has no SQL statements to apply/);
  });

  it("a partially applied migration is not rolled back (its up part never finished)", async () => {
    await ws.write("20260101120000_accounts.sql", FIRST);
    const file = await ws.write("20260102120000_unique_email.sql", SECOND);
    await failure(runMigrationFolder(ws.db, { ...options, folder: ws.dir }));
    const down = await failure(runMigration(ws.db, { ...options, file, direction: "down" }));
    expect(down.exitCode).toBe(2);
    expect(down.message).toMatch(/is partially applied/);
    const folder = await failure(
      runMigrationFolder(ws.db, { ...options, folder: ws.dir, down: 1 }),
    );
    expect(folder.message).toMatch(/nothing was rolled back/);
  });

  it("an index whose build finished after its run died is recorded, not built again, and said", async () => {
    await ws.write("20260101120000_accounts.sql", FIRST);
    await ws.write("20260102120000_unique_email.sql", SECOND);
    await failure(runMigrationFolder(ws.db, { ...options, folder: ws.dir }));
    // The build is finished by hand (as a killed client's server backend would finish it).
    await ws.db.exec("DELETE FROM account WHERE id = 2");
    await ws.db.exec("DROP INDEX account_email_key");
    await ws.db.exec("CREATE UNIQUE INDEX account_email_key ON account (email)");
    const resumed = await runMigrationFolder(ws.db, { ...options, folder: ws.dir });
    expect(resumed.results[0]?.notes.join("\n")).toMatch(
      /index public\.account_email_key was already built and valid/,
    );
  });
});

describe("a generated down that loses data", () => {
  let ws: MigrationWorkspace;
  beforeEach(async () => {
    ws = await openWorkspace();
  });
  afterEach(() => ws.close());

  it("says so in a hazard line and is refused without --allow-destructive", async () => {
    const { diffSchemas, introspect, planMigration } = await import(
      "../../../../src/engine/schema/index.js"
    );
    await ws.db.exec("CREATE TABLE item (id int)");
    const before = await introspect(ws.db);
    await ws.db.exec("ALTER TABLE item ADD COLUMN note text");
    const after = await introspect(ws.db);
    await ws.db.exec("ALTER TABLE item DROP COLUMN note");
    const plan = planMigration(diffSchemas(before, after).changes, { slug: "note" });
    expect(plan.text).toMatch(/-- hazard data-loss: the values of item\.note are deleted/);
    const file = await ws.write(plan.fileName, plan.text);
    await runMigration(ws.db, { ...options, file, direction: "up" });
    const refused = await failure(runMigration(ws.db, { ...options, file, direction: "down" }));
    expect(refused.exitCode).toBe(2);
    expect(refused.message).toMatch(/the down part of .* loses data: the values of item\.note/);
    expect(refused.hint).toMatch(/--allow-destructive/);
    const done = await runMigration(ws.db, {
      ...options,
      file,
      direction: "down",
      allowDestructive: true,
    });
    expect(done.status).toBe("applied");
  });
});

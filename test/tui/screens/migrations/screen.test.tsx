import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { render } from "ink-testing-library";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { migrationStatus, runMigrationFolder } from "../../../../src/engine/schema/index.js";
import { App } from "../../../../src/tui/app.js";
import { preloadScreens } from "../../../../src/tui/screen-loader.js";
import { frameFits, press, resizeStdout, waitForFrame, waitUntil } from "../../../helpers/ink.js";
import {
  type MigrationWorkspace,
  openWorkspace,
  tableNames,
} from "../../../helpers/migration-workspace.js";

// Screens load when opened; load these once so each test starts on its screen's first frame.
beforeAll(() => preloadScreens(["migrations"]));

const ENTER = "\r";
const ESC = "\u001b";
const SLOW = 20_000;

const ACCOUNTS = `-- senior-backend migration: 20260101120000_accounts
-- migrate:up
CREATE TABLE account (id bigint PRIMARY KEY, email text);
-- migrate:down
DROP TABLE account;
`;
/** Hand-written, with a plain CREATE INDEX on a table that already exists: lint flags it. */
const EMAIL_INDEX = `-- senior-backend migration: 20260102120000_email_index
-- migrate:up
ALTER TABLE account ADD COLUMN plan text;
CREATE INDEX account_email_idx ON account (email);
-- migrate:down
DROP INDEX account_email_idx;
ALTER TABLE account DROP COLUMN plan;
`;
const INVOICES = `-- senior-backend migration: 20260103120000_invoices
-- migrate:up
CREATE TABLE invoice (id bigint PRIMARY KEY);
-- migrate:down
DROP TABLE invoice;
`;

/** A column in a transaction, then a unique index built concurrently (fails while emails repeat). */
const UNIQUE_EMAIL = `-- senior-backend migration: 20260102120000_unique_email
-- migrate:up
ALTER TABLE account ADD COLUMN plan text;
-- migrate:up transaction:false
CREATE UNIQUE INDEX CONCURRENTLY account_email_key ON account (email);
-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS account_email_key;
-- migrate:down
ALTER TABLE account DROP COLUMN plan;
`;

function start(columns = 80, rows = 24) {
  const onDone = vi.fn();
  const r = render(<App start={{ screen: "migrations" }} onDone={onDone} />);
  resizeStdout(r.stdout, columns, rows);
  return { ...r, onDone };
}

/** Fill the form (connection, folder) and read the status. */
async function openStatus(app: ReturnType<typeof start>, url: string, folder: string) {
  await waitForFrame(app.lastFrame, "Migration status");
  app.stdin.write(`${url}${ENTER}${folder}${ENTER}`);
  return waitForFrame(app.lastFrame, /\d+ applied · \d+ pending/, SLOW);
}

describe("migrations screen (real database, migrations folder in a temp dir)", () => {
  let ws: MigrationWorkspace;
  beforeEach(async () => {
    ws = await openWorkspace();
  });
  afterEach(() => ws.close());

  it("lists applied, pending, drifted and missing-file migrations with what to do about each", async () => {
    await ws.write("20260101120000_accounts.sql", ACCOUNTS);
    await ws.write("20260103120000_invoices.sql", INVOICES);
    await runMigrationFolder(ws.db, { folder: ws.dir, dryRun: false, lockTimeoutMs: 5000 });
    // The invoices file goes away after it was applied; accounts is edited; email_index is new.
    await rm(join(ws.dir, "20260103120000_invoices.sql"));
    await ws.write("20260101120000_accounts.sql", `${ACCOUNTS}-- edited\n`);
    await ws.write("20260102120000_email_index.sql", EMAIL_INDEX);

    const r = start();
    const frame = await openStatus(r, ws.database.url, ws.dir);
    expect(frame).toContain("0 applied · 1 pending · 1 drifted · 1 no file");
    expect(frame).toMatch(/✖ DRIFTED\s+20260101120000_accounts/);
    expect(frame).toMatch(/· pending\s+20260102120000_email_index/);
    expect(frame).toMatch(/\? NO FILE\s+20260103120000_invoices/);
    expect(frame).toContain("the file changed after it was applied");
    await press(r, "j", "20260102120000_email_index: pending");
    await press(r, "j", "applied, but its file is not in this folder");
    // Drift stops a run before anything runs, and says so.
    await press(r, "a", "checksum drift", { timeoutMs: SLOW });
    expect((await migrationStatus(ws.db, ws.dir)).counts.pending).toBe(1);
    await press(r, ESC, /0 applied · 1 pending/);
    r.unmount();
  });

  it("applies only after a dry run and y: the dry run keeps nothing, y applies and the list updates", async () => {
    await ws.write("20260101120000_accounts.sql", ACCOUNTS);
    await ws.write("20260103120000_invoices.sql", INVOICES);
    const r = start();
    await openStatus(r, ws.database.url, ws.dir);
    // a and y together: y arrives while the dry run runs and must not apply anything.
    r.stdin.write("ay");
    const dry = await waitForFrame(r.lastFrame, "Nothing was kept", SLOW);
    expect(dry).toContain("dry run of the next migration only");
    expect(dry).toContain("20260101120000_accounts: dry-run");
    expect(await tableNames(ws.db)).toEqual([]);
    expect((await migrationStatus(ws.db, ws.dir)).counts.pending).toBe(2);

    await press(r, "y", /applied 2 migration\(s\)/, { timeoutMs: SLOW });
    expect(await tableNames(ws.db)).toEqual(
      expect.arrayContaining(["public.account", "public.invoice"]),
    );
    await press(r, ESC, /2 applied · 0 pending\s/);
    // Nothing pending: a dry run says so and offers nothing to confirm.
    await press(r, "a", /nothing pending/, { timeoutMs: SLOW });
    expect(r.lastFrame()).not.toContain("y applies");
    r.unmount();
  });

  it("a run that fails half-way: the error, then the list shows it partially applied", async () => {
    await ws.write(
      "20260101120000_accounts.sql",
      ACCOUNTS.replace(");\n", ");\nINSERT INTO account VALUES (1, 'a@x'), (2, 'a@x');\n"),
    );
    // The unique index runs outside a transaction: a dry run skips it, the real run fails on it.
    await ws.write("20260102120000_unique_email.sql", UNIQUE_EMAIL);
    const r = start();
    await openStatus(r, ws.database.url, ws.dir);
    await press(r, "a", "Nothing was kept", { timeoutMs: SLOW });
    const failed = await press(r, "y", "error:", { timeoutMs: SLOW });
    expect(failed).toContain("could not create unique index");
    const after = await press(r, ESC, /1 applied · 1 pending/);
    expect(after).toMatch(/! PARTIAL\s+20260102120000_unique_email/);
    await press(r, "j", "run --migrate again to continue");
    r.unmount();
  });

  it("Esc cancels a dry run: nothing is applied", async () => {
    await ws.write("20260101120000_accounts.sql", ACCOUNTS);
    const r = start();
    await openStatus(r, ws.database.url, ws.dir);
    await press(r, "a", "Nothing was kept", { timeoutMs: SLOW });
    await press(r, [ESC, "y"], /0 applied · 1 pending/);
    expect(await tableNames(ws.db)).toEqual([]);
    r.unmount();
  });

  it("lints the selected file and the whole folder, with rule ids and their docs pages", async () => {
    await ws.write("20260101120000_accounts.sql", ACCOUNTS);
    await ws.write("20260102120000_email_index.sql", EMAIL_INDEX);
    const r = start();
    await openStatus(r, ws.database.url, ws.dir);
    // The first file's down part drops a table: a warning, with its rule page.
    await press(r, "l", "1 file(s)", { timeoutMs: SLOW });
    expect(r.lastFrame()).toContain("[drop-table] 20260101120000_accounts.sql");
    expect(r.lastFrame()).toContain("Rule: docs/db-rules/drop-table.md");
    await press(r, [ESC, "j", "l"], /\[non-concurrent-index\]/, { timeoutMs: SLOW });
    // Moving through the findings shows each one's rule page.
    const finding = await press(r, "j", "Rule: docs/db-rules/non-concurrent-index.md");
    expect(finding).toContain("ERROR [non-concurrent-index]");
    expect(finding).toMatch(/20260102120000_email_index\.sql:\d+/);
    expect(finding).toContain("CREATE INDEX account_email_idx");
    await press(r, ESC, /0 applied · 2 pending/);
    await press(r, "L", "2 file(s)", { timeoutMs: SLOW });
    expect(r.lastFrame()).toMatch(/lint: \d+ errors · \d+ warnings/);
    r.unmount();
  });

  it("takes the connection from DATABASE_URL when the field is blank; fits 60x20 with NO_COLOR", async () => {
    await ws.write("20260101120000_accounts.sql", ACCOUNTS);
    const saved = { url: process.env.DATABASE_URL, color: process.env.NO_COLOR };
    process.env.DATABASE_URL = ws.database.url;
    process.env.NO_COLOR = "1";
    try {
      const r = start(60, 20);
      await waitForFrame(r.lastFrame, "Migration status");
      r.stdin.write(`${ENTER}${ws.dir}${ENTER}`);
      const frame = await waitForFrame(r.lastFrame, "0 applied · 1 pending", SLOW);
      expect(frame).not.toMatch(/\u001b\[3\dm/);
      expect(frameFits(frame, 60, 20).fits).toBe(true);
      expect(frame).toContain("? help");
      expect(frame).toContain("q quit");
      expect(frame).toContain("› · pending");
      r.unmount();
    } finally {
      if (saved.url === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved.url;
      if (saved.color === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved.color;
    }
  });

  it("a bad connection is one line with a hint, the password never shown", async () => {
    await writeFile(join(ws.dir, "20260101120000_accounts.sql"), ACCOUNTS);
    const r = start();
    await waitForFrame(r.lastFrame, "Migration status");
    r.stdin.write(`postgres://me:s3cret@127.0.0.1:1/x${ENTER}${ws.dir}${ENTER}`);
    const frame = await waitForFrame(r.lastFrame, "error:", SLOW);
    expect(frame).not.toContain("s3cret");
    expect(frame).toContain("hint:");
    r.unmount();
  });
});

describe("migrations screen without a database", () => {
  it("Ctrl+C on the first frame quits with 130", async () => {
    const r = start();
    await waitForFrame(r.lastFrame, "Migration status");
    r.stdin.write("\u0003");
    await waitUntil(() => r.onDone.mock.calls.length > 0, "the app to quit");
    expect(r.onDone.mock.calls[0]?.[0]).toMatchObject({ exitCode: 130 });
    r.unmount();
  });

  it("asks for the folder; opens from the Database menu; home keeps its menu position after going back", async () => {
    const r = render(<App onDone={() => {}} />);
    resizeStdout(r.stdout, 80, 24);
    await waitForFrame(r.lastFrame, "Database — analyze, compare and migrate");
    r.stdin.write("jjjjj\r");
    await waitForFrame(r.lastFrame, "Migration status: applied, pending");
    await press(r, ["j", "j", ENTER], "Migration status: which files");
    await press(r, [ENTER, ENTER], "name the migrations folder");
    // Back to the Database menu, then home: Database is still the selected row.
    await press(r, ESC, "What do you want to do with a database?");
    const home = await press(r, ESC, "Pick a tool");
    expect(home).toMatch(/› Database — analyze/);
    r.unmount();
  });
});

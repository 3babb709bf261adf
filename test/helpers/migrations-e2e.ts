import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { connectServer, runMigrationFolder } from "../../src/engine/schema/index.js";
import { createTestDatabase, type TestDatabase, withClient } from "./pg.js";
import { tempDir } from "./temp-dir.js";

/** Two migrations for the migration-status screen: accounts, then a plain (non-concurrent) index on it. */
export const MIGRATIONS: Record<string, string> = {
  "20260101120000_accounts.sql": `-- senior-backend migration: 20260101120000_accounts
-- migrate:up
CREATE TABLE account (id bigint PRIMARY KEY, email text);
-- migrate:down
DROP TABLE account;
`,
  "20260102120000_email_index.sql": `-- senior-backend migration: 20260102120000_email_index
-- migrate:up
CREATE INDEX account_email_idx ON account (email);
-- migrate:down
DROP INDEX account_email_idx;
`,
};

/**
 * A test database and a temp migrations folder holding MIGRATIONS; with `applied`, that many of them
 * are applied first (through the engine, as `db --migrate` would).
 */
export async function migrationsFixture(applied = 0): Promise<{
  database: TestDatabase;
  dir: string;
  /** Does the relation exist in the test database? */
  exists(relation: string): Promise<boolean>;
}> {
  const database = await createTestDatabase("sb_e2e_migrations");
  const dir = tempDir("e2e-migrations");
  const names = Object.keys(MIGRATIONS).sort();
  for (const name of names.slice(0, applied)) await writeFile(join(dir, name), MIGRATIONS[name]!);
  if (applied > 0) {
    const db = await connectServer(database.url);
    try {
      await runMigrationFolder(db, { folder: dir, dryRun: false, lockTimeoutMs: 5000 });
    } finally {
      await db.close();
    }
  }
  for (const name of names.slice(applied)) await writeFile(join(dir, name), MIGRATIONS[name]!);
  return {
    database,
    dir,
    exists: (relation) =>
      withClient(database.url, (c) =>
        c.query<{ r: string | null }>("SELECT to_regclass($1)::text AS r", [relation]),
      ).then((r) => r.rows[0]?.r != null),
  };
}

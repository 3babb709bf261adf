import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { connectServer, type Db } from "../../src/engine/schema/index.js";
import { createTestDatabase, type TestDatabase } from "./pg.js";
import { tempDir } from "./temp-dir.js";

/** A test database, a connection to it and a scratch folder for migration files. */
export interface MigrationWorkspace {
  database: TestDatabase;
  db: Db;
  dir: string;
  write(name: string, text: string): Promise<string>;
  close(): Promise<void>;
}

export async function openWorkspace(): Promise<MigrationWorkspace> {
  const database = await createTestDatabase("sb_migrate");
  const db = await connectServer(database.url);
  const dir = tempDir("migrate");
  return {
    database,
    db,
    dir,
    write: async (name, text) => {
      const file = join(dir, name);
      await writeFile(file, text);
      return file;
    },
    close: async () => {
      await db.close().catch(() => {});
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function tableNames(db: Db): Promise<string[]> {
  const r = await db.query<{ t: string }>(
    "SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1",
  );
  return r.rows.map((row) => row.t);
}

export async function trackingRows(db: Db): Promise<Array<{ name: string; checksum: string }>> {
  const exists = await db.query<{ t: string | null }>(
    "SELECT to_regclass('senior_backend.schema_migrations')::text AS t",
  );
  if (!exists.rows[0]?.t) return [];
  const r = await db.query<{ name: string; checksum: string }>(
    "SELECT name, checksum FROM senior_backend.schema_migrations ORDER BY name",
  );
  return r.rows;
}

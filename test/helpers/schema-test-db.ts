import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  connectServer,
  type Db,
  openEmbedded,
  type PlannedStatement,
  type SchemaChange,
} from "../../src/engine/schema/index.js";
import { extensionsIn } from "../../src/engine/schema/sources/embedded-extensions.js";
import { createTestDatabase, usingServer } from "./pg.js";

export const fixturesDir = resolve(
  fileURLToPath(new URL(".", import.meta.url)),
  "../engine/schema/fixtures",
);

export function fixture(name: string): Promise<string> {
  return readFile(resolve(fixturesDir, name), "utf8");
}

/**
 * A database for one schema test: its own database on the server at TEST_DATABASE_URL, or an embedded
 * PGlite (with the extensions the SQL needs) when that is unset.
 */
export async function schemaTestDb(sql: string, alsoNeeds = ""): Promise<Db> {
  if (usingServer) {
    const test = await createTestDatabase("sb_schema");
    const db = await connectServer(test.url);
    await db.exec(sql);
    return {
      ...db,
      close: async () => {
        await db.close();
        await test.drop();
      },
    };
  }
  const db = await openEmbedded({ extensions: extensionsIn(sql + alsoNeeds) });
  await db.exec(sql);
  return db;
}

/** Run planned statements the way the migration file says: transactional stages in one transaction each. */
export async function applyStatements(db: Db, statements: PlannedStatement[]): Promise<void> {
  const sorted = [...statements].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  let batch: string[] = [];
  let batchStage: number | undefined;
  const flush = async () => {
    if (batch.length > 0)
      await db.exec(
        `BEGIN;\nSET LOCAL check_function_bodies = false;\n${batch.join(";\n")};\nCOMMIT;`,
      );
    batch = [];
  };
  for (const s of sorted) {
    if (s.stage !== batchStage) {
      await flush();
      batchStage = s.stage;
    }
    if (s.transactional) batch.push(s.sql);
    else await db.exec(s.sql);
  }
  await flush();
}

export const upOf = (changes: SchemaChange[]) => changes.flatMap((c) => c.up);
export const downOf = (changes: SchemaChange[]) => changes.flatMap((c) => c.down);

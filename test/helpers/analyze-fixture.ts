import type { AnalyzeThresholds } from "../../src/engine/schema/index.js";
import {
  analyzeDatabase,
  connectServer,
  type Db,
  type Finding,
} from "../../src/engine/schema/index.js";
import { createTestDatabase, type TestDatabase } from "./pg.js";

/** A fresh database with `setup` applied, and a way to run one analyzer check against it. */
export interface AnalyzeFixture {
  database: TestDatabase;
  db: Db;
  run(check: string, thresholds?: Partial<AnalyzeThresholds>): Promise<Finding[]>;
  close(): Promise<void>;
}

export async function analyzeFixture(setup: string): Promise<AnalyzeFixture> {
  const database = await createTestDatabase("sb_analyze");
  if (setup.trim()) await database.exec(setup);
  const db = await connectServer(database.url);
  return {
    database,
    db,
    run: async (check, thresholds) =>
      (await analyzeDatabase(db, { checks: [check], thresholds })).findings,
    close: async () => {
      await db.close().catch(() => {});
      await database.drop();
    },
  };
}

/** Poll (bounded) until the cumulative statistics show what `ready` wants; stats flush asynchronously. */
export async function waitForStats(
  db: Db,
  sql: string,
  ready: (row: Record<string, unknown>) => boolean,
): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (let attempt = 0; attempt < 300 && Date.now() < deadline; attempt += 1) {
    await db.query("SELECT pg_stat_clear_snapshot()");
    const r = await db.query(sql);
    if (r.rows[0] && ready(r.rows[0])) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`statistics never showed the expected values: ${sql}`);
}

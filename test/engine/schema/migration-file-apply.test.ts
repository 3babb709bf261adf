import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  diffSchemas,
  introspect,
  planMigration,
  runMigration,
} from "../../../src/engine/schema/index.js";
import { fixture, schemaTestDb } from "../../helpers/schema-test-db.js";
import { tempDir } from "../../helpers/temp-dir.js";

let dir: string;
beforeAll(async () => {
  dir = tempDir("migfile");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The written file is the contract with `db --migrate`: applying its text gives the same round trip. */
describe("a planned migration file applied with the migrator", () => {
  for (const name of ["constraints-indexes", "types", "views-functions"]) {
    it(`${name}: up then down through the file`, { timeout: 120_000 }, async () => {
      const [a, b] = [await fixture(`${name}/a.sql`), await fixture(`${name}/b.sql`)];
      const dbA = await schemaTestDb(a, b);
      const dbB = await schemaTestDb(b);
      try {
        const modelA = await introspect(dbA);
        const modelB = await introspect(dbB);
        const plan = planMigration(
          diffSchemas(modelA, modelB, { allowDestructive: true }).changes,
          {
            slug: name,
          },
        );
        const file = join(dir, plan.fileName);
        await writeFile(file, plan.text);
        const options = { file, dryRun: false, lockTimeoutMs: 10_000 };
        await runMigration(dbA, { ...options, direction: "up" });
        expect(diffSchemas(await introspect(dbA), modelB).changes.map((c) => c.id)).toEqual([]);
        // The generated down drops what the up part added: it says so and needs the flag.
        await runMigration(dbA, { ...options, direction: "down", allowDestructive: true });
        expect(diffSchemas(await introspect(dbA), modelA).changes.map((c) => c.id)).toEqual([]);
      } finally {
        await Promise.all([dbA.close(), dbB.close()]);
      }
    });
  }
});

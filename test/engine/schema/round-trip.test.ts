import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffSchemas, introspect } from "../../../src/engine/schema/index.js";
import {
  applyStatements,
  downOf,
  fixture,
  fixturesDir,
  schemaTestDb,
  upOf,
} from "../../helpers/schema-test-db.js";

/**
 * The correctness test of the planner: for every fixture pair, applying the up part to A gives B
 * (the diff to B is empty) and applying the down part gives A again.
 */
const pairs = readdirSync(fixturesDir).sort();
const renames: Record<string, string[]> = {
  renames: ["app.customers=clients", "app.orders.total=amount", "app.customers.name=full_name"],
};

describe("migration round trip", () => {
  for (const name of pairs) {
    it(`${name}: up turns A into B, down turns it back into A`, { timeout: 120_000 }, async () => {
      const [a, b] = await Promise.all([fixture(`${name}/a.sql`), fixture(`${name}/b.sql`)]);
      const dbA = await schemaTestDb(a, b);
      const dbB = await schemaTestDb(b);
      try {
        const modelA = await introspect(dbA);
        const modelB = await introspect(dbB);
        const diff = diffSchemas(modelA, modelB, {
          allowDestructive: true,
          renames: renames[name] ?? [],
        });
        expect(diff.changes.length).toBeGreaterThan(0);
        await applyStatements(dbA, upOf(diff.changes));
        const afterUp = diffSchemas(await introspect(dbA), modelB);
        expect(
          afterUp.changes.map((c) => `${c.id} ${c.change}: ${c.before} -> ${c.after}`),
        ).toEqual([]);
        await applyStatements(dbA, downOf(diff.changes));
        const afterDown = diffSchemas(await introspect(dbA), modelA);
        expect(
          afterDown.changes.map((c) => `${c.id} ${c.change}: ${c.before} -> ${c.after}`),
        ).toEqual([]);
      } finally {
        await Promise.all([dbA.close(), dbB.close()]);
      }
    });
  }
});

import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { diffSchemas, introspect, openEmbedded } from "../../../src/engine/schema/index.js";
import { extensionsIn } from "../../../src/engine/schema/sources/embedded-extensions.js";
import { fixturesDir, schemaTestDb } from "../../helpers/schema-test-db.js";

/**
 * `db --connection URL --compare schema.sql` reads one side from the server (PostgreSQL 13–18) and the other
 * from embedded PostgreSQL 18: the same SQL must give no differences across versions.
 */
const files = [
  ...readdirSync(fixturesDir)
    .sort()
    .flatMap((d) => [`fixtures/${d}/a.sql`, `fixtures/${d}/b.sql`]),
  "every-kind.sql",
];

describe("the same schema on the test database and on embedded PostgreSQL", () => {
  for (const file of files) {
    it(`${file} shows no differences`, { timeout: 120_000 }, async () => {
      const sql = await readFile(new URL(`./${file}`, import.meta.url), "utf8");
      const server = await schemaTestDb(sql);
      const embedded = await openEmbedded({ extensions: extensionsIn(sql) });
      try {
        await embedded.exec(sql);
        const diff = diffSchemas(await introspect(server), await introspect(embedded));
        expect(diff.changes.map((c) => `${c.id}: ${c.before} -> ${c.after}`)).toEqual([]);
      } finally {
        await Promise.all([server.close(), embedded.close()]);
      }
    });
  }
});

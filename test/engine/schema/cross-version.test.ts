import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { diffSchemas, introspect, openEmbedded } from "../../../src/engine/schema/index.js";
import { extensionsIn } from "../../../src/engine/schema/sources/embedded-extensions.js";
import { fixture, fixturesDir, schemaTestDb } from "./schema-test-db.js";

/**
 * `db --connection URL --compare schema.sql` reads one side from the server (PostgreSQL 13–18) and the other
 * from embedded PostgreSQL 18: the same SQL must give no differences across versions.
 */
describe("the same schema on the test database and on embedded PostgreSQL", () => {
  const files = [
    ...readdirSync(fixturesDir)
      .sort()
      .flatMap((d) => [`${d}/a.sql`, `${d}/b.sql`]),
  ];
  it("shows no differences", async () => {
    const everyKind = await readFile(new URL("./every-kind.sql", import.meta.url), "utf8");
    const sources = [...(await Promise.all(files.map(fixture))), everyKind];
    const noise: string[] = [];
    for (const sql of sources) {
      const server = await schemaTestDb(sql);
      const embedded = await openEmbedded({ extensions: extensionsIn(sql) });
      try {
        await embedded.exec(sql);
        const diff = diffSchemas(await introspect(server), await introspect(embedded));
        noise.push(...diff.changes.map((c) => `${c.id}: ${c.before} -> ${c.after}`));
      } finally {
        await Promise.all([server.close(), embedded.close()]);
      }
    }
    expect(noise).toEqual([]);
  });
});

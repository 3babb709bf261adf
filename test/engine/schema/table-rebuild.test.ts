import { describe, expect, it } from "vitest";
import {
  diffSchemas,
  introspect,
  planMigration,
  type SchemaModel,
} from "../../../src/engine/schema/index.js";
import { schemaTestDb, upOf } from "../../helpers/schema-test-db.js";

async function modelOf(sql: string): Promise<SchemaModel> {
  const db = await schemaTestDb(sql);
  try {
    return await introspect(db);
  } finally {
    await db.close();
  }
}

const A = `CREATE TABLE public.reading (id int, site text NOT NULL, zone text NOT NULL) PARTITION BY LIST (site);
CREATE TABLE public.reading_a PARTITION OF public.reading FOR VALUES IN ('a');
CREATE TABLE public.alarm (id int);`;
const B = `CREATE TABLE public.reading (id int, site text NOT NULL, zone text NOT NULL) PARTITION BY LIST (zone);
CREATE TABLE public.reading_a PARTITION OF public.reading FOR VALUES IN ('a');
CREATE TABLE public.alarm (id int);`;

describe("a table created again because its partitioning changes", () => {
  it("takes its unchanged partitions along, and both are destructive: refused unless allowed, marked in the down part", {
    timeout: 180_000,
  }, async () => {
    const a = await modelOf(A);
    const b = await modelOf(B);
    expect(diffSchemas(a, b).refused.map((c) => c.id)).toEqual([
      "table:public.reading",
      "table:public.reading_a",
    ]);
    const diff = diffSchemas(a, b, { allowDestructive: true });
    const drops = upOf(diff.changes)
      .filter((s) => s.sql.startsWith("DROP TABLE"))
      .sort((x, y) => (x.order ?? 0) - (y.order ?? 0));
    // The partition goes first, then its parent.
    expect(drops.map((s) => s.sql)).toEqual([
      "DROP TABLE public.reading_a",
      "DROP TABLE public.reading",
    ]);
    expect(drops[0]?.hazards).toContainEqual({
      kind: "data-loss",
      message: "reading_a is dropped and created again: its rows are deleted",
    });
    const text = planMigration(diff.changes).text;
    const down = text.slice(text.indexOf("-- migrate:down"));
    expect(down).toContain(
      "-- hazard data-loss: reading is dropped and created again: its rows are deleted",
    );
    expect(down).toContain(
      "CREATE TABLE public.reading_a PARTITION OF public.reading FOR VALUES IN ('a');",
    );
  });
});

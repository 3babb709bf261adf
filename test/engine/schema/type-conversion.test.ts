import { describe, expect, it } from "vitest";
import { diffSchemas, introspect, type SchemaModel } from "../../../src/engine/schema/index.js";
import { applyStatements, downOf, schemaTestDb, upOf } from "../../helpers/schema-test-db.js";

async function modelOf(sql: string): Promise<SchemaModel> {
  const db = await schemaTestDb(sql);
  try {
    return await introspect(db);
  } finally {
    await db.close();
  }
}

const A =
  "CREATE TABLE public.event (id int PRIMARY KEY, created bigint, seen timestamptz, wait integer);";
const B =
  "CREATE TABLE public.event (id int PRIMARY KEY, created timestamp(3), seen bigint, wait interval);";

describe("column type changes PostgreSQL has no cast for", () => {
  it("convert with a stated reading (epoch milliseconds, or the text form), refused unless destructive changes are allowed, and come back on down", {
    timeout: 180_000,
  }, async () => {
    const a = await modelOf(A);
    const b = await modelOf(B);
    const refused = diffSchemas(a, b);
    expect(refused.refused.map((c) => c.id).sort()).toEqual([
      "column:public.event.created",
      "column:public.event.seen",
      "column:public.event.wait",
    ]);
    const diff = diffSchemas(a, b, { allowDestructive: true });
    const messages = upOf(diff.changes).flatMap((s) => s.hazards.map((h) => h.message));
    expect(messages).toContain(
      "no cast from bigint to timestamp(3) without time zone: the values are read as milliseconds since 1970-01-01 UTC",
    );
    expect(messages).toContain(
      "no cast from integer to interval: the values are converted through their text form; one that does not parse fails the migration",
    );
    const db = await schemaTestDb(A);
    try {
      await db.exec(
        "INSERT INTO public.event VALUES (1, 1700000000123, '2023-11-14 22:13:20.5+00', NULL)",
      );
      await applyStatements(db, upOf(diff.changes));
      const up = await db.query<{ created: string; seen: string; wait: string | null }>(
        "SELECT created::text, seen::text, wait::text FROM public.event",
      );
      expect(up.rows[0]).toEqual({
        created: "2023-11-14 22:13:20.123",
        seen: "1700000000500",
        wait: null,
      });
      await applyStatements(db, downOf(diff.changes));
      const down = await db.query<{ created: string; seen: string; wait: string | null }>(
        "SELECT created::text, (seen AT TIME ZONE 'UTC')::text AS seen, wait::text FROM public.event",
      );
      expect(down.rows[0]).toEqual({
        created: "1700000000123",
        seen: "2023-11-14 22:13:20.5",
        wait: null,
      });
    } finally {
      await db.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, introspect, type SchemaModel } from "../../../src/engine/schema/index.js";
import { schemaTestDb } from "../../helpers/schema-test-db.js";

/**
 * Introspection writes the CREATE INDEX of a plain btree index itself instead of asking pg_get_indexdef;
 * every index here must read exactly as the server writes it: quoted names, INCLUDE, orderings,
 * collations, operator classes, domains, enums, arrays, options, predicates, partitions.
 */
const SQL = `
CREATE SCHEMA "Odd Schema";
CREATE DOMAIN posint AS int CHECK (VALUE > 0);
CREATE TYPE mood AS ENUM ('a', 'b');
CREATE TABLE "Odd Schema"."My Table" (
  "Col A" int, "int" int, "select" text, v varchar(20), t text COLLATE "C", d posint, m mood, arr int[],
  ts timestamptz, n numeric, b bool, u uuid, c char(3), r int4range, dropped int
);
ALTER TABLE "Odd Schema"."My Table" DROP COLUMN dropped;
ALTER TABLE "Odd Schema"."My Table" ADD COLUMN late int;
CREATE INDEX "Idx One" ON "Odd Schema"."My Table" ("Col A");
CREATE INDEX with_include ON "Odd Schema"."My Table" ("int", "select") INCLUDE (v, n);
CREATE INDEX desc_order ON "Odd Schema"."My Table" ("Col A" DESC);
CREATE INDEX nulls_first ON "Odd Schema"."My Table" ("Col A" NULLS FIRST);
CREATE INDEX desc_nulls_last ON "Odd Schema"."My Table" ("Col A" DESC NULLS LAST);
CREATE INDEX other_collation ON "Odd Schema"."My Table" ("select" COLLATE "C");
CREATE INDEX column_collation ON "Odd Schema"."My Table" (t);
CREATE INDEX default_collation ON "Odd Schema"."My Table" (t COLLATE "default");
CREATE INDEX pattern_ops ON "Odd Schema"."My Table" ("select" text_pattern_ops);
CREATE INDEX on_varchar ON "Odd Schema"."My Table" (v);
CREATE INDEX on_domain ON "Odd Schema"."My Table" (d);
CREATE INDEX on_enum ON "Odd Schema"."My Table" (m);
CREATE INDEX on_array ON "Odd Schema"."My Table" (arr);
CREATE INDEX on_range ON "Odd Schema"."My Table" (r);
CREATE INDEX several ON "Odd Schema"."My Table" (ts, n, b, u, c, late);
CREATE INDEX on_hash ON "Odd Schema"."My Table" USING hash ("Col A");
CREATE INDEX with_fillfactor ON "Odd Schema"."My Table" ("Col A") WITH (fillfactor = 70);
CREATE INDEX "select" ON "Odd Schema"."My Table" (n);
CREATE INDEX partial ON "Odd Schema"."My Table" (n) WHERE b;
CREATE INDEX expression ON "Odd Schema"."My Table" (lower("select"));
CREATE UNIQUE INDEX unique_plain ON "Odd Schema"."My Table" (u);
CREATE TABLE parted (id int, k int) PARTITION BY RANGE (id);
CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM (0) TO (10);
CREATE INDEX parted_k ON parted (k);
CREATE INDEX parted_1_extra ON parted_1 (k, id);
CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x;
CREATE INDEX mv_x ON mv (x);
`;

let db: Db;
let model: SchemaModel;

beforeAll(async () => {
  db = await schemaTestDb(SQL);
  model = await introspect(db);
});
afterAll(async () => {
  await db?.close();
});

describe("index definitions", () => {
  it("read exactly as pg_get_indexdef writes them", async () => {
    await db.query("SET search_path = pg_catalog");
    const server = await db.query<{ name: string; definition: string }>(
      `SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
       WHERE n.nspname IN ('Odd Schema', 'public')`,
    );
    await db.query("RESET search_path");
    const expected = new Map(server.rows.map((r) => [r.name, r.definition]));
    const ours = [...model.tables, ...model.views].flatMap((o) => o.indexes);
    expect(ours.length).toBe(24);
    for (const index of ours)
      expect([index.name, index.definition]).toEqual([index.name, expected.get(index.name)]);
  });

  it("name the columns of a plain index, in order, include columns apart", () => {
    const table = model.tables.find((t) => t.name === "My Table");
    const index = (name: string) => table?.indexes.find((i) => i.name === name);
    expect(index("with_include")).toMatchObject({
      columns: ['"int"', '"select"'],
      include: ["v", "n"],
    });
    expect(index("several")?.columns).toEqual(["ts", "n", "b", "u", "c", "late"]);
    expect(index("Idx One")?.columns).toEqual(['"Col A"']);
  });
});

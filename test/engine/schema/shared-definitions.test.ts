import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Db,
  introspect,
  openEmbedded,
  type SchemaModel,
} from "../../../src/engine/schema/index.js";
import { schemaTestDb } from "../../helpers/schema-test-db.js";

/**
 * Introspection writes foreign keys itself, and asks the server once for each group of checks, keys and
 * indexes that read the same on many tables (a schema per tenant). Every definition must still read exactly
 * as pg_get_constraintdef / pg_get_indexdef write it for that object — also where two tables differ only in
 * what the shared text would hide: a column's name, type or collation at the same position, a whole-row
 * reference (which names the table), a table in a schema that was not read.
 */
const tenant = (schema: string) => `
CREATE SCHEMA ${schema};
CREATE TABLE ${schema}.customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  region text COLLATE "C",
  tier int NOT NULL DEFAULT 0 CHECK (tier >= 0 AND tier < 10),
  CONSTRAINT customers_email_key UNIQUE (email) INCLUDE (region),
  CONSTRAINT customers_region_key UNIQUE NULLS NOT DISTINCT (region)
);
CREATE TABLE ${schema}."Order Lines" (
  "Line Id" int,
  customer_id bigint REFERENCES ${schema}.customers (id) ON UPDATE CASCADE ON DELETE SET NULL,
  other_id bigint,
  amount numeric(12,2) NOT NULL CHECK (amount >= 0) NO INHERIT,
  status text NOT NULL DEFAULT 'new',
  note varchar(40),
  PRIMARY KEY ("Line Id") INCLUDE (status),
  CONSTRAINT lines_other_fk FOREIGN KEY (other_id, "Line Id") REFERENCES ${schema}.pairs (a, b)
    MATCH FULL ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT lines_status_check CHECK (status IN ('new', 'paid')) NOT VALID,
  CONSTRAINT lines_whole_row CHECK ("Order Lines" IS NOT NULL),
  CONSTRAINT lines_exclude EXCLUDE USING btree ("Line Id" WITH =)
);
CREATE INDEX lines_status_idx ON ${schema}."Order Lines" (status) WHERE status <> 'paid';
CREATE INDEX lines_lower_idx ON ${schema}."Order Lines" (lower(note), amount DESC);
CREATE UNIQUE INDEX lines_note_key ON ${schema}."Order Lines" (note text_pattern_ops) WHERE amount > 0;
CREATE INDEX lines_whole_idx ON ${schema}."Order Lines" (status) WHERE "Order Lines" IS NOT NULL;
`;

const SQL = `
CREATE SCHEMA shared;
CREATE TABLE shared.plans (code text PRIMARY KEY);
${["t1", "t2", '"Tenant 3"']
  .map(
    (s) => `CREATE SCHEMA ${s}; CREATE TABLE ${s}.pairs (a bigint, b int, PRIMARY KEY (a, b));
${tenant(s).replace(`CREATE SCHEMA ${s};`, "")}`,
  )
  .join("\n")}
-- The same shapes where the shared text would be wrong: another column name, type or collation at the
-- same position.
CREATE SCHEMA t4;
CREATE TABLE t4.pairs (a bigint, b int, PRIMARY KEY (a, b));
${tenant("t4")
  .replace("CREATE SCHEMA t4;", "")
  .replace(/status/g, "state")}
CREATE SCHEMA t5;
CREATE TABLE t5.pairs (a bigint, b int, PRIMARY KEY (a, b));
${tenant("t5").replace("CREATE SCHEMA t5;", "").replace("note varchar(40)", "note text").replace('region text COLLATE "C"', 'region text COLLATE "POSIX"')}
-- A whole-row reference names its table: two tables alike but for their names.
CREATE TABLE t1.wr_a (a int CONSTRAINT whole CHECK (wr_a IS NOT NULL));
CREATE TABLE t1.wr_b (a int CONSTRAINT whole CHECK (wr_b IS NOT NULL));
CREATE INDEX wr_a_idx ON t1.wr_a (a) WHERE wr_a IS NOT NULL;
CREATE INDEX wr_b_idx ON t1.wr_b (a) WHERE wr_b IS NOT NULL;
ALTER TABLE t1.customers ADD COLUMN plan text REFERENCES shared.plans (code) ON DELETE RESTRICT;
ALTER TABLE t2.customers ADD COLUMN plan text REFERENCES shared.plans (code) ON DELETE SET NULL (plan);
ALTER TABLE t2.customers ADD CONSTRAINT plan_set_default FOREIGN KEY (plan) REFERENCES shared.plans (code)
  ON UPDATE SET DEFAULT ON DELETE NO ACTION NOT VALID;
`;

async function serverDefinitions(db: Db) {
  await db.query("SET search_path = pg_catalog");
  const constraints = await db.query<{ key: string; definition: string }>(
    `SELECT n.nspname || '.' || c.relname || '.' || k.conname AS key, pg_get_constraintdef(k.oid) AS definition
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND k.contype IN ('p', 'u', 'f', 'c', 'x')`,
  );
  const indexes = await db.query<{ key: string; definition: string; columns: string[] }>(
    `SELECT n.nspname || '.' || c.relname || '.' || ic.relname AS key, pg_get_indexdef(i.indexrelid) AS definition,
       (SELECT json_agg(pg_get_indexdef(i.indexrelid, k, false) ORDER BY k)
        FROM generate_series(1, i.indnkeyatts) k) AS columns
     FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')`,
  );
  await db.query("RESET search_path");
  return {
    constraints: new Map(constraints.rows.map((r) => [r.key, r.definition])),
    indexes: new Map(indexes.rows.map((r) => [r.key, r])),
  };
}

function ours(model: SchemaModel) {
  const constraints = model.tables.flatMap((t) =>
    t.constraints.map((k) => ({
      key: `${t.schema}.${t.name}.${k.name}`,
      definition: k.validated ? k.definition : `${k.definition} NOT VALID`,
    })),
  );
  const indexes = model.tables.flatMap((t) =>
    t.indexes.map((i) => ({ key: `${t.schema}.${t.name}.${i.name}`, index: i })),
  );
  return { constraints, indexes };
}

/** The Db, counting the objects each query asks the server to write. */
function counting(db: Db, asked: number[]): Db {
  return {
    ...db,
    query: (sql, params) => {
      if (/pg_get_(constraint|index)def\(\w\.(oid|indexrelid)\) AS definition\s*(,|FROM)/.test(sql))
        asked.push(((params?.[0] as unknown[] | undefined) ?? []).length);
      return db.query(sql, params);
    },
  };
}

describe.each([
  ["the test database", () => schemaTestDb(SQL)],
  [
    "embedded PostgreSQL 18",
    async () => {
      const db = await openEmbedded();
      await db.exec(SQL);
      return db;
    },
  ],
] as const)("shared definitions on %s", (_name, open) => {
  let db: Db;
  let model: SchemaModel;
  const asked: number[] = [];

  beforeAll(async () => {
    db = await open();
    model = await introspect(counting(db, asked));
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it("every constraint reads as pg_get_constraintdef writes it", async () => {
    const server = await serverDefinitions(db);
    const read = ours(model).constraints;
    expect(read.length).toBe(server.constraints.size);
    expect(read.length).toBeGreaterThan(60);
    for (const k of read)
      expect([k.key, k.definition]).toEqual([k.key, server.constraints.get(k.key)]);
  });

  it("every index reads as pg_get_indexdef writes it, expression columns included", async () => {
    const server = await serverDefinitions(db);
    for (const { key, index } of ours(model).indexes) {
      const expected = server.indexes.get(key);
      expect([key, index.definition]).toEqual([key, expected?.definition]);
      if (key.endsWith("lines_lower_idx")) expect(index.columns).toEqual(expected?.columns);
    }
    expect(ours(model).indexes.length).toBe(22);
  });

  it("asks the server once per group of alike tables, not once per table", () => {
    // Asked one by one: 53 checks and keys and 22 indexes. Tables alike in every column share their texts:
    // t1 and t2, and "Tenant 3" and t4, have the same customers; t1, t2 and "Tenant 3" the same "Order Lines".
    // Whole-row references (14) are never shared.
    const total = asked.reduce((a, b) => a + b, 0);
    expect(total).toBe(46);
  });

  it("a foreign key to a schema that was not read is still written", async () => {
    const only = await introspect(db, { include: ["t1"] });
    const plan = only.tables
      .find((t) => t.name === "customers")
      ?.constraints.find((k) => k.type === "foreign-key");
    expect(plan?.definition).toBe(
      "FOREIGN KEY (plan) REFERENCES shared.plans(code) ON DELETE RESTRICT",
    );
  });
});

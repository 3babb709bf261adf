import { readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  diffSchemas,
  introspect,
  openSource,
  type SchemaChange,
} from "../../../src/engine/schema/index.js";
import { applyStatements, downOf, upOf } from "../../helpers/schema-test-db.js";
import { tempDir } from "../../helpers/temp-dir.js";

/**
 * Column privileges, and grants and comments of objects a migration drops and creates again, through .sql
 * sources (embedded PostgreSQL, where the roles the files grant to are made for the scratch database: no
 * server roles needed). The pg_dump round trip of the same fixtures on a server is in
 * test/corpus/db-round-trip.test.ts.
 */
const fixtures = resolve(fileURLToPath(new URL(".", import.meta.url)), "fixtures-roles");

let dir: string;
beforeAll(() => {
  dir = tempDir("privileges");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The fixture's file with its role placeholders named reader and writer. */
async function file(name: string, side: "a" | "b"): Promise<string> {
  const text = await readFile(join(fixtures, name, `${side}.sql`), "utf8");
  const out = join(dir, `${name}-${side}.sql`);
  await writeFile(out, text.replace(/\{\{(reader|writer)\}\}/g, "$1"));
  return out;
}

const up = (changes: SchemaChange[]) => upOf(changes).map((s) => s.sql);

/** Plan A → B, apply up to A (B is reached), then down (A is back); returns the up statements. */
async function roundTrip(name: string): Promise<string[]> {
  const a = await openSource(await file(name, "a"));
  const b = await openSource(await file(name, "b"));
  try {
    const db = a.db as NonNullable<typeof a.db>;
    const [modelA, modelB] = [await a.model(), await b.model()];
    const diff = diffSchemas(modelA, modelB, { allowDestructive: true });
    await applyStatements(db, upOf(diff.changes));
    expect(diffSchemas(await introspect(db), modelB).changes.map((c) => c.id)).toEqual([]);
    await applyStatements(db, downOf(diff.changes));
    expect(diffSchemas(await introspect(db), modelA).changes.map((c) => c.id)).toEqual([]);
    return up(diff.changes);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

describe("privileges", () => {
  it("column privileges are read, and granted and revoked column by column", {
    timeout: 180_000,
  }, async () => {
    const source = await openSource(await file("column-grants", "a"));
    try {
      const columns = (await source.model()).privileges?.filter((p) => p.kind === "column");
      expect(columns?.find((p) => p.column === "salary")).toEqual({
        kind: "column",
        object: "app.users",
        column: "salary",
        grants: ["writer=SELECT*"],
        defaults: [],
      });
    } finally {
      await source.close();
    }
    const sql = await roundTrip("column-grants");
    expect(sql).toContain("GRANT SELECT (email) ON TABLE app.users TO reader");
    expect(sql).toContain("REVOKE SELECT (email) ON TABLE app.users FROM writer");
    expect(sql).toContain("REVOKE GRANT OPTION FOR SELECT (salary) ON TABLE app.users FROM writer");
    // The view is created again (the table it reads changes shape): its column grants come back.
    expect(sql).toContain("GRANT SELECT (name) ON TABLE app.directory TO reader");
  });

  it("views, functions and types created again keep their grants and comments", {
    timeout: 180_000,
  }, async () => {
    const sql = await roundTrip("recreated-kinds");
    expect(sql).toEqual(
      expect.arrayContaining([
        "GRANT SELECT ON TABLE app.big_orders TO reader",
        "GRANT SELECT (id) ON TABLE app.big_orders TO writer",
        "GRANT SELECT ON TABLE app.order_totals TO reader",
        "GRANT SELECT ON TABLE app.open_orders TO reader",
        "REVOKE EXECUTE ON FUNCTION app.order_count() FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION app.order_count() TO reader",
        "COMMENT ON FUNCTION app.order_count() IS 'How many orders'",
        "REVOKE USAGE ON TYPE app.state FROM PUBLIC",
        "COMMENT ON TYPE app.state IS 'Order state'",
      ]),
    );
  });
});

import { describe, expect, it } from "vitest";
import { connectServer } from "../../../src/engine/schema/index.js";

// Rows come from the server as arrays and are made into objects (row-objects.ts): they must read as pg's own.
describe("rows of a server query", () => {
  it("are objects with a property per column, typed as pg types them", async () => {
    const db = await connectServer("postgres://postgres@127.0.0.1:5432/postgres");
    try {
      const { rows, rowCount } = await db.query(
        `SELECT 1 AS a, 'x' AS b, 2 AS a, true AS "__proto__", NULL::text AS c, 5::bigint AS big
         FROM generate_series(1, $1::int)`,
        [2],
      );
      expect(rowCount).toBe(2);
      for (const row of rows) {
        // Of two columns with one name the later value wins, in the earlier place (as pg does).
        expect(Object.keys(row)).toEqual(["a", "b", "__proto__", "c", "big"]);
        expect(row).toMatchObject({ a: 2, b: "x", c: null, big: "5" });
        expect(Object.getOwnPropertyDescriptor(row, "__proto__")?.value).toBe(true);
        expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
      }
      // A statement without a result set still answers.
      expect((await db.query("SET LOCAL work_mem = '8MB'")).rows).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

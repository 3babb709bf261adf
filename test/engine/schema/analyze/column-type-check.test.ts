import { describe, expect, it } from "vitest";
import { analyzeFixture } from "../../../helpers/analyze-fixture.js";

describe("column-type-smell check", () => {
  it("flags timestamp without time zone, varchar(n), char(n), money, json and serial", async () => {
    const f = await analyzeFixture(`
CREATE TABLE invoices (
  id serial PRIMARY KEY,
  issued_at timestamp,
  code varchar(20),
  country char(2),
  amount money,
  payload json
);`);
    try {
      const findings = await f.run("column-type-smell");
      expect(findings.map((x) => [x.object, x.severity, x.title])).toEqual([
        ["public.invoices.amount (money)", "warning", "money"],
        [
          "public.invoices.issued_at (timestamp without time zone)",
          "warning",
          "timestamp without time zone",
        ],
        [
          "public.invoices.code (character varying(20))",
          "info",
          "varchar(20): a length limit in the type",
        ],
        ["public.invoices.country (character(2))", "info", "character(2): blank-padded"],
        [
          "public.invoices.id (integer)",
          "info",
          "serial column (sequence default) instead of an identity column",
        ],
        ["public.invoices.payload (json)", "info", "json instead of jsonb"],
      ]);
      const ts = findings.find((x) => x.title === "timestamp without time zone");
      expect(ts?.fix).toBe(
        "ALTER TABLE public.invoices ALTER COLUMN issued_at TYPE timestamptz USING issued_at AT TIME ZONE 'UTC';  -- rewrites the table; name the zone the values were written in",
      );
    } finally {
      await f.close();
    }
  });

  it("does not flag timestamptz, text, numeric, jsonb and identity columns", async () => {
    const f = await analyzeFixture(`
CREATE TABLE invoices (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  issued_at timestamptz,
  code text CHECK (char_length(code) <= 20),
  amount numeric(14, 2),
  payload jsonb
);`);
    try {
      expect(await f.run("column-type-smell")).toEqual([]);
    } finally {
      await f.close();
    }
  });
});

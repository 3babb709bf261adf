import { describe, expect, it } from "vitest";
import { analyzeFixture } from "../../../helpers/analyze-fixture.js";

describe("sequence-near-overflow check", () => {
  it("flags a serial past 90 % (error) and a bigint sequence feeding an integer column (warning)", async () => {
    const f = await analyzeFixture(`
CREATE TABLE tickets (id serial PRIMARY KEY);
SELECT setval('tickets_id_seq', 2000000000);
CREATE TABLE jobs (id integer NOT NULL);
CREATE SEQUENCE jobs_id_seq AS bigint OWNED BY jobs.id;
ALTER TABLE jobs ALTER COLUMN id SET DEFAULT nextval('jobs_id_seq');
SELECT setval('jobs_id_seq', 1700000000);`);
    try {
      const findings = await f.run("sequence-near-overflow");
      expect(findings.map((x) => [x.object, x.severity])).toEqual([
        ["sequence public.tickets_id_seq (feeds public.tickets.id, integer)", "error"],
        ["sequence public.jobs_id_seq (feeds public.jobs.id, integer)", "warning"],
      ]);
      expect(findings[0].title).toBe("93.1 % of its maximum used (2000000000 of 2147483647)");
      expect(findings[1].fix).toContain("ALTER TABLE public.jobs ALTER COLUMN id TYPE bigint;");
    } finally {
      await f.close();
    }
  });

  it("does not flag sequences with room left", async () => {
    const f = await analyzeFixture(`
CREATE TABLE tickets (id serial PRIMARY KEY);
SELECT setval('tickets_id_seq', 1000);
CREATE TABLE big (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
SELECT setval(pg_get_serial_sequence('big', 'id'), 3000000000);`);
    try {
      expect(await f.run("sequence-near-overflow")).toEqual([]);
    } finally {
      await f.close();
    }
  });
});

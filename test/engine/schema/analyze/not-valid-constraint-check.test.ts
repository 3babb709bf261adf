import { describe, expect, it } from "vitest";
import { analyzeFixture } from "../../../helpers/analyze-fixture.js";

describe("not-valid-constraint check", () => {
  it("flags constraints added NOT VALID and gives the VALIDATE statement", async () => {
    const f = await analyzeFixture(`
CREATE TABLE parents (id int PRIMARY KEY);
CREATE TABLE kids (id int PRIMARY KEY, parent_id int, age int);
ALTER TABLE kids ADD CONSTRAINT kids_age_check CHECK (age >= 0) NOT VALID;
ALTER TABLE kids ADD CONSTRAINT kids_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id) NOT VALID;`);
    try {
      const findings = await f.run("not-valid-constraint");
      expect(findings.map((x) => x.object)).toEqual([
        "constraint kids_age_check on public.kids",
        "constraint kids_parent_fk on public.kids",
      ]);
      expect(findings[0].fix).toBe("ALTER TABLE public.kids VALIDATE CONSTRAINT kids_age_check;");
    } finally {
      await f.close();
    }
  });

  it("does not flag validated constraints", async () => {
    const f = await analyzeFixture(`
CREATE TABLE kids (id int PRIMARY KEY, age int);
ALTER TABLE kids ADD CONSTRAINT kids_age_check CHECK (age >= 0) NOT VALID;
ALTER TABLE kids VALIDATE CONSTRAINT kids_age_check;`);
    try {
      expect(await f.run("not-valid-constraint")).toEqual([]);
    } finally {
      await f.close();
    }
  });
});

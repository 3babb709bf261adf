import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../../../helpers/cli.js";

const fixtures = resolve(repoRoot, "test/fixtures/openapi/real-world");
const scratch = mkdtempSync(join(tmpdir(), "sb-scaffold-real-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("senior-backend scaffold on the specs people really have", () => {
  it("warns on small slips (located, one line each) and generates; --strict refuses with exit 2", async () => {
    const out = join(scratch, "orders");
    const run = await runCli(["scaffold", join(fixtures, "orders-3.2.yaml"), "--output", out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^warning: .*orders-3\.2\.yaml#\/info\/version: must be string$/m);
    expect(existsSync(join(out, "package.json"))).toBe(true);
    expect(readFileSync(join(out, "route-table.ts"), "utf8")).toContain('BASE_PATH = "/api/v1"');
    const strict = await runCli([
      "scaffold",
      join(fixtures, "orders-3.2.yaml"),
      "--strict",
      "--output",
      join(scratch, "strict"),
    ]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/^error: .*orders-3\.2\.yaml#\/info\/license: /m);
  });

  it("--base-path overrides the servers path", async () => {
    const out = join(scratch, "based");
    const run = await runCli([
      "scaffold",
      join(fixtures, "orders-3.2.yaml"),
      "--base-path",
      "/shop/",
      "--output",
      out,
    ]);
    expect(run.code).toBe(0);
    expect(readFileSync(join(out, "route-table.ts"), "utf8")).toContain('BASE_PATH = "/shop"');
    const bad = await runCli([
      "scaffold",
      join(fixtures, "orders-3.2.yaml"),
      "--base-path",
      "no slash",
      "--output",
      out,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: base path "no slash" is not a URL path$/m);
  });

  it("a components-only spec generates its types and says there is nothing to route", async () => {
    const out = join(scratch, "models");
    const run = await runCli(["scaffold", join(fixtures, "components-only.yaml"), "--output", out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^note: .*components-only\.yaml has no operations under "paths": generating its types and schemas; there is nothing to route$/m,
    );
    expect(readFileSync(join(out, "types.ts"), "utf8")).toContain("export type Money =");
  });

  it("converts Swagger 2.0 and generates", async () => {
    const out = join(scratch, "swagger");
    const run = await runCli([
      "scaffold",
      join(fixtures, "petstore-swagger-2.0.yaml"),
      "--framework",
      "koa",
      "--output",
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Generated 3 route handlers/);
  });
});

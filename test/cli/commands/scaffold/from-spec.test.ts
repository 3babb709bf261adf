import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../../../helpers/cli.js";
import { tempDir } from "../../../helpers/temp-dir.js";

const fixtures = resolve(repoRoot, "test/fixtures/openapi");
const petstore = join(fixtures, "petstore-3.0.yaml");
const scratch = () => tempDir("scaffold-cli");

describe("senior-backend scaffold <spec>", () => {
  it("generates for the framework asked for and prints the summary with the files", async () => {
    const out = join(scratch(), "src/routes");
    const run = await runCli(["scaffold", petstore, "--framework", "fastify", "--output", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      `Generated 7 route handlers, validation middleware, and TypeScript types (fastify, in ${out})`,
    );
    expect(run.stdout).toMatch(/written\s+routes\/pets\.ts/);
    expect(run.stdout).toMatch(/created\s+handlers\/pets\/listPets\.ts \(yours\)/);
    expect(run.stdout).toContain("Install: npm install fastify@");
    expect(readFileSync(join(out, "app.ts"), "utf8")).toContain('from "fastify"');
    expect(readFileSync(join(out, "routes/pets.ts"), "utf8")).toContain('url: "/pets/:petId"');
  });

  it("defaults to Express, and --framework changes the output", async () => {
    const out = scratch();
    const run = await runCli(["scaffold", petstore, "--output", out]);
    expect(run.code).toBe(0);
    const routes = readFileSync(join(out, "routes/pets.ts"), "utf8");
    expect(routes).toContain("express.Router()");
    expect(routes).toContain('petsRoutes.get("/pets/:petId"');
    expect(routes).not.toContain("/pets/pets");
    const koa = await runCli(["scaffold", petstore, "--framework", "koa", "--output", out]);
    expect(koa.code).toBe(0);
    expect(readFileSync(join(out, "routes/pets.ts"), "utf8")).toContain('from "@koa/router"');
  });

  it("--check exits 0 when up to date and 1 when the spec moved on, writing nothing", async () => {
    const dir = scratch();
    const spec = join(dir, "openapi.yaml");
    copyFileSync(petstore, spec);
    const out = join(dir, "routes");
    expect((await runCli(["scaffold", spec, "--output", out])).code).toBe(0);
    const fresh = await runCli(["scaffold", spec, "--output", out, "--check"]);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toMatch(/^Up to date: /);

    writeFileSync(
      spec,
      readFileSync(spec, "utf8").replace(
        "paths:\n",
        'paths:\n  /toys:\n    get:\n      operationId: listToys\n      responses:\n        "200":\n          description: Toys\n',
      ),
    );
    const stale = await runCli(["scaffold", spec, "--output", out, "--check"]);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/^Out of date: /);
    expect(stale.stdout).toMatch(/missing\s+handlers\/toys\/listToys\.ts/);
    expect(existsSync(join(out, "handlers/toys/listToys.ts"))).toBe(false);
  });

  it("--json prints one document with the summary, files and orphaned handlers", async () => {
    const out = scratch();
    const run = await runCli([
      "scaffold",
      petstore,
      "--framework",
      "koa",
      "--output",
      out,
      "--json",
    ]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({
      command: "scaffold",
      mode: "openapi",
      framework: "koa",
      check: false,
      upToDate: false,
      handlers: 7,
      summary: "Generated 7 route handlers, validation middleware, and TypeScript types",
      orphanedHandlers: [],
    });
    expect(doc.files).toContainEqual({
      path: "handlers/pets/listPets.ts",
      owner: "user",
      status: "created",
    });
    expect(doc.files).toContainEqual({ path: "types.ts", owner: "tool", status: "written" });
    expect(doc.dependencies).toHaveProperty("@koa/router");
  });

  it.each([
    [
      "invalid/missing-responses.yaml",
      /^error: .*missing-responses\.yaml#\/paths\/~1users\/get: missing required property "responses"$/m,
    ],
    [
      "invalid/bad-ref.yaml",
      /^error: .*bad-ref\.yaml#\/paths\/~1users\/get\/responses\/200\/content\/application~1json\/schema: \$ref/m,
    ],
  ])("a bad spec (%s) exits 2 with one located error line", async (file, expected) => {
    const run = await runCli(["scaffold", join(fixtures, file), "--strict", "--output", scratch()]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(expected);
    expect(
      run.stderr
        .trim()
        .split("\n")
        .filter((l) => l.startsWith("error:")),
    ).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses an unknown framework and a missing spec with exit 2", async () => {
    const bad = await runCli(["scaffold", petstore, "--framework", "django"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Allowed choices are express, fastify, koa");
    const none = await runCli(["scaffold"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error: scaffold needs an OpenAPI spec/m);
    const missing = await runCli(["scaffold", "nope.yaml", "--output", scratch()]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: spec not found: nope\.yaml/m);
  });
});

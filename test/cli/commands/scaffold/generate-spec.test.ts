import { readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot, runCli } from "../../../helpers/cli.js";
import { tempDir } from "../../../helpers/temp-dir.js";

const fixtures = resolve(repoRoot, "test/fixtures/routes");

describe("senior-backend scaffold --generate-spec", () => {
  let dir: string;
  beforeEach(async () => {
    dir = tempDir("gen-spec");
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes an OpenAPI 3.1 YAML file and lists what it found", async () => {
    const output = join(dir, "openapi.yaml");
    const run = await runCli([
      "scaffold",
      join(fixtures, "express"),
      "--generate-spec",
      "--output",
      output,
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Wrote ${output}: 7 operations on 5 paths, read from 5 files in`);
    expect(run.stdout).toMatch(/GET +\/v1\/users\/\{id\} {2}users\.ts:9 \(schema\)/);
    const doc = parse(await readFile(output, "utf8"));
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/health",
      "/v1/orders/{orderId}",
      "/v1/users",
      "/v1/users/{id}",
      "/v1/users/{id}/avatar",
    ]);
  });

  it("--json reports the endpoints; --check exits 1 when the file is stale and 0 when current", async () => {
    const output = join(dir, "openapi.json");
    const write = await runCli([
      "scaffold",
      join(fixtures, "koa"),
      "--generate-spec",
      "--output",
      output,
      "--json",
    ]);
    expect(write.code).toBe(0);
    const report = JSON.parse(write.stdout);
    expect(report).toMatchObject({
      mode: "generate-spec",
      operations: 5,
      paths: 3,
      filesScanned: 3,
    });
    expect(report.endpoints).toContainEqual(
      expect.objectContaining({
        method: "get",
        path: "/api/v2/items",
        operationId: "listItems",
        file: "items.ts",
      }),
    );
    const fresh = await runCli([
      "scaffold",
      join(fixtures, "koa"),
      "--generate-spec",
      "--output",
      output,
      "--check",
    ]);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain("Up to date:");
    await writeFile(output, "{}\n");
    const stale = await runCli([
      "scaffold",
      join(fixtures, "koa"),
      "--generate-spec",
      "--output",
      output,
      "--check",
    ]);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain("Out of date:");
    expect(await readFile(output, "utf8")).toBe("{}\n");
  });

  it("prints the spec as YAML on stdout without --output", async () => {
    const run = await runCli(["scaffold", join(fixtures, "fastify"), "--generate-spec"]);
    expect(run.code).toBe(0);
    expect(parse(run.stdout).paths["/api/users/{id}"].get.operationId).toBe("getUser");
  });

  it("names the file and line of a syntax error in one line, exit 2", async () => {
    await writeFile(
      join(dir, "broken.ts"),
      'import { Router } from "express";\nconst r = Router();\nr.get("/x", (req, res) => {\n',
    );
    const run = await runCli(["scaffold", dir, "--generate-spec", "--output", join(dir, "o.yaml")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: broken\.ts:4:1: .+\nhint: .+\n$/);
  });

  it("refuses a routes folder that does not exist, exit 2", async () => {
    const run = await runCli(["scaffold", join(dir, "missing"), "--generate-spec"]);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(
      `error: ${join(dir, "missing")}: no such file or folder`,
    );
  });
});

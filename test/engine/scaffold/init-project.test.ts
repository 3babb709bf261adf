import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, it } from "vitest";
import { loadSpec } from "../../../src/engine/openapi/index.js";
import { generate } from "../../../src/engine/scaffold/index.js";
import { repoRoot } from "../../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "sb-init-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const spec = resolve(repoRoot, "test/fixtures/openapi/real-world/orders-3.2.yaml");

it("init writes package.json and tsconfig.json so `npm start` in the output runs the app", async () => {
  const { model } = await loadSpec(spec);
  const out = join(dir, "app");
  const result = await generate(model, { framework: "koa", outputDir: out, init: true });
  expect(result.files).toContainEqual({ path: "package.json", owner: "user", status: "created" });
  const pkg = JSON.parse(readFileSync(join(out, "package.json"), "utf8"));
  expect(pkg).toMatchObject({
    name: "orders",
    type: "module",
    scripts: { start: expect.stringContaining("node dist/server.js") },
  });
  expect(Object.keys(pkg.dependencies)).toEqual(
    expect.arrayContaining(["koa", "@koa/router", "ajv"]),
  );
  expect(pkg.devDependencies).toHaveProperty("typescript");
  // `npm install` would fetch these; the repo's node_modules holds the same packages.
  symlinkSync(join(repoRoot, "node_modules"), join(out, "node_modules"), "dir");
  // `npm start` is `npm run build && node dist/server.js`: run the two steps, so the test owns the server process.
  expect(pkg.scripts.start).toBe("npm run build && node dist/server.js");
  const build = spawnSync("npm", ["run", "build", "--silent"], {
    cwd: out,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(`${build.stdout}${build.stderr}`).toBe("");
  const child = spawn(process.execPath, ["dist/server.js"], {
    cwd: out,
    env: { ...process.env, PORT: "0" },
  });
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
  });
  try {
    const started = Date.now();
    while (
      !/listening on/.test(output) &&
      child.exitCode === null &&
      Date.now() - started < 20_000
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(output).toMatch(/listening on http:\/\/127\.0\.0\.1:/);
  } finally {
    child.kill("SIGTERM");
  }
}, 90_000);

it('"auto" writes the project files only into an empty or new folder', async () => {
  const { model } = await loadSpec(spec);
  const fresh = join(dir, "fresh");
  await generate(model, { framework: "express", outputDir: fresh, init: "auto" });
  expect(existsSync(join(fresh, "tsconfig.json"))).toBe(true);
  const used = join(dir, "used");
  mkdirSync(used);
  writeFileSync(join(used, "notes.txt"), "mine");
  await generate(model, { framework: "express", outputDir: used, init: "auto" });
  expect(existsSync(join(used, "package.json"))).toBe(false);
});

import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, it } from "vitest";
import { loadSpec } from "../../../src/engine/openapi/index.js";
import { generate } from "../../../src/engine/scaffold/index.js";

const dir = mkdtempSync(join(tmpdir(), "sb-output-guard-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const spec = resolve(import.meta.dirname, "../../fixtures/openapi/petstore-3.0.yaml");

it("never writes through a symlink that leaves --output, and writes nothing at all then", async () => {
  const { model } = await loadSpec(spec);
  const outside = join(dir, "outside");
  mkdirSync(outside);
  const out = join(dir, "out");
  mkdirSync(out);
  symlinkSync(outside, join(out, "handlers"));
  await expect(generate(model, { framework: "express", outputDir: out })).rejects.toThrow(
    /handlers\/.* is \(or lies under\) a symlink that leads outside the output folder/,
  );
  expect(readdirSync(outside)).toEqual([]);
  expect(existsSync(join(out, "app.ts"))).toBe(false);
});

it("a symlinked file pointing outside is refused too; one pointing inside is fine", async () => {
  const { model } = await loadSpec(spec);
  const out = join(dir, "out2");
  mkdirSync(out);
  symlinkSync(join(dir, "elsewhere.ts"), join(out, "app.ts"));
  await expect(generate(model, { framework: "koa", outputDir: out })).rejects.toThrow(/app\.ts in/);
  rmSync(join(out, "app.ts"));
  mkdirSync(join(out, "real-routes"));
  symlinkSync(join(out, "real-routes"), join(out, "routes"));
  await generate(model, { framework: "koa", outputDir: out });
  expect(readdirSync(join(out, "real-routes")).length).toBeGreaterThan(0);
});

it("refuses output past the size limit before writing anything", async () => {
  const { model } = await loadSpec(spec);
  const out = join(dir, "out3");
  await expect(
    generate(model, { framework: "fastify", outputDir: out, maxOutputBytes: 10_000 }),
  ).rejects.toThrow(/the generated files would take .* MiB, over the .* limit/);
  expect(existsSync(out)).toBe(false);
});

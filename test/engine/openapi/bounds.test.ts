import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../../src/engine/openapi/index.js";
import { isUserError } from "../../../src/engine/shared/index.js";
import { tempDir } from "../../helpers/temp-dir.js";

/** Large and hostile documents: each stops with one located line, quickly, or loads as before. */
const dir = tempDir("openapi-bounds");

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const HEAD = "openapi: 3.0.3\ninfo: { title: t, version: '1' }\n";

async function refusal(path: string, options: Parameters<typeof loadSpec>[1] = {}) {
  const started = performance.now();
  try {
    await loadSpec(path, options);
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { message: error.message, hint: error.hint ?? "", ms: performance.now() - started };
  }
  throw new Error(`expected ${path} to be refused`);
}

/** A spec with one operation whose example holds `n` short strings. */
function withExample(n: number, indent = "              "): string {
  const items = Array.from({ length: n }, (_, i) => `${indent}  - item ${i}`).join("\n");
  return `${HEAD}paths:\n  /x:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              example:\n${items}\n`;
}

describe("size: refused before parsing, naming the limit and the flag that raises it", () => {
  it("a file over the size limit", async () => {
    const file = write("big.yaml", withExample(60_000));
    const { message, hint, ms } = await refusal(file, { limits: { maxFileBytes: 512 * 1024 } });
    expect(message).toMatch(/big\.yaml: too large \(1\.\d MiB; the limit is 0\.5 MiB a file\)$/);
    expect(hint).toMatch(/--max-spec-size <MiB>/);
    expect(ms).toBeLessThan(1_000);
    // The same file under a raised limit loads.
    const { model } = await loadSpec(file, { limits: { maxFileBytes: 4 * 1024 * 1024 } });
    expect(model.operations).toHaveLength(1);
  });

  it("files joined by $ref over the limit for all files together", async () => {
    write("part.yaml", withExample(20_000).replace(HEAD, "x-part: 1\n"));
    const root = write(
      "root.yaml",
      `${HEAD}paths:\n  /a: { $ref: "./part.yaml#/paths/~1x" }\n  /b: { $ref: "./part.yaml#/paths/~1x" }\n`,
    );
    const { message } = await refusal(root, {
      limits: { maxFileBytes: 1024 * 1024, maxTotalBytes: 256 * 1024 },
    });
    expect(message).toMatch(
      /part\.yaml: too large \(.* with the files before it; the limit is 0\.3 MiB in all\)$/,
    );
  });
});

describe("time: the budget is checked while reading, not only after", () => {
  it("stops in the middle of reading a large document", async () => {
    const file = write("slow.yaml", withExample(150_000));
    const { message, ms } = await refusal(file, { limits: { timeoutMs: 1 } });
    expect(message).toMatch(/slow\.yaml: reading took longer than 0\.001 s$/);
    expect(ms).toBeLessThan(5_000);
  });
});

describe("YAML aliases: shared, measured, refused when they expand too far", () => {
  it("one large anchor repeated by many aliases (a wide bomb) stops in under a second", async () => {
    const anchor = Array.from({ length: 20_000 }, (_, i) => `"v${i}"`).join(", ");
    const uses = Array.from({ length: 200 }, (_, i) => `        k${i}: *big`).join("\n");
    const file = write(
      "wide.yaml",
      `${HEAD}paths: {}\ncomponents:\n  schemas:\n    A:\n      example:\n        big: &big [${anchor}]\n${uses}\n`,
    );
    const { message, ms } = await refusal(file);
    expect(message).toMatch(/wide\.yaml: YAML aliases expand past \d+ copies \(an alias bomb\?\)$/);
    expect(ms).toBeLessThan(1_000);
  });

  it("an alias inside its own anchor", async () => {
    const file = write(
      "loop.yaml",
      `${HEAD}paths: {}\ncomponents:\n  schemas:\n    A:\n      example: &a\n        self: *a\n`,
    );
    const { message } = await refusal(file);
    expect(message).toMatch(/loop\.yaml: /);
    expect(message.split("\n")).toHaveLength(1);
  });

  it("merge keys that copy too many keys (a merge bomb)", async () => {
    const keys = Array.from({ length: 2_000 }, (_, i) => `k${i}: ${i}`).join(", ");
    const merges = Array.from({ length: 150 }, (_, i) => `        m${i}: { <<: *base }`).join("\n");
    const file = write(
      "merge.yaml",
      `${HEAD}paths: {}\ncomponents:\n  schemas:\n    A:\n      example:\n        base: &base { ${keys} }\n${merges}\n`,
    );
    const { message, ms } = await refusal(file);
    expect(message).toMatch(/merge\.yaml: YAML merge keys \(<<\) copy more than [\d,]+ keys/);
    expect(ms).toBeLessThan(1_000);
  });

  it("anchors used as real specs use them still load, with merge keys applied", async () => {
    const file = write(
      "anchors.yaml",
      `${HEAD}paths:
  /a:
    get:
      operationId: getA
      responses: &standard
        "200":
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { id: { type: string } } }
  /b:
    get:
      operationId: getB
      responses: *standard
components:
  schemas:
    Base: &base { type: object, description: base }
    Derived: { <<: *base, description: derived }
`,
    );
    const { model, warnings } = await loadSpec(file);
    expect(warnings).toEqual([]);
    expect(model.operations.map((o) => o.responses[0]?.schema)).toEqual([
      model.operations[0]!.responses[0]!.schema,
      model.operations[0]!.responses[0]!.schema,
    ]);
    expect(model.schemas.Derived).toMatchObject({ type: "object", description: "derived" });
  });
});

describe("nesting and syntax in YAML", () => {
  it("YAML nested deeper than any real spec", async () => {
    const file = write(
      "deep.yaml",
      `${HEAD}paths: {}\nx-deep: ${"[".repeat(400)}${"]".repeat(400)}\n`,
    );
    const { message, ms } = await refusal(file);
    expect(message).toMatch(/deep\.yaml: nested deeper than 256 levels$/);
    expect(ms).toBeLessThan(1_000);
  });

  it("a syntax error deep in a multi-megabyte YAML file is located", async () => {
    const body = withExample(250_000);
    const file = write("broken-big.yaml", `${body}x-bad: [1, 2\nx-after: 3\n`);
    const { message } = await refusal(file);
    expect(message).toMatch(/broken-big\.yaml:\d{6}:\d+: not valid YAML: /);
    expect(message.split("\n")).toHaveLength(1);
  });

  it("duplicate keys: the last one wins, as before", async () => {
    const file = write(
      "dup.yaml",
      `${HEAD}paths:\n  /x:\n    get:\n      operationId: first\n      operationId: second\n      responses: { "200": { description: ok } }\n`,
    );
    const { model } = await loadSpec(file);
    expect(model.operations[0]!.operationId).toBe("second");
  });
});

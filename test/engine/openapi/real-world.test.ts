import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSpec, refName } from "../../../src/engine/openapi/index.js";
import { isUserError } from "../../../src/engine/shared/index.js";

/** Our own small fixtures, one per class of failure published specs showed. */
const fixtures = resolve(import.meta.dirname, "../../fixtures/openapi/real-world");
const scratch = mkdtempSync(join(tmpdir(), "sb-openapi-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function refusal(path: string, options: Parameters<typeof loadSpec>[1] = {}) {
  const started = performance.now();
  try {
    await loadSpec(path, options);
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { message: error.message, ms: performance.now() - started };
  }
  throw new Error(`expected ${path} to be refused`);
}

describe("published-spec slips: warn and generate", () => {
  it("reads OpenAPI 3.2, a numeric info.version and nulls where an example or extension may be", async () => {
    const { model, sourceLine, warnings } = await loadSpec(join(fixtures, "orders-3.2.yaml"));
    expect(sourceLine).toBe("3.2");
    expect(model.version).toBe("2");
    expect(model.operations.map((o) => o.operationId)).toEqual([
      "listOrders",
      "createOrder",
      "getOrder",
    ]);
    expect(warnings).toEqual([
      expect.stringMatching(
        /orders-3\.2\.yaml#\/info\/license: "identifier" and "url" may not both be given$/,
      ),
      expect.stringMatching(/orders-3\.2\.yaml#\/info\/version: must be string$/),
    ]);
  });

  it("mounts under the path of the first servers URL", async () => {
    const { model } = await loadSpec(join(fixtures, "orders-3.2.yaml"));
    expect(model.basePath).toBe("/api/v1");
  });

  it("a 3.1 license with both identifier and url is a located warning, and --strict refuses it", async () => {
    const file = join(scratch, "license-3.1.yaml");
    writeFileSync(
      file,
      readFileSync(join(fixtures, "orders-3.2.yaml"), "utf8").replace(
        "openapi: 3.2.0",
        "openapi: 3.1.0",
      ),
    );
    const { warnings, model } = await loadSpec(file);
    expect(model.operations).toHaveLength(3);
    expect(warnings.some((w) => /license-3\.1\.yaml#\/info\/license/.test(w))).toBe(true);
    for (const w of warnings) expect(w).not.toContain("\n");
    expect((await refusal(file, { strict: true })).message).toMatch(/license-3\.1\.yaml#\/info\//);
  });

  it("converts Swagger 2.0: definitions, body and formData parameters, host + basePath", async () => {
    const { model, sourceLine } = await loadSpec(join(fixtures, "petstore-swagger-2.0.yaml"));
    expect(sourceLine).toBe("2.0");
    expect(model.basePath).toBe("/v2");
    const add = model.operations.find((o) => o.operationId === "addPet")!;
    expect(add.requestBody).toMatchObject({
      required: true,
      contentTypes: ["application/json"],
      schema: { $ref: "#/components/schemas/NewPet" },
    });
    const upload = model.operations.find((o) => o.operationId === "uploadPhoto")!;
    expect(upload.requestBody?.contentTypes).toEqual(["application/x-www-form-urlencoded"]);
    expect(upload.params.path).toMatchObject([{ name: "petId", schema: { type: "integer" } }]);
    expect(model.schemas.NewPet).toMatchObject({
      properties: { tag: { type: ["string", "null"] } },
    });
    expect(model.operations.find((o) => o.operationId === "listPets")!.params.query).toMatchObject([
      { name: "limit", schema: { type: "integer", maximum: 100 } },
    ]);
  });

  it("a components-only document loads with its schemas and no operations", async () => {
    const { model } = await loadSpec(join(fixtures, "components-only.yaml"));
    expect(model.operations).toEqual([]);
    expect(Object.keys(model.schemas)).toEqual(["Money"]);
  });

  it("follows path items and responses that come through $ref from other files", async () => {
    const { model, warnings } = await loadSpec(join(fixtures, "multi-file-refs/openapi.yaml"));
    expect(warnings).toEqual([]);
    const list = model.operations.find((o) => o.operationId === "listDroplets")!;
    expect(list.responses.map((r) => r.status)).toEqual(["200", "401"]);
    expect(list.responses[0]!.schema).toMatchObject({ type: "object" });
    const del = model.operations.find((o) => o.operationId === "deleteDroplet")!;
    expect(del.path).toBe("/droplets/{id}");
    expect(del.params.path).toMatchObject([{ name: "id" }]);
    expect(del.responses.find((r) => r.status === "404")?.description).toBe("no such droplet");
  });
});

it("a $ref to a URL is never fetched: a located warning, and the schema reads as any value", async () => {
  const { model, warnings } = await loadSpec(join(fixtures, "shapes.yaml"));
  const geo = model.operations.find((o) => o.operationId === "getPoint")!;
  const schema = geo.responses[0]!.schema!;
  const name = refName(schema);
  expect(name === undefined ? schema : model.schemas[name]).toEqual({});
  expect(warnings).toContainEqual(
    expect.stringMatching(
      /shapes\.yaml#\/paths\/~1geo\/get\/responses\/200\/content\/application~1json\/schema: \$ref "https:\/\/example\.com\/schemas\/Point\.json" points at a URL, which is not fetched/,
    ),
  );
});

describe("hostile documents: one line, well under a second", () => {
  it("a YAML alias bomb inside an example", async () => {
    const levels = [
      '      l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    ];
    for (let i = 1; i < 12; i++)
      levels.push(
        `      l${i}: &l${i} [${Array(9)
          .fill(`*l${i - 1}`)
          .join(", ")}]`,
      );
    const file = join(scratch, "bomb.yaml");
    writeFileSync(
      file,
      `openapi: 3.0.3\ninfo: { title: b, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n    A:\n     example:\n${levels.join("\n")}\n`,
    );
    const { message, ms } = await refusal(file);
    expect(message).toMatch(/bomb\.yaml: YAML aliases expand past \d+ copies/);
    expect(ms).toBeLessThan(1_000);
  });

  it("a document nested deeper than any real spec", async () => {
    const file = join(scratch, "deep.json");
    const deep = `${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}`;
    writeFileSync(
      file,
      `{"openapi":"3.1.0","info":{"title":"d","version":"1"},"paths":{},"x-deep":${deep}}`,
    );
    const { message, ms } = await refusal(file);
    expect(message).toMatch(/deep\.json: nested deeper than \d+ levels/);
    expect(ms).toBeLessThan(1_000);
  });

  it("a file over the size limit is refused before it is read", async () => {
    const file = join(scratch, "big.json");
    writeFileSync(
      file,
      `{"openapi":"3.1.0","info":{"title":"b","version":"1"},"paths":{},"x-pad":"${"x".repeat(200_000)}"}`,
    );
    const { message } = await refusal(file, { limits: { maxFileBytes: 100_000 } });
    expect(message).toMatch(/big\.json: too large/);
  });
});

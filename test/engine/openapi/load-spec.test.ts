import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec, refName } from "../../../src/engine/openapi/index.js";
import { isUserError, type UserError } from "../../../src/engine/shared/index.js";
import { tempDir } from "../../helpers/temp-dir.js";

const fixtures = resolve(import.meta.dirname, "../../fixtures/openapi");

async function loadError(path: string, strict = false): Promise<UserError> {
  try {
    await loadSpec(path, { strict });
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error(`expected ${path} to be refused`);
}

describe("loadSpec: OpenAPI 3.0 (YAML)", async () => {
  const { model } = await loadSpec(join(fixtures, "petstore-3.0.yaml"));
  const op = (id: string) => model.operations.find((o) => o.operationId === id)!;

  it("keeps operationIds as written and synthesises stable ones when missing", () => {
    expect(model.operations.map((o) => o.operationId)).toEqual([
      "listPets",
      "createPet",
      "getPetById",
      "deletePet",
      "RequestPhoto",
      "getOwners",
      "getCategoryTree",
    ]);
    expect(op("getOwners").synthesizedId).toBe(true);
    expect(op("listPets").synthesizedId).toBe(false);
  });

  it("keeps exact paths and groups by tag, else by first path segment", () => {
    expect(op("getPetById")).toMatchObject({ method: "get", path: "/pets/{petId}", group: "pets" });
    expect(op("getCategoryTree")).toMatchObject({
      path: "/categories/{categoryId}/tree",
      group: "categories",
    });
  });

  it("collects params by location, path-level params included, refs resolved", () => {
    const list = op("listPets").params;
    expect(list.query.map((p) => p.name)).toEqual(["limit", "species"]);
    expect(list.header).toMatchObject([{ name: "X-Tenant-Id", required: true }]);
    expect(op("getPetById").params.path).toMatchObject([
      { name: "petId", schema: { type: "integer", minimum: 1 } },
    ]);
    expect(op("getPetById").params.cookie).toMatchObject([{ name: "session", required: true }]);
    expect(op("deletePet").params.header).toEqual([]);
  });

  it("normalises 3.0 nullable into 3.1 type arrays and drops OpenAPI-only keywords", () => {
    expect(op("getOwners").params.query[0]!.schema).toEqual({
      type: ["string", "null"],
      maxLength: 40,
    });
    const newPet = model.schemas.NewPet as { properties: Record<string, unknown> };
    expect(newPet.properties.tag).toEqual({ type: ["string", "null"] });
    expect(model.schemas.PetKind).toEqual({
      oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }],
    });
  });

  it("keeps circular schemas as named refs", () => {
    const category = model.schemas.Category as { properties: Record<string, { items?: unknown }> };
    expect(refName(category.properties.parent as { $ref: string })).toBe("Category");
    expect(category.properties.children!.items).toEqual({ $ref: "#/components/schemas/Category" });
  });

  it("reads form bodies", () => {
    expect(op("RequestPhoto").requestBody).toMatchObject({
      required: true,
      contentTypes: ["application/x-www-form-urlencoded"],
    });
  });
});

describe("loadSpec: OpenAPI 3.1 split over files (JSON + YAML)", async () => {
  const { model } = await loadSpec(join(fixtures, "multi-file/openapi.json"));

  it("names schemas from external files after the file", () => {
    expect(Object.keys(model.schemas)).toEqual([
      "ProductWithRelated",
      "Region",
      "Product",
      "Money",
      "ProductPatch",
    ]);
    // product.yaml's ref back into the root document reaches the root's own Region.
    const product = model.schemas.Product as { properties: Record<string, unknown> };
    expect(product.properties.region).toEqual({ $ref: "#/components/schemas/Region" });
    const create = model.operations.find((o) => o.operationId === "createProduct")!;
    expect(create.requestBody?.schema).toEqual({ $ref: "#/components/schemas/Product" });
    expect(create.requestBody?.contentTypes).toEqual([
      "application/json",
      "application/x-www-form-urlencoded",
    ]);
  });

  it("follows parameter refs into other files and keeps 3.1 type arrays", () => {
    const list = model.operations.find((o) => o.operationId === "listProducts")!;
    expect(list.params.query.map((p) => [p.name, p.schema])).toEqual([
      ["cursor", { type: "string", maxLength: 200 }],
      ["minPrice", { type: ["number", "null"], minimum: 0 }],
    ]);
    expect(list.group).toBe("catalog");
    expect(model.operations.find((o) => o.path === "/health")).toMatchObject({
      operationId: "getHealth",
      group: "health",
    });
  });
});

describe("loadSpec: bad specs give one located line", () => {
  const invalid = join(fixtures, "invalid");
  const breaches = [
    [
      "missing-responses.yaml",
      /missing-responses\.yaml#\/paths\/~1users\/get: missing required property "responses"$/,
    ],
    [
      "bad-type.yaml",
      /bad-type\.yaml#\/paths\/~1users~1\{id\}\/get\/responses\/200\/content\/application~1json\/schema\/type: must be one of/,
    ],
    [
      "duplicate-operation-id.yaml",
      /duplicate-operation-id\.yaml#\/paths\/~1groups\/get\/operationId: operationId "listThings" is already used by GET \/users/,
    ],
    [
      "undeclared-path-param.yaml",
      /undeclared-path-param\.yaml#\/paths\/~1users~1\{userId\}~1posts\/get: path parameter "userId" of \/users\/\{userId\}\/posts is not declared/,
    ],
  ] as const;

  it.each(breaches)("%s is refused with strict", async (file, expected) => {
    const error = await loadError(join(invalid, file), true);
    expect(error.message).toMatch(expected);
    expect(error.message).not.toContain("\n");
    expect(error.hint).toMatch(/without --strict these are warnings/);
    expect(error.exitCode).toBe(2);
  });

  it.each(breaches)(
    "%s loads with a located one-line warning without strict",
    async (file, expected) => {
      const { warnings } = await loadSpec(join(invalid, file));
      expect(warnings.some((w) => expected.test(w))).toBe(true);
      for (const warning of warnings) expect(warning).not.toContain("\n");
    },
  );

  it.each([
    [
      "bad-ref.yaml",
      /bad-ref\.yaml#\/paths\/~1users\/get\/responses\/200\/content\/application~1json\/schema: \$ref "#\/components\/schemas\/User" points at nothing/,
    ],
    [
      "missing-external.yaml",
      /cannot read .*nowhere\.yaml, which a \$ref points at: file not found/,
    ],
  ])("%s is refused even without strict", async (file, expected) => {
    const error = await loadError(join(invalid, file));
    expect(error.message).toMatch(expected);
    expect(error.message).not.toContain("\n");
    expect(error.exitCode).toBe(2);
  });

  it("a YAML syntax error names the file, line and column", async () => {
    const dir = tempDir("scaffold");
    const file = join(dir, "broken.yaml");
    writeFileSync(file, 'openapi: 3.0.3\ninfo:\n  title: "Unclosed\n  version: 1.0.0\npaths: {}\n');
    const error = await loadError(file);
    expect(error.message).toMatch(/broken\.yaml:\d+:\d+: not valid YAML: /);
    expect(error.message).not.toContain("\n");
  });

  it("a missing file is a user error", async () => {
    expect((await loadError(join(invalid, "absent.yaml"))).message).toMatch(
      /spec not found: .*absent\.yaml/,
    );
  });
});

import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FRAMEWORKS,
  type Framework,
  generate,
  loadSpec,
} from "../../../src/engine/scaffold/index.js";
import { repoRoot } from "../../helpers/cli.js";
import {
  bootGeneratedApp,
  compileGeneratedApps,
  type RunningApp,
} from "../../helpers/generated-apps.js";

/**
 * Scaffold two specs for each framework into the repo's .tmp (so node_modules resolve), compile
 * all six apps in one `tsc --strict` run, boot each on 127.0.0.1 and send valid and invalid
 * requests to every operation.
 */
const root = join(repoRoot, ".tmp", `scaffold-apps-${process.pid}`);
const fixtures = resolve(repoRoot, "test/fixtures/openapi");
const SPECS = {
  petstore: "petstore-3.0.yaml",
  catalog: "multi-file/openapi.json",
  odd: "odd-names.yaml",
} as const;
type SpecName = keyof typeof SPECS;

/** Handlers the test writes in place of the 501 stubs, to see validated input reach them. */
const IMPLEMENTED: Record<SpecName, Record<string, string>> = {
  odd: {},
  petstore: {
    "handlers/pets/getPetById.ts": `import type { HandlerContext } from "../../context.js";
import type { GetPetByIdInput, GetPetByIdResult } from "../../types.js";

export async function getPetById(input: GetPetByIdInput, context: HandlerContext): Promise<GetPetByIdResult> {
  return { status: 200, data: { id: input.params.petId, name: context.requestId, kind: { type: "cat" } } };
}
`,
    "handlers/pets/createPet.ts": `import type { HandlerContext } from "../../context.js";
import type { CreatePetInput, CreatePetResult, Owner } from "../../types.js";

export async function createPet(input: CreatePetInput, context: HandlerContext): Promise<CreatePetResult> {
  return { status: 201, data: { ...input.body, id: 1, owner: context.principal as Owner } };
}
`,
    "auth.ts": `import type { Credential } from "./security.js";

export async function authenticate(credentials: Credential[]): Promise<unknown> {
  const ok = credentials.every((c) => c.value === (c.type === "apiKey" ? "good-key" : "good-token"));
  return ok ? { id: "u1", name: "ada" } : undefined;
}
`,
    "handlers/pets/deletePet.ts": `import type { HandlerContext } from "../../context.js";
import type { DeletePetInput, DeletePetResult } from "../../types.js";

export async function deletePet(_input: DeletePetInput, _context: HandlerContext): Promise<DeletePetResult> {
  return { status: 204 };
}
`,
  },
  catalog: {
    "handlers/catalog/listProducts.ts": `import type { HandlerContext } from "../../context.js";
import type { ListProductsInput, ListProductsResult } from "../../types.js";

export async function listProducts(input: ListProductsInput, _context: HandlerContext): Promise<ListProductsResult> {
  const price = input.query.minPrice ?? 1;
  return { status: 200, data: [{ sku: "ABC-0001", name: "first", price }] };
}
`,
  },
};

interface Call {
  method: string;
  path: string;
  headers?: Record<string, string>;
  json?: unknown;
  form?: string;
}
interface Case {
  operation: string;
  valid: Call & { status: number; data?: unknown };
  invalid: Array<Call & { field: string }>;
}

const tenant = { "x-tenant-id": "acme" };
const bearer = { authorization: "Bearer good-token" };
const CASES: Record<SpecName, Case[]> = {
  odd: [
    {
      operation: "thingsGetPart",
      valid: { method: "GET", path: "/things/5/parts.json?page[size]=10", status: 501 },
      invalid: [
        { method: "GET", path: "/things/x/parts.json", field: "path.thing-id" },
        { method: "GET", path: "/things/5/parts.xml", field: "path.format" },
        { method: "GET", path: "/things/5/parts.csv?page[size]=99", field: "query.page[size]" },
      ],
    },
  ],
  petstore: [
    {
      operation: "listPets",
      valid: {
        method: "GET",
        path: "/pets?limit=5&species=cat&species=dog",
        headers: tenant,
        status: 501,
      },
      invalid: [
        { method: "GET", path: "/pets?limit=500", headers: tenant, field: "query.limit" },
        { method: "GET", path: "/pets?species=fish", headers: tenant, field: "query.species.0" },
        { method: "GET", path: "/pets", field: "header.x-tenant-id" },
      ],
    },
    {
      operation: "createPet",
      valid: {
        method: "POST",
        path: "/pets",
        headers: bearer,
        json: { name: "Rex", tag: null, kind: { type: "dog" } },
        status: 201,
        data: {
          name: "Rex",
          tag: null,
          kind: { type: "dog" },
          id: 1,
          owner: { id: "u1", name: "ada" },
        },
      },
      invalid: [
        {
          method: "POST",
          path: "/pets",
          headers: bearer,
          json: { kind: { type: "dog" } },
          field: "body.name",
        },
        {
          method: "POST",
          path: "/pets",
          headers: bearer,
          json: { name: "", kind: { type: "dog" } },
          field: "body.name",
        },
        { method: "POST", path: "/pets", headers: bearer, field: "body" },
      ],
    },
    {
      operation: "getPetById",
      valid: {
        method: "GET",
        path: "/pets/7",
        headers: { cookie: "session=deadbeef", "x-request-id": "req-42" },
        status: 200,
        data: { id: 7, name: "req-42", kind: { type: "cat" } },
      },
      invalid: [
        {
          method: "GET",
          path: "/pets/0",
          headers: { cookie: "session=deadbeef" },
          field: "path.petId",
        },
        {
          method: "GET",
          path: "/pets/7",
          headers: { cookie: "session=nothex!" },
          field: "cookie.session",
        },
        { method: "GET", path: "/pets/7", field: "cookie.session" },
      ],
    },
    {
      operation: "deletePet",
      valid: {
        method: "DELETE",
        path: "/pets/3",
        headers: { "x-api-key": "good-key" },
        status: 204,
      },
      invalid: [{ method: "DELETE", path: "/pets/abc", headers: bearer, field: "path.petId" }],
    },
    {
      operation: "RequestPhoto",
      valid: {
        method: "POST",
        path: "/pets/3/photo-requests",
        form: "size=small&copies=2",
        status: 501,
      },
      invalid: [
        { method: "POST", path: "/pets/3/photo-requests", form: "size=huge", field: "body.size" },
        {
          method: "POST",
          path: "/pets/3/photo-requests",
          form: "size=small&copies=9",
          field: "body.copies",
        },
      ],
    },
    {
      operation: "getOwners",
      valid: { method: "GET", path: "/owners?cursor=abc", status: 501 },
      invalid: [{ method: "GET", path: `/owners?cursor=${"x".repeat(50)}`, field: "query.cursor" }],
    },
    {
      operation: "getCategoryTree",
      valid: {
        method: "GET",
        path: "/categories/6c3a1e0a-5d2b-4f1e-9a47-2f0b8c9d1e3f/tree",
        status: 501,
      },
      invalid: [{ method: "GET", path: "/categories/not-a-uuid/tree", field: "path.categoryId" }],
    },
  ],
  catalog: [
    {
      operation: "listProducts",
      valid: {
        method: "GET",
        path: "/v2/products?minPrice=2.5",
        status: 200,
        data: [{ sku: "ABC-0001", name: "first", price: 2.5 }],
      },
      invalid: [
        { method: "GET", path: "/v2/products?minPrice=-1", field: "query.minPrice" },
        { method: "GET", path: `/v2/products?cursor=${"c".repeat(201)}`, field: "query.cursor" },
      ],
    },
    {
      operation: "createProduct",
      valid: {
        method: "POST",
        path: "/v2/products",
        headers: { "idempotency-key": "key-12345" },
        json: {
          sku: "ABC-1234",
          name: "Lamp",
          price: 10,
          description: null,
          money: { amount: 1000, currency: "EUR" },
        },
        status: 501,
      },
      invalid: [
        {
          method: "POST",
          path: "/v2/products",
          json: { sku: "ABC-1234", name: "Lamp", price: 10 },
          field: "header.idempotency-key",
        },
        {
          method: "POST",
          path: "/v2/products",
          headers: { "idempotency-key": "key-12345" },
          json: { sku: "ABC-1234", name: "Lamp", price: 0 },
          field: "body.price",
        },
        {
          method: "POST",
          path: "/v2/products",
          headers: { "idempotency-key": "key-12345" },
          json: { sku: "ABC-1234", name: "Lamp", price: 3, money: { amount: 1, currency: "GBP" } },
          field: "body.money.currency",
        },
        {
          method: "POST",
          path: "/v2/products",
          headers: { "idempotency-key": "key-12345" },
          form: "sku=bad&name=Lamp&price=3",
          field: "body.sku",
        },
      ],
    },
    {
      operation: "getProduct",
      valid: { method: "GET", path: "/v2/products/ABC-1234", status: 501 },
      invalid: [{ method: "GET", path: "/v2/products/abc", field: "path.sku" }],
    },
    {
      operation: "updateProduct",
      valid: {
        method: "PATCH",
        path: "/v2/products/ABC-1234",
        json: { description: null },
        status: 501,
      },
      invalid: [
        { method: "PATCH", path: "/v2/products/ABC-1234", json: {}, field: "body" },
        {
          method: "PATCH",
          path: "/v2/products/ABC-1234",
          json: { name: { first: "Lamp" } },
          field: "body.name",
        },
      ],
    },
    {
      operation: "getHealth",
      valid: { method: "GET", path: "/health", status: 501 },
      invalid: [],
    },
  ],
};

const appDir = (spec: SpecName, framework: Framework) => join(root, "src", `${spec}-${framework}`);
let tsc: { status: number | null; output: string };
let biome: { status: number | null; output: string };

/** Biome's defaults (recommended lint rules, formatter, import sorting) at 100 columns. */
const BIOME_CONFIG = {
  formatter: { enabled: true, indentStyle: "space", indentWidth: 2, lineWidth: 100 },
  linter: { enabled: true, rules: { preset: "recommended" } },
  javascript: { formatter: { quoteStyle: "double" } },
  assist: { enabled: true, actions: { source: { organizeImports: "on" } } },
};

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const spec of Object.keys(SPECS) as SpecName[]) {
    const { model } = await loadSpec(join(fixtures, SPECS[spec]));
    for (const framework of FRAMEWORKS) {
      await generate(model, { framework, outputDir: appDir(spec, framework) });
    }
  }
  writeFileSync(join(root, "biome.json"), JSON.stringify(BIOME_CONFIG));
  const lint = spawnSync(
    process.execPath,
    [
      join(repoRoot, "node_modules/@biomejs/biome/bin/biome"),
      "check",
      "--config-path",
      root,
      "src",
    ],
    // Run from the scratch folder, so its biome.json (not the repo's) is the root configuration.
    { cwd: root, encoding: "utf8", timeout: 60_000 },
  );
  biome = { status: lint.status, output: `${lint.stdout}${lint.stderr}` };
  for (const spec of Object.keys(SPECS) as SpecName[]) {
    for (const framework of FRAMEWORKS) {
      for (const [file, source] of Object.entries(IMPLEMENTED[spec])) {
        writeFileSync(join(appDir(spec, framework), file), source);
      }
    }
  }
  tsc = compileGeneratedApps(root);
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

it("the nine generated apps compile with tsc --strict (NodeNext) without errors", () => {
  expect(tsc.output).toBe("");
  expect(tsc.status).toBe(0);
});

it("the generated code is formatted and lint-clean by Biome's defaults (imports sorted, none unused)", () => {
  expect(biome.output).toContain("No fixes applied");
  expect(biome.status, biome.output).toBe(0);
});

it("server.ts is one file for every framework, so switching --framework keeps it working", () => {
  const spec = Object.keys(SPECS)[0] as SpecName;
  const servers = FRAMEWORKS.map((fw) => readFileSync(join(appDir(spec, fw), "server.ts"), "utf8"));
  expect(new Set(servers).size).toBe(1);
});

it.each(FRAMEWORKS)(
  "%s: listen() rejects when the port is taken (never reports listening)",
  async (fw) => {
    const spec = Object.keys(SPECS)[0] as SpecName;
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, "127.0.0.1", done));
    const { port } = taken.address() as { port: number };
    try {
      const app = (await import(
        pathToFileURL(join(root, "dist", `${spec}-${fw}`, "app.js")).href
      )) as {
        listen(port: number, host: string): Promise<void>;
      };
      await expect(app.listen(port, "127.0.0.1")).rejects.toMatchObject({ code: "EADDRINUSE" });
    } finally {
      taken.close();
    }
  },
);

const boot = (spec: SpecName, framework: Framework): Promise<RunningApp> =>
  bootGeneratedApp(join(root, "dist", `${spec}-${framework}`), framework);

async function send(base: string, call: Call) {
  const headers: Record<string, string> = { ...call.headers };
  let body: string | undefined;
  if (call.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(call.json);
  } else if (call.form !== undefined) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = call.form;
  }
  const response = await fetch(`${base}${call.path}`, {
    method: call.method,
    headers,
    body,
    signal: AbortSignal.timeout(5_000),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

describe.each(FRAMEWORKS)("%s app", (framework) => {
  describe.each(Object.keys(SPECS) as SpecName[])("from %s", (spec) => {
    let app: RunningApp | undefined;
    beforeAll(async () => {
      if (tsc.status === 0) app = await boot(spec, framework);
    });
    afterAll(async () => app?.close());

    it.each(CASES[spec])(
      "$operation: a valid request reaches the handler",
      async ({ operation, valid }) => {
        const { status, body, headers } = await send(app!.base, valid);
        expect(status, JSON.stringify(body)).toBe(valid.status);
        expect(headers.get("x-request-id")).toBeTruthy();
        if (status === 204) return;
        expect(body.meta.requestId).toBe(headers.get("x-request-id"));
        if (status === 501) {
          expect(body.error).toEqual({
            code: "NOT_IMPLEMENTED",
            message: expect.stringContaining(`Implement ${operation}`),
          });
        } else {
          expect(body.data).toEqual(valid.data);
        }
      },
    );

    it.each(
      CASES[spec].flatMap((c) => c.invalid.map((call) => ({ operation: c.operation, ...call }))),
    )("$operation: $method $path is refused naming $field", async (call) => {
      const { status, body } = await send(app!.base, call);
      expect(status, JSON.stringify(body)).toBe(400);
      expect(body.error.code).toBe("VALIDATION_ERROR");
      expect(body.error.message).toContain(call.field);
      expect(body.error.details.map((d: { field: string }) => d.field)).toContain(call.field);
      expect(typeof body.meta.requestId).toBe("string");
    });

    if (spec === "petstore") {
      it.each<{ call: Call; message: string }>([
        {
          call: { method: "POST", path: "/pets", json: { name: "Rex", kind: { type: "cat" } } },
          message: "Send credentials: bearerAuth",
        },
        {
          call: {
            method: "POST",
            path: "/pets",
            headers: { authorization: "Bearer stolen" },
            json: { name: "Rex" },
          },
          message: "The credentials were refused",
        },
        {
          call: { method: "DELETE", path: "/pets/3", headers: { "x-api-key": "wrong" } },
          message: "The credentials were refused",
        },
        {
          call: { method: "DELETE", path: "/pets/3" },
          message: "Send credentials: apiKey or bearerAuth",
        },
      ])(
        "secured operations answer 401 before validating: $call.method $call.path → $message",
        async ({ call, message }) => {
          const { status, body } = await send(app!.base, call);
          expect(status, JSON.stringify(body)).toBe(401);
          expect(body.error).toEqual({ code: "UNAUTHORIZED", message });
        },
      );

      it("any one of the security requirements lets the request through", async () => {
        const { status } = await send(app!.base, {
          method: "DELETE",
          path: "/pets/3",
          headers: bearer,
        });
        expect(status).toBe(204);
      });
    }

    it("answers unknown routes in the error envelope, with security headers", async () => {
      const missing = await send(app!.base, { method: "GET", path: "/nowhere" });
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe("NOT_FOUND");
      expect(missing.headers.get("x-content-type-options")).toBe("nosniff");
    });

    const path = { petstore: "/pets", catalog: "/v2/products", odd: undefined }[spec];
    if (!path) return;
    it("answers broken JSON and oversized bodies in the error envelope", async () => {
      const broken = await fetch(`${app!.base}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...tenant, "idempotency-key": "key-12345" },
        body: "{not json",
      });
      expect(broken.status).toBe(400);
      expect(((await broken.json()) as { error: { code: string } }).error.code).toBe("BAD_REQUEST");
      const big = await fetch(`${app!.base}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": "key-12345" },
        body: JSON.stringify({ name: "x".repeat(1_100_000) }),
      });
      expect(big.status).toBe(413);
      const bigBody = (await big.json()) as {
        error: { code: string };
        meta: { requestId: string };
      };
      expect(bigBody.error.code).toBe("PAYLOAD_TOO_LARGE");
      expect(JSON.stringify(bigBody)).not.toMatch(/at .*\.js:\d+/);
    });
  });
});

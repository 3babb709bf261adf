import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  generateSpecFromRoutes,
  writeSpecDocument,
} from "../../../src/engine/scaffold/spec-from-routes/index.js";
import { isUserError } from "../../../src/engine/shared/index.js";
import { tempDir } from "../../helpers/temp-dir.js";

const fixtures = resolve(import.meta.dirname, "../../fixtures/routes");

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
};
type Operation = {
  operationId: string;
  parameters?: Array<{ name: string; in: string; required: boolean; schema: unknown }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};

async function specOf(folder: string): Promise<Doc> {
  const result = await generateSpecFromRoutes({ input: folder });
  return result.document as unknown as Doc;
}

function operations(doc: Doc): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

describe("spec from Express routes", () => {
  it("joins app.use prefixes across files, converts :params and reads validator schemas", async () => {
    const doc = await specOf(join(fixtures, "express"));
    expect(doc.openapi).toBe("3.1.0");
    expect(operations(doc)).toEqual([
      "DELETE /v1/users/{id}/avatar",
      "GET /health",
      "GET /v1/orders/{orderId}",
      "GET /v1/users",
      "GET /v1/users/{id}",
      "POST /v1/users",
      "PUT /v1/users/{id}/avatar",
    ]);
    const getUser = doc.paths["/v1/users/{id}"].get;
    expect(getUser.operationId).toBe("getUser");
    expect(getUser.parameters).toEqual([
      { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
    ]);
    const createUser = doc.paths["/v1/users"].post;
    expect(createUser.requestBody?.content["application/json"].schema).toMatchObject({
      required: ["email"],
      properties: { name: { type: "string", maxLength: 100 } },
    });
    expect(createUser.parameters).toEqual([
      { name: "notify", in: "query", required: false, schema: { type: "boolean" } },
    ]);
    expect(doc.paths["/v1/orders/{orderId}"].get.parameters?.[0]).toMatchObject({
      name: "orderId",
      in: "path",
    });
  });
});

describe("spec from Fastify routes", () => {
  it("follows register(plugin, { prefix }), fastify-plugin wrappers, inline plugins and route()", async () => {
    const doc = await specOf(join(fixtures, "fastify"));
    expect(operations(doc)).toEqual([
      "DELETE /admin/cache/{key}",
      "GET /api/users/{id}",
      "GET /internal/ping",
      "GET /status",
      "HEAD /status",
      "POST /api/users",
    ]);
    const getUser = doc.paths["/api/users/{id}"].get;
    expect(getUser.operationId).toBe("getUser");
    expect(getUser.parameters?.[0].schema).toEqual({ type: "integer", minimum: 1 });
    expect(getUser.responses["200"].content?.["application/json"].schema).toMatchObject({
      properties: { email: { type: "string" } },
    });
    const create = doc.paths["/api/users"].post;
    expect(create.requestBody).toBeDefined();
    expect(create.parameters).toEqual([
      { name: "dryRun", in: "query", required: false, schema: { type: "boolean" } },
    ]);
  });
});

describe("spec from Koa routes", () => {
  it("applies new Router({ prefix }), router.prefix(), nested router.use and named routes", async () => {
    const doc = await specOf(join(fixtures, "koa"));
    expect(operations(doc)).toEqual([
      "DELETE /api/v2/items/{itemId}",
      "GET /api/v2/items",
      "GET /api/v2/items/{itemId}",
      "GET /health",
      "POST /api/v2/items",
    ]);
    expect(doc.paths["/api/v2/items"].get.operationId).toBe("listItems");
    expect(doc.paths["/api/v2/items/{itemId}"].delete.operationId).toBe("deleteItem");
  });
});

describe("generateSpecFromRoutes errors and output", () => {
  let dir: string;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("names the file, line and column of a syntax error in one line", async () => {
    dir = tempDir("spec");
    await writeFile(
      join(dir, "ok.ts"),
      'import { Router } from "express";\nexport const r = Router();\n',
    );
    await writeFile(join(dir, "broken.ts"), 'const r = Router();\nr.get("/x", (req, res) => {\n');
    const error = await generateSpecFromRoutes({ input: dir }).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^broken\.ts:3:\d+: /);
    expect((error as Error).message).not.toContain("\n");
  });

  it("refuses a folder that does not exist", async () => {
    const error = await generateSpecFromRoutes({ input: "/nonexistent/routes" }).catch((e) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toBe("/nonexistent/routes: no such file or folder");
  });

  it("writes YAML or JSON by extension", async () => {
    dir = tempDir("spec");
    const { document } = await generateSpecFromRoutes({ input: join(fixtures, "koa") });
    await writeSpecDocument(join(dir, "openapi.yaml"), document);
    await writeSpecDocument(join(dir, "out/openapi.json"), document);
    const yaml = parse(await readFile(join(dir, "openapi.yaml"), "utf8"));
    const json = JSON.parse(await readFile(join(dir, "out/openapi.json"), "utf8"));
    expect(yaml).toEqual(document);
    expect(json).toEqual(document);
  });
});

describe("spec from less common route code", () => {
  let dir: string;
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("follows constants, router factories, require(), re-exports, namespace imports; warns on .all()", async () => {
    dir = tempDir("spec");
    const files: Record<string, string> = {
      "server.js": [
        'const express = require("express");',
        'const { ordersRouter } = require("./orders");',
        'const { makeAdmin } = require("./admin.js");',
        "const app = express();",
        'const API = "/api";',
        "app.use(API, ordersRouter, makeAdmin());",
        'app.all("/legacy", (req, res) => res.end());',
        "module.exports = app;",
      ].join("\n"),
      "orders.ts": [
        'import { Router } from "express";',
        'import * as schemas from "./schemas/index.js";',
        'import { validate } from "./validate.js";',
        "const router = Router();",
        'const ORDERS = "/orders";',
        `router.put(\`\${ORDERS}/:orderId\`, validate(schemas.putOrder), (req, res) => res.end());`,
        "export { router as ordersRouter };",
      ].join("\n"),
      "admin.ts": [
        'import express from "express";',
        "export function makeAdmin() {",
        "  const admin = express.Router();",
        '  admin.get("/admin/stats", stats);',
        "  return admin;",
        "}",
        "function stats() {}",
      ].join("\n"),
      "validate.ts": "export const validate = (schema: unknown) => schema;",
      "schemas/index.ts": 'export { putOrder } from "./orders.js";',
      "schemas/orders.ts": [
        'const money = { type: "integer", minimum: 0 } as const;',
        "export const putOrder = {",
        '  params: { type: "object", properties: { orderId: { type: "string", pattern: "^o_" } } },',
        '  body: { type: "object", properties: { total: money, ...{ note: { type: "string" } } } },',
        "};",
      ].join("\n"),
    };
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    const result = await generateSpecFromRoutes({ input: dir });
    const doc = result.document as unknown as Doc;
    expect(operations(doc)).toEqual(["GET /api/admin/stats", "PUT /api/orders/{orderId}"]);
    const put = doc.paths["/api/orders/{orderId}"].put;
    expect(put.parameters?.[0].schema).toEqual({ type: "string", pattern: "^o_" });
    expect(put.requestBody?.content["application/json"].schema).toEqual({
      type: "object",
      properties: { total: { type: "integer", minimum: 0 }, note: { type: "string" } },
    });
    expect(doc.paths["/api/admin/stats"].get.operationId).toBe("stats");
    expect(result.warnings).toEqual([
      "server.js:7: /legacy uses .all(); OpenAPI needs explicit methods, skipped",
    ]);
  });
});

describe("spec from routes validated with zod and express-validator", () => {
  it("reads request schemas from zod declarations and express-validator chains", async () => {
    const doc = await specOf(join(fixtures, "validators"));
    const body = (path: string, method: string) =>
      doc.paths[path]?.[method]?.requestBody?.content["application/json"].schema;
    expect(body("/api/users", "post")).toEqual({
      type: "object",
      properties: {
        email: { type: "string", format: "email" },
        name: { type: "string", minLength: 1, maxLength: 100 },
        age: { type: "integer", minimum: 0 },
        role: { type: "string", enum: ["admin", "member"], default: "member" },
        tags: { type: "array", items: { type: "string" }, maxItems: 5 },
      },
      required: ["email", "name"],
    });
    expect(body("/api/users/{id}", "patch")).toMatchObject({
      properties: { nickname: { type: ["string", "null"] } },
      required: ["nickname"],
    });
    expect(doc.paths["/api/users/{id}"]?.patch?.parameters).toEqual([
      { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
    ]);
    expect(body("/api/orders", "post")).toEqual({
      type: "object",
      properties: {
        sku: { type: "string", minLength: 3, maxLength: 20 },
        quantity: { type: "integer", minimum: 1, maximum: 99 },
        note: { type: "string" },
      },
      required: ["sku", "quantity"],
    });
    expect(doc.paths["/api/orders"]?.post?.parameters).toEqual([
      { name: "dryRun", in: "query", required: false, schema: { type: "boolean" } },
    ]);
    expect(doc.paths["/api/orders/{orderId}"]?.get?.parameters?.[0]).toMatchObject({
      schema: { type: "string", format: "uuid" },
    });
    expect(body("/api/signups", "post")).toEqual({
      type: "object",
      properties: { email: { type: "string", format: "email" }, plan: { enum: ["free", "pro"] } },
      required: ["email"],
    });
  });
});

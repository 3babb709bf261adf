import { mkdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../../src/engine/openapi/index.js";
import { FRAMEWORKS, type Framework, generate } from "../../../src/engine/scaffold/index.js";
import { repoRoot } from "../../helpers/cli.js";
import {
  bootGeneratedApp,
  compileGeneratedApps,
  type RunningApp,
} from "../../helpers/generated-apps.js";

/**
 * The same behaviour from every framework, on our 3.2 fixture with a servers base path: routes
 * mount under /api/v1, a JSON body is validated as sent (no coercion), path and query values are
 * coerced, a known path with the wrong method is 405 with Allow, anything else 404 — both in the
 * error envelope.
 */
const root = join(repoRoot, ".tmp", `scaffold-behaviour-${process.pid}`);
const spec = resolve(repoRoot, "test/fixtures/openapi/real-world/orders-3.2.yaml");
const shapes = resolve(repoRoot, "test/fixtures/openapi/real-world/shapes.yaml");
let tsc: { status: number | null; output: string };

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const { model } = await loadSpec(spec);
  for (const framework of FRAMEWORKS) {
    await generate(model, { framework, outputDir: join(root, "src", framework) });
  }
  await generate(model, {
    framework: "express",
    outputDir: join(root, "src", "root-mounted"),
    basePath: "/",
  });
  const odd = (await loadSpec(shapes)).model;
  for (const framework of FRAMEWORKS) {
    await generate(odd, { framework, outputDir: join(root, "src", `shapes-${framework}`) });
  }
  tsc = compileGeneratedApps(root);
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

it("the apps compile with tsc --strict", () => {
  expect(tsc.output).toBe("");
});

async function call(base: string, method: string, path: string, json?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: json === undefined ? {} : { "content-type": "application/json" },
    body: json === undefined ? undefined : JSON.stringify(json),
    signal: AbortSignal.timeout(5_000),
  });
  const text = await response.text();
  return {
    status: response.status,
    allow: response.headers.get("allow"),
    body: text ? JSON.parse(text) : undefined,
  };
}

describe.each(FRAMEWORKS)("%s", (framework: Framework) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await bootGeneratedApp(join(root, "dist", framework), framework);
  });
  afterAll(async () => app?.close());

  it("mounts the routes under the servers base path", async () => {
    expect((await call(app.base, "GET", "/api/v1/orders")).status).toBe(501);
    expect((await call(app.base, "GET", "/orders")).status).toBe(404);
  });

  it("refuses a JSON body whose values have the wrong types (no coercion of bodies)", async () => {
    const wrong = await call(app.base, "POST", "/api/v1/orders", { sku: 12345, quantity: "2" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe("VALIDATION_ERROR");
    const right = await call(app.base, "POST", "/api/v1/orders", { sku: "A-1", quantity: 2 });
    expect(right.status).toBe(501);
  });

  it("coerces path and query values from text", async () => {
    expect((await call(app.base, "GET", "/api/v1/orders/42?")).status).toBe(501);
    expect((await call(app.base, "GET", "/api/v1/orders?limit=5")).status).toBe(501);
    expect((await call(app.base, "GET", "/api/v1/orders?limit=500")).status).toBe(400);
  });

  it("answers a known path with the wrong method 405 with Allow, in the error envelope", async () => {
    const wrong = await call(app.base, "DELETE", "/api/v1/orders");
    expect(wrong.status).toBe(405);
    expect(wrong.allow).toBe("GET, HEAD, POST");
    expect(wrong.body.error.code).toBe("METHOD_NOT_ALLOWED");
    expect(wrong.body.meta.requestId).toBeTruthy();
    expect((await call(app.base, "PUT", "/api/v1/orders/7")).allow).toBe("GET, HEAD");
  });

  it("answers an unknown path 404 in the error envelope", async () => {
    const missing = await call(app.base, "GET", "/api/v1/nowhere");
    expect(missing.status).toBe(404);
    expect(missing.allow).toBeNull();
    expect(missing.body.error.code).toBe("NOT_FOUND");
  });
});

it("--base-path / mounts the same routes at the root", async () => {
  const app = await bootGeneratedApp(join(root, "dist", "root-mounted"), "express");
  try {
    expect((await call(app.base, "GET", "/orders")).status).toBe(501);
    expect((await call(app.base, "GET", "/api/v1/orders")).status).toBe(404);
  } finally {
    await app.close();
  }
});

/** fetch refuses a GET with a body; node:http sends one. Resolves to the status. */
function getWithBody(base: string, path: string, json: unknown): Promise<number> {
  const body = JSON.stringify(json);
  return new Promise((done, fail) => {
    const req = request(`${base}${path}`, {
      method: "GET",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      timeout: 5_000,
    });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => done(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", fail);
    req.end(body);
  });
}

describe.each(FRAMEWORKS)("%s app from shapes.yaml", (framework: Framework) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await bootGeneratedApp(join(root, "dist", `shapes-${framework}`), framework);
  });
  afterAll(async () => app?.close());

  it("routes paths with literal parentheses and colons", async () => {
    expect((await call(app.base, "GET", "/odata/Businesses(7)")).status).toBe(501);
    expect((await call(app.base, "POST", "/items:batchGet", { status: null })).status).toBe(501);
    expect((await call(app.base, "POST", "/items:batchGet", { status: "lost" })).status).toBe(400);
    expect((await call(app.base, "GET", "/items:batchGet")).status).toBe(405);
    expect((await call(app.base, "PUT", "/files/<upload_url>")).status).toBe(501);
  });

  it("a spec's own HEAD beside its GET answers, and a URL $ref reads as any value", async () => {
    expect((await call(app.base, "HEAD", "/status")).status).toBe(501);
    expect((await call(app.base, "GET", "/status")).status).toBe(501);
    expect((await call(app.base, "GET", "/geo")).status).toBe(501);
  });

  it("starts despite schema slips, and validates a GET body as sent (Fastify parses none)", async () => {
    expect(await getWithBody(app.base, "/search", { rate: 1 })).toBe(501);
    if (framework === "fastify") return;
    expect(await getWithBody(app.base, "/search", { rate: 0 })).toBe(400);
    expect(await getWithBody(app.base, "/search", { rate: "1" })).toBe(400);
  });
});

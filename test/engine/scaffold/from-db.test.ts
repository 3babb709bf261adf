import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  type ScaffoldFromDbResult,
  scaffoldFromDb,
} from "../../../src/engine/scaffold/from-db/index.js";
import { FRAMEWORKS, type Framework } from "../../../src/engine/scaffold/index.js";
import { generateSpecFromRoutes } from "../../../src/engine/scaffold/spec-from-routes/index.js";
import { repoRoot } from "../../helpers/cli.js";
import {
  bootGeneratedApp,
  compileGeneratedApps,
  type RunningApp,
} from "../../helpers/generated-apps.js";
import { createTestDatabase, type TestDatabase } from "../../helpers/pg.js";

/**
 * CRUD round trip: create a schema → scaffold --from-db for each framework → compile the three apps
 * with tsc --strict → boot each on 127.0.0.1 against the database → create/list/get/patch/delete
 * over HTTP, and invalid input gets a 400 in the error envelope.
 */
const root = join(repoRoot, ".tmp", `scaffold-from-db-${process.pid}`);

const SCHEMA = `
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email varchar(120) NOT NULL UNIQUE,
  name text CHECK (char_length(name) >= 2),
  mood mood,
  age integer CHECK (age >= 0 AND age <= 150),
  meta jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_mood_idx ON users (mood);
CREATE TABLE "order items" (
  order_id integer NOT NULL,
  product_id uuid NOT NULL,
  qty positive_int NOT NULL,
  price numeric(10,2),
  PRIMARY KEY (order_id, product_id)
);
CREATE TABLE audit_log (at timestamp NOT NULL DEFAULT now(), message text NOT NULL);
INSERT INTO audit_log (message) VALUES ('created');
`;

let db: TestDatabase;
const results = new Map<Framework, ScaffoldFromDbResult>();
let tsc: { status: number | null; output: string };

beforeAll(async () => {
  db = await createTestDatabase("sb_fromdb");
  await db.exec(SCHEMA);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const framework of FRAMEWORKS) {
    results.set(
      framework,
      await scaffoldFromDb({
        connectionString: db.url,
        framework,
        outputDir: join(root, "src", framework),
      }),
    );
  }
  tsc = compileGeneratedApps(root, { noUnusedParameters: true });
}, 240_000);

afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await db?.drop();
});

describe("scaffold --from-db", () => {
  it("scaffolds CRUD per table, read-only routes for a table without a primary key, and a spec", () => {
    const result = results.get("express") as ScaffoldFromDbResult;
    expect(result.database).toBe(db.url);
    expect(result.tables).toEqual([
      {
        name: "public.audit_log",
        path: "/audit_log",
        operations: ["listAuditLog"],
        readOnly: true,
      },
      {
        name: "public.order items",
        path: "/order-items",
        operations: [
          "listOrderItems",
          "getOrderItems",
          "createOrderItems",
          "updateOrderItems",
          "deleteOrderItems",
        ],
        readOnly: false,
      },
      {
        name: "public.users",
        path: "/users",
        operations: ["listUsers", "getUsers", "createUsers", "updateUsers", "deleteUsers"],
        readOnly: false,
      },
    ]);
    expect(result.readOnlyTables).toEqual(["public.audit_log"]);
    expect(result.handlers).toBe(11);
    expect(result.dependencies).toHaveProperty("pg");
    expect(result.dependencies).not.toHaveProperty("@types/pg");
    expect(result.devDependencies).toHaveProperty("@types/pg");
    const spec = readFileSync(join(root, "src/express/openapi.yaml"), "utf8");
    expect(spec).toContain("openapi: 3.1.0");
    expect(spec).toContain("maxLength: 120");
  });

  it("compiles with tsc --strict and noUnusedParameters (a handler names what it leaves unused _x)", () => {
    expect(tsc.output).toBe("");
    expect(tsc.status).toBe(0);
  });

  it("reads back with --generate-spec: the same operations as the spec it wrote", async () => {
    const written = parse(readFileSync(join(root, "src/fastify/openapi.yaml"), "utf8"));
    const read = await generateSpecFromRoutes({ input: join(root, "src/fastify") });
    const ops = (doc: { paths: Record<string, Record<string, { operationId: string }>> }) =>
      Object.entries(doc.paths)
        .flatMap(([path, item]) =>
          Object.entries(item).map(([m, op]) => `${m} ${path} ${op.operationId}`),
        )
        .sort();
    expect(ops(read.document as never)).toEqual(ops(written));
  });

  it("only ever sends values as parameters", () => {
    const crud = readFileSync(join(root, "src/koa/crud/users.ts"), "utf8");
    expect(crud).toContain("await query<Users>(");
    expect(crud).not.toMatch(/\$\{input\./);
  });
});

async function boot(framework: Framework): Promise<RunningApp> {
  process.env.DATABASE_URL = db.url;
  const dist = join(root, "dist", framework);
  const { pool } = (await import(pathToFileURL(join(dist, "db.js")).href)) as {
    pool: { end(): Promise<void> };
  };
  return bootGeneratedApp(dist, framework, () => pool.end());
}

async function call(base: string, method: string, path: string, json?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: json === undefined ? {} : { "content-type": "application/json" },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
  const body: any =
    text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
  return { status: response.status, body };
}

for (const framework of FRAMEWORKS) {
  describe(`${framework} app scaffolded from the database`, () => {
    let app: RunningApp | undefined;
    beforeAll(async () => {
      await db.exec(`TRUNCATE users, "order items" RESTART IDENTITY`);
      if (tsc.status === 0) app = await boot(framework);
    });
    afterAll(async () => app?.close());

    it("creates, lists with a cursor and a filter, gets, patches and deletes users", async () => {
      const base = (app as RunningApp).base;
      const created = await call(base, "POST", "/users", {
        email: "ann@example.com",
        name: "Ann",
        mood: "happy",
        age: 30,
        meta: { tags: ["a", "b"] },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body.data).toMatchObject({
        email: "ann@example.com",
        mood: "happy",
        meta: { tags: ["a", "b"] },
      });
      expect(created.body.meta.requestId).toBeTruthy();
      const id = created.body.data.id;
      for (const email of ["bob@example.com", "cy@example.com"]) {
        expect((await call(base, "POST", "/users", { email, mood: "sad" })).status).toBe(201);
      }
      const first = await call(base, "GET", "/users?limit=2");
      expect(first.status).toBe(200);
      expect(first.body.data.items.map((u: { email: string }) => u.email)).toEqual([
        "ann@example.com",
        "bob@example.com",
      ]);
      expect(first.body.data.nextCursor).toEqual(expect.any(String));
      const second = await call(base, "GET", `/users?limit=2&cursor=${first.body.data.nextCursor}`);
      expect(second.body.data.items.map((u: { email: string }) => u.email)).toEqual([
        "cy@example.com",
      ]);
      expect(second.body.data.nextCursor).toBeNull();
      const sad = await call(base, "GET", "/users?mood=sad");
      expect(sad.body.data.items).toHaveLength(2);

      const got = await call(base, "GET", `/users/${id}`);
      expect(got.status).toBe(200);
      expect(got.body.data.name).toBe("Ann");
      const patched = await call(base, "PATCH", `/users/${id}`, { age: 31, name: null });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      expect(patched.body.data).toMatchObject({ age: 31, name: null, email: "ann@example.com" });
      expect((await call(base, "DELETE", `/users/${id}`)).status).toBe(204);
      const gone = await call(base, "GET", `/users/${id}`);
      expect(gone.status).toBe(404);
      expect(gone.body.error.code).toBe("NOT_FOUND");
      expect((await call(base, "DELETE", `/users/${id}`)).status).toBe(404);
    });

    it.each([
      ["a missing NOT NULL column", "POST", "/users", { name: "No Email" }, "body.email"],
      [
        "a varchar over its length",
        "POST",
        "/users",
        { email: `${"x".repeat(121)}@e.com` },
        "body.email",
      ],
      [
        "a value outside a CHECK range",
        "POST",
        "/users",
        { email: "old@e.com", age: 151 },
        "body.age",
      ],
      [
        "a value outside a CHECK length",
        "POST",
        "/users",
        { email: "n@e.com", name: "A" },
        "body.name",
      ],
      [
        "a label not in the enum",
        "POST",
        "/users",
        { email: "m@e.com", mood: "angry" },
        "body.mood",
      ],
      ["a generated column", "POST", "/users", { email: "g@e.com", id: 5 }, "body.id"],
      ["an empty patch", "PATCH", "/users/1", {}, "body"],
      ["a key that is not a number", "GET", "/users/abc", undefined, "path.id"],
      ["a limit over the maximum", "GET", "/users?limit=1000", undefined, "query.limit"],
      [
        "a composite-key row with qty 0",
        "POST",
        "/order-items",
        { order_id: 1, product_id: "7a1e9c64-58a4-4a7e-9d5e-0d3c8f1b2a11", qty: 0 },
        "body.qty",
      ],
    ])("answers %s with a 400 naming the field", async (_what, method, path, json, field) => {
      const response = await call((app as RunningApp).base, method, path, json);
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(response.body.error.code).toBe("VALIDATION_ERROR");
      expect(response.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(response.body.meta.requestId).toBeTruthy();
    });

    it("maps a unique violation to 409 and a bad cursor to 400", async () => {
      const base = (app as RunningApp).base;
      await call(base, "POST", "/users", { email: "dup@example.com" });
      const dup = await call(base, "POST", "/users", { email: "dup@example.com" });
      expect(dup.status).toBe(409);
      expect(dup.body.error.code).toBe("CONFLICT");
      const cursor = await call(base, "GET", "/users?cursor=not-a-cursor");
      expect(cursor.status).toBe(400);
      expect(cursor.body.error.details[0].field).toBe("query.cursor");
    });

    it("serves composite primary keys and list-only tables", async () => {
      const base = (app as RunningApp).base;
      const product = "7a1e9c64-58a4-4a7e-9d5e-0d3c8f1b2a11";
      const created = await call(base, "POST", "/order-items", {
        order_id: 7,
        product_id: product,
        qty: 2,
        price: "9.99",
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const got = await call(base, "GET", `/order-items/7/${product}`);
      expect(got.body.data).toMatchObject({ order_id: 7, qty: 2, price: "9.99" });
      const log = await call(base, "GET", "/audit_log?limit=5");
      expect(log.status).toBe(200);
      expect(log.body.data.items[0].message).toBe("created");
      expect(
        (await call(base, "POST", "/audit_log", { message: "x" })).status,
      ).toBeGreaterThanOrEqual(404);
    });
  });
}

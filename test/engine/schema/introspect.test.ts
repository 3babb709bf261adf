import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, introspect, type SchemaModel } from "../../../src/engine/schema/index.js";
import { schemaTestDb } from "../../helpers/schema-test-db.js";

let db: Db;
let model: SchemaModel;

beforeAll(async () => {
  db = await schemaTestDb(await readFile(new URL("./every-kind.sql", import.meta.url), "utf8"));
  model = await introspect(db);
});
afterAll(async () => {
  await db?.close();
});

const table = (name: string) => {
  const t = model.tables.find((x) => x.schema === "app" && x.name === name);
  if (!t) throw new Error(`no table app.${name}`);
  return t;
};

describe("introspection reads every object kind", () => {
  it("schemas, extensions, enums, domains, sequences", () => {
    expect(model.schemas.map((s) => s.name)).toEqual(["app", "other", "public"]);
    expect(model.schemas.find((s) => s.name === "app")?.comment).toBe("the app");
    expect(model.extensions.map((e) => `${e.name}@${e.schema}`)).toEqual(["citext@public"]);
    expect(model.enums).toEqual([
      { schema: "app", name: "mood", values: ["sad", "ok", "happy"], comment: undefined },
    ]);
    const domain = model.domains.find((d) => d.name === "email");
    expect(domain?.type).toBe("public.citext");
    // names come out schema-qualified (introspection runs with search_path = pg_catalog)
    expect(domain?.checks.map((c) => c.definition)).toEqual([
      "CHECK ((VALUE OPERATOR(public.~) '@'::public.citext))",
    ]);
    const counter = model.sequences.find((s) => s.name === "counter");
    expect(counter).toMatchObject({ start: "10", increment: "5", type: "bigint", cycle: false });
    // serial sequences are listed with their owner; identity sequences belong to their column
    expect(model.sequences.find((s) => s.name === "posts_id_seq")?.ownedBy).toBe("app.posts.id");
    expect(model.sequences.some((s) => s.name.startsWith("users_id"))).toBe(false);
  });

  it("tables: partitioned, partitions, unlogged, RLS flags, comments", () => {
    expect(table("events")).toMatchObject({ kind: "partitioned", partitionKey: "RANGE (at)" });
    expect(table("events_2024").partitionOf).toEqual({
      parent: "app.events",
      bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
    });
    expect(table("cache").unlogged).toBe(true);
    expect(table("posts")).toMatchObject({ rlsEnabled: true, rlsForced: true });
    expect(table("users").comment).toBe("people");
  });

  it("columns: type, default, nullability, identity, generated, collation, comment", () => {
    const cols = Object.fromEntries(table("users").columns.map((c) => [c.name, c]));
    expect(cols.id).toMatchObject({ type: "bigint", notNull: true, identity: "always" });
    expect(cols.email).toMatchObject({ type: "app.email", notNull: true, comment: "login" });
    expect(cols.name?.collation).toBe('pg_catalog."C"');
    expect(cols.mood?.default).toBe("'ok'::app.mood");
    expect(cols.full_name?.generated).toEqual({ expression: "upper(name)", stored: true });
    expect(table("users").columns.map((c) => c.name)).toEqual([
      "id",
      "email",
      "name",
      "mood",
      "full_name",
      "created_at",
    ]);
  });

  it("constraints: PK, UNIQUE, FK with actions and deferrability, CHECK, EXCLUDE, NOT VALID", () => {
    const posts = Object.fromEntries(table("posts").constraints.map((k) => [k.name, k]));
    expect(posts.posts_pkey?.type).toBe("primary-key");
    expect(posts.posts_user_id_fkey).toMatchObject({
      type: "foreign-key",
      references: "app.users",
      columns: ["user_id"],
      definition:
        "FOREIGN KEY (user_id) REFERENCES app.users(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED",
    });
    expect(posts.posts_body_len).toMatchObject({ type: "check", validated: false });
    expect(table("users").constraints.find((k) => k.type === "unique")?.columns).toEqual(["email"]);
    expect(table("rooms").constraints.find((k) => k.type === "exclude")?.definition).toContain(
      "EXCLUDE USING gist",
    );
  });

  it("indexes: method, unique, partial, expression, INCLUDE (constraint indexes are not repeated)", () => {
    const idx = Object.fromEntries(table("posts").indexes.map((i) => [i.name, i]));
    expect(Object.keys(idx)).toEqual(["posts_lower", "posts_user_idx"]);
    expect(idx.posts_user_idx).toMatchObject({
      method: "btree",
      partial: true,
      columns: ["user_id"],
      include: ["body"],
    });
    expect(idx.posts_lower?.columns).toEqual(["lower(body)"]);
    expect(table("rooms").indexes.map((i) => i.method)).toEqual(["hash"]);
    // the partitioned parent's index is listed once, not again on each partition
    expect(table("events").indexes).toHaveLength(1);
    expect(table("events_2024").indexes).toHaveLength(0);
  });

  it("views, materialized views, functions, procedures, triggers, policies", () => {
    const view = model.views.find((v) => v.name === "active_users");
    expect(view).toMatchObject({ materialized: false, dependsOn: ["app.mood", "app.users"] });
    const mat = model.views.find((v) => v.name === "user_counts");
    expect(mat?.materialized).toBe(true);
    expect(mat?.indexes).toHaveLength(1);
    const touch = model.functions.find((f) => f.name === "touch");
    expect(touch).toMatchObject({ kind: "function", returns: "trigger", comment: "trims" });
    expect(touch?.definition).toMatch(/^CREATE OR REPLACE FUNCTION app\.touch\(\)/);
    expect(model.functions.find((f) => f.name === "cleanup")?.kind).toBe("procedure");
    expect(table("posts").triggers.map((t) => t.name)).toEqual(["posts_touch"]);
    expect(table("posts").policies).toEqual([
      {
        name: "own_posts",
        permissive: true,
        command: "SELECT",
        roles: ["public"],
        using: "(user_id = 1)",
        check: undefined,
      },
    ]);
  });

  it("--schema and --exclude-schema filter every kind", async () => {
    const onlyOther = await introspect(db, { include: ["other"] });
    expect(onlyOther.schemas.map((s) => s.name)).toEqual(["other"]);
    expect(onlyOther.tables.map((t) => t.name)).toEqual(["t"]);
    expect(onlyOther.enums).toEqual([]);
    const withoutApp = await introspect(db, { exclude: ["app"] });
    expect(withoutApp.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(["other.t"]);
    expect(withoutApp.functions).toEqual([]);
  });

  it("is deterministic and leaves the session's search_path alone", async () => {
    const again = await introspect(db);
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
    const path = await db.query<{ p: string }>("SELECT current_setting('search_path') AS p");
    expect(path.rows[0]?.p).toContain("public");
  });
});

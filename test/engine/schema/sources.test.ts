import { existsSync, readdirSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  diffSchemas,
  openEmbedded,
  openSource,
  snapshotOf,
  writeSnapshot,
} from "../../../src/engine/schema/index.js";
import { buildDataDir } from "../../../src/engine/schema/sources/embedded.js";
import { isUserError } from "../../../src/engine/shared/index.js";
import { tempDir } from "../../helpers/temp-dir.js";

let dir: string;
beforeAll(async () => {
  dir = tempDir("sources");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure");
}

describe("schema sources", () => {
  it("a .sql file is loaded into embedded PostgreSQL and read like a server", {
    timeout: 180_000,
  }, async () => {
    const file = join(dir, "v1.sql");
    await writeFile(file, "CREATE TABLE public.a (id int PRIMARY KEY, name text);\n");
    const source = await openSource(file);
    try {
      expect(source.kind).toBe("sql-file");
      const model = await source.model();
      expect(model.tables.map((t) => t.name)).toEqual(["a"]);
      expect(model.serverVersion).toBeGreaterThanOrEqual(130000);
    } finally {
      await source.close();
    }
  });

  it("pg_dump output loads: psql meta-commands skipped, the roles it names created", {
    timeout: 180_000,
  }, async () => {
    const file = join(dir, "dump.sql");
    await writeFile(
      file,
      [
        "\\restrict abc123",
        "SET statement_timeout = 0;",
        "SELECT pg_catalog.set_config('search_path', '', false);",
        "CREATE SCHEMA app;",
        "ALTER SCHEMA app OWNER TO app_owner;",
        "CREATE TABLE app.t (id integer NOT NULL, owner text);",
        'ALTER TABLE app.t OWNER TO "App Owner";',
        "ALTER TABLE app.t ENABLE ROW LEVEL SECURITY;",
        "CREATE POLICY mine ON app.t FOR SELECT TO reader, writer USING ((owner = CURRENT_USER));",
        "GRANT SELECT ON TABLE app.t TO reporting;",
        "\\unrestrict abc123",
        "",
      ].join("\n"),
    );
    const source = await openSource(file);
    try {
      const t = (await source.model()).tables.find((x) => x.name === "t");
      expect(t?.policies[0]?.roles).toEqual(["reader", "writer"]);
    } finally {
      await source.close();
    }
  });

  it("a schema file that creates the roles it grants to loads (they are not made twice)", {
    timeout: 180_000,
  }, async () => {
    const file = join(dir, "with-roles.sql");
    await writeFile(
      file,
      [
        "CREATE ROLE app_reader NOLOGIN;",
        'CREATE USER "App Writer";',
        "CREATE TABLE public.t (id integer PRIMARY KEY);",
        'GRANT SELECT ON public.t TO app_reader, "App Writer";',
        "GRANT SELECT ON public.t TO reporting;",
        "",
      ].join("\n"),
    );
    const source = await openSource(file);
    try {
      const grants = (await source.model()).privileges?.find(
        (p) => p.object === "public.t",
      )?.grants;
      expect(grants?.filter((g) => !g.startsWith("postgres="))).toEqual([
        "app_reader=SELECT",
        '"App Writer"=SELECT',
        "reporting=SELECT",
      ]);
    } finally {
      await source.close();
    }
  });

  it("a SQL error is one line naming the file and the line", { timeout: 180_000 }, async () => {
    const file = join(dir, "broken.sql");
    await writeFile(
      file,
      "CREATE TABLE public.a (id int);\n\nCREATE TABLE public.b (id int,, x text);\n",
    );
    const error = await failure(openSource(file));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toMatch(/^broken\.sql:3: syntax error at or near ","$/);
  });

  it("a missing file is a one-line error", { timeout: 180_000 }, async () => {
    const error = await failure(openSource(join(dir, "nope.sql")));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toBe(`${join(dir, "nope.sql")}: no such file or folder`);
  });

  it("a folder of migrations applies the files by name, up parts only", {
    timeout: 180_000,
  }, async () => {
    const folder = join(dir, "migrations");
    await mkdir(folder);
    await writeFile(
      join(folder, "002_index.sql"),
      [
        "-- migrate:up",
        "ALTER TABLE public.users ADD COLUMN email text;",
        "-- migrate:up transaction:false",
        "CREATE INDEX CONCURRENTLY users_email ON public.users (email);",
        "-- migrate:down transaction:false",
        "DROP INDEX CONCURRENTLY users_email;",
        "-- migrate:down",
        "ALTER TABLE public.users DROP COLUMN email;",
        "",
      ].join("\n"),
    );
    await writeFile(
      join(folder, "001_users.sql"),
      "CREATE TABLE public.users (id int PRIMARY KEY);\n",
    );
    await writeFile(join(folder, "notes.txt"), "not SQL");
    const source = await openSource(folder);
    try {
      const users = (await source.model()).tables.find((t) => t.name === "users");
      expect(users?.columns.map((c) => c.name)).toEqual(["id", "email"]);
      expect(users?.indexes.map((i) => i.name)).toEqual(["users_email"]);
    } finally {
      await source.close();
    }
  });

  it("a snapshot written from a model reads back as the same model, filters included", {
    timeout: 180_000,
  }, async () => {
    const db = await openEmbedded();
    try {
      await db.exec("CREATE SCHEMA s; CREATE TABLE s.t (id int); CREATE TABLE public.u (id int);");
      const live = (await import("../../../src/engine/schema/index.js")).fromDb("server", "x", db);
      const model = await live.model();
      const file = join(dir, "snapshots", "x.json");
      await writeSnapshot(file, snapshotOf(model, "x"));
      const snapshot = await openSource(file);
      expect(snapshot.kind).toBe("snapshot");
      expect(diffSchemas(model, await snapshot.model()).changes).toEqual([]);
      expect((await snapshot.model({ exclude: ["public"] })).tables.map((t) => t.name)).toEqual([
        "t",
      ]);
    } finally {
      await db.close();
    }
  });

  it("a file that is not a snapshot is refused with a hint", { timeout: 180_000 }, async () => {
    const file = join(dir, "other.json");
    await writeFile(file, '{"hello": 1}');
    const error = await failure(openSource(file));
    expect(error.message).toBe(`${file}: not a schema snapshot`);
  });

  it("embedded PostgreSQL starts from a cached data directory", { timeout: 180_000 }, async () => {
    const cacheDir = join(dir, "cache");
    const db = await openEmbedded({ cacheDir, buildDir: false });
    try {
      const version = await db.query<{ v: string }>("SELECT version() AS v");
      expect(version.rows[0]?.v).toMatch(/^PostgreSQL 1[3-9]/);
    } finally {
      await db.close();
    }
    const cached = readdirSync(cacheDir).filter((f) => f.endsWith("-datadir"));
    expect(cached).toHaveLength(1);
    const again = await openEmbedded({ cacheDir, buildDir: false });
    await again.close();
  });

  it("the build prepares the data directory once, and a start from it leaves the cache alone", {
    timeout: 180_000,
  }, async () => {
    const buildDir = join(dir, "dist");
    await mkdir(join(buildDir, "pglite-0.0.1-datadir"), { recursive: true });
    const first = await buildDataDir(buildDir);
    expect(first.made).toBe(true);
    const second = await buildDataDir(buildDir);
    expect(second).toEqual({ dir: first.dir, made: false });
    // Only this PGlite version's folder is kept.
    expect(readdirSync(buildDir).filter((f) => f.endsWith("-datadir"))).toEqual([
      basename(first.dir),
    ]);
    const cacheDir = join(dir, "unused-cache");
    const db = await openEmbedded({ buildDir, cacheDir });
    try {
      await db.exec("CREATE TABLE t (id int)");
      const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM t");
      expect(rows.rows[0]?.n).toBe(0);
    } finally {
      await db.close();
    }
    expect(existsSync(cacheDir)).toBe(false);
    // The prepared folder itself is never written to: the table lives only in the scratch copy.
    const again = await openEmbedded({ buildDir, cacheDir });
    try {
      const tables = await again.query("SELECT 1 FROM pg_class WHERE relname = 't'");
      expect(tables.rows).toEqual([]);
    } finally {
      await again.close();
    }
  });
});

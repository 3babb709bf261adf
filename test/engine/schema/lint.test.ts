import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SchemaModel } from "../../../src/engine/schema/index.js";
import {
  diffSchemas,
  LINT_RULES,
  lintFails,
  lintMigrationText,
  lintPath,
  planMigration,
} from "../../../src/engine/schema/index.js";

const repo = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");

const HAND_WRITTEN = `ALTER TABLE orders ALTER COLUMN id TYPE bigint;
CREATE INDEX orders_created_idx ON orders (created_at);
CREATE TABLE fresh (id int);
CREATE INDEX fresh_id_idx ON fresh (id);
ALTER TABLE orders ADD COLUMN plan text NOT NULL;
ALTER TABLE orders ADD CONSTRAINT plan_nn CHECK (plan IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT plan_nn;
ALTER TABLE orders ALTER COLUMN plan SET NOT NULL;
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (x) REFERENCES y (id);
ALTER TABLE orders ADD COLUMN at timestamptz DEFAULT clock_timestamp();
`;

describe("db lint rules", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "sb-lint-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("flags what locks or rewrites an existing table, with line and rule id", async () => {
    const findings = await lintMigrationText(HAND_WRITTEN, "m.sql");
    expect(findings.map((f) => `${f.line} ${f.rule}`)).toEqual([
      "1 alter-column-type",
      "1 missing-lock-timeout",
      "2 non-concurrent-index",
      "5 not-null-without-default",
      "9 set-not-null",
      "10 constraint-not-valid",
      "11 volatile-default",
    ]);
    expect(lintFails({ findings }, "error")).toBe(true);
  });

  it("flags table rewrites and locks people write by hand: VACUUM FULL, CLUSTER, REINDEX, TRUNCATE, identity and serial columns", async () => {
    const findings = await lintMigrationText(
      `-- a maintenance migration someone wrote
LOCK TABLE orders IN SHARE MODE;
VACUUM FULL orders;
VACUUM (ANALYZE) orders;
CLUSTER orders USING orders_pkey;
REINDEX TABLE orders;
TRUNCATE audit_log;
ALTER TABLE orders ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE orders ADD COLUMN n bigserial NOT NULL;
ALTER TABLE orders ADD COLUMN r int DEFAULT (random() * 10)::int;
ALTER TABLE orders ADD COLUMN k text DEFAULT 'random';
ALTER TABLE orders ADD COLUMN code text UNIQUE;
CREATE TABLE scratch (id int);
VACUUM FULL scratch;
TRUNCATE scratch;
REINDEX INDEX CONCURRENTLY orders_pkey;
`,
      "maintenance.sql",
    );
    expect(findings.map((f) => `${f.line} ${f.rule}`)).toEqual([
      "2 missing-lock-timeout",
      "3 vacuum-full",
      "5 cluster",
      "6 non-concurrent-reindex",
      "7 truncate",
      "8 volatile-default",
      "9 volatile-default",
      "10 volatile-default",
      "12 constraint-builds-index",
    ]);
  });

  it("a psql meta-command is named as such, with its line (exit 2)", async () => {
    await expect(
      lintMigrationText(
        "-- header\n\\set ON_ERROR_STOP on\nALTER TABLE t ADD COLUMN x int;\n",
        "psql.sql",
      ),
    ).rejects.toThrow("psql.sql:2: \\set is a psql meta-command, not SQL");
  });

  it("an empty file or one with only comments has no findings", async () => {
    expect(await lintMigrationText("", "empty.sql")).toEqual([]);
    expect(await lintMigrationText("-- nothing yet\n", "comment.sql")).toEqual([]);
  });

  it("leaves a safe migration alone, and a folder is linted file by file in name order", async () => {
    await writeFile(
      join(dir, "001_safe.sql"),
      `-- migrate:up
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN note text DEFAULT 'x';
-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);
-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS orders_note_idx;
`,
    );
    await writeFile(join(dir, "002_risky.sql"), "CREATE INDEX o_idx ON orders (id);\n");
    const result = await lintPath(dir);
    expect(result.files.map((f) => f.slice(dir.length + 1))).toEqual([
      "001_safe.sql",
      "002_risky.sql",
    ]);
    expect(
      result.findings.map((f) => `${f.file.slice(dir.length + 1)}:${f.line} ${f.rule}`),
    ).toEqual(["002_risky.sql:1 non-concurrent-index", "002_risky.sql:1 missing-lock-timeout"]);
  });

  it("a generated migration raises no lock or rewrite findings on its own safe patterns", async () => {
    const table = (columns: SchemaModel["tables"][number]["columns"]) => ({
      schema: "public",
      name: "orders",
      kind: "table" as const,
      unlogged: false,
      rlsEnabled: false,
      rlsForced: false,
      columns,
      constraints: [],
      indexes: [],
      triggers: [],
      policies: [],
    });
    const empty = {
      serverVersion: 150000,
      schemas: [{ name: "public" }],
      extensions: [],
      enums: [],
      domains: [],
      sequences: [],
      views: [],
      functions: [],
    };
    const from: SchemaModel = {
      ...empty,
      tables: [table([{ name: "note", type: "text", notNull: false }])],
    };
    const to: SchemaModel = {
      ...empty,
      tables: [
        {
          ...table([{ name: "note", type: "text", notNull: true }]),
          indexes: [
            {
              name: "orders_note_idx",
              definition: "CREATE INDEX orders_note_idx ON public.orders USING btree (note)",
              method: "btree",
              unique: false,
              partial: false,
              columns: ["note"],
              include: [],
              valid: true,
            },
          ],
        },
      ],
    };
    const plan = planMigration(diffSchemas(from, to).changes);
    const findings = await lintMigrationText(plan.text, "generated.sql");
    expect(findings.filter((f) => f.hazard !== "data-loss")).toEqual([]);
  });

  it("every rule has its page under docs/db-rules", () => {
    for (const rule of LINT_RULES)
      expect(existsSync(join(repo, "docs/db-rules", `${rule.id}.md`)), rule.id).toBe(true);
  });
});

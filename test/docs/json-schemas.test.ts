/**
 * Each `--json` output, produced by the built CLI on local fixtures, validates against its schema in
 * docs/json/, so the documented shapes cannot drift from what the commands print.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { carefulServer, type LocalServer, weakServer } from "../helpers/audit-servers.js";
import { repoRoot, runCli } from "../helpers/cli.js";
import { createTestDatabase, type TestDatabase } from "../helpers/pg.js";
import { tempDir } from "../helpers/temp-dir.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const schemaDir = join(repoRoot, "docs/json");
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validated = new Set<string>();

beforeAll(async () => {
  for (const file of await readdir(schemaDir)) {
    const schema = JSON.parse(await readFile(join(schemaDir, file), "utf8"));
    // Draft 2020-12 schemas (all of ours); a schema of another draft is checked by its own test.
    if (schema.$schema === "https://json-schema.org/draft/2020-12/schema") ajv.addSchema(schema);
  }
});

/** Validate one real output against docs/json/<name>.schema.json; the errors are the failure message. */
function expectShape(name: string, document: unknown): void {
  const validate = ajv.getSchema(`https://senior-backend.local/json/${name}.schema.json`);
  if (!validate) throw new Error(`docs/json/${name}.schema.json is missing`);
  const valid = validate(document);
  expect(valid ? [] : validate.errors).toEqual([]);
  validated.add(name);
}

/** Run the CLI with --json and parse stdout (exactly one JSON document). */
async function json(args: string[], expectedCode = 0, timeoutMs = 60_000): Promise<unknown> {
  const run = await runCli(args, { timeoutMs });
  expect(run.code, run.stderr).toBe(expectedCode);
  return JSON.parse(run.stdout);
}

const dir = tempDir("json-schemas");

const DECIDE = [
  "decide",
  ...["--team-size", "8", "--qps-p99", "50", "--read-write-ratio", "20"],
  ...[
    "--tenancy",
    "shared-multi-tenant",
    "--data-sensitivity",
    "pii",
    "--pattern",
    "modular-monolith",
  ],
];

describe("grill and decide --json match their schemas", () => {
  it("grill: a complete grill embeds the decision", async () => {
    const out = await json([
      "grill",
      "--answers",
      "examples/answers.yaml",
      "--transcript-dir",
      dir,
      "--json",
    ]);
    expectShape("grill", out);
    expect(out).toMatchObject({ status: "complete", decision: { best: {} } });
  });

  it("review: a recommendation with its next concerns, and a kill that blocks it", async () => {
    const out = await json([
      "review",
      "--answers",
      "examples/answers.yaml",
      "--transcript-dir",
      dir,
      "--json",
    ]);
    expectShape("review", out);
    expect(out).toMatchObject({ status: "recommended", decision: { best: {} } });
    const kill = join(dir, "review-kill.yaml");
    await writeFile(kill, "readWriteRatio: 20\nqpsP99: null\n");
    const blocked = await json(["review", "--answers", kill, "--transcript-dir", dir, "--json"], 1);
    expectShape("review", blocked);
    expect(blocked).toMatchObject({ status: "blocked", decision: null, bestFit: null });
  });

  it("grill: a kill criterion stops it without a decision", async () => {
    const answers = join(dir, "killed.yaml");
    await writeFile(answers, "readWriteRatio: 20\nqpsP99: null\n");
    const out = await json(["grill", "--answers", answers, "--transcript-dir", dir, "--json"], 1);
    expectShape("grill", out);
    expect(out).toMatchObject({ status: "killed", decision: null });
  });

  it.each([
    [
      "recommended",
      ["--language-preference", "typescript", "--slo-target", "99.99", "--rto-minutes", "240"],
    ],
    ["no-fit", ["--language-preference", "java"]],
    ["blocked", ["--interaction-style", "event-driven", "--slo-target", "none"]],
    ["tie", ["--language-preference", "python"]],
  ])("decide: status %s", async (status, extra) => {
    const out = (await json([...DECIDE, ...extra, "--json"])) as Record<string, unknown>;
    expectShape("decide", out);
    expect(Object.keys(out)[0]).toBe("status");
    expect(out.status).toBe(status);
  });

  it("decide --list-profiles", async () => {
    expectShape("decide-list-profiles", await json(["decide", "--list-profiles", "--json"]));
  });
});

describe("load --json matches its schema", () => {
  let server: Server;
  let url = "";
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.writeHead(req.url === "/limited" ? 429 : 200, { "retry-after": "1" }).end("ok");
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it("a plain run, a run with every gate, and a run against a saved baseline", async () => {
    const base = join(dir, "base.json");
    const plain = ["load", `${url}/`, "--requests", "300", "--concurrency", "4", "--workers", "1"];
    expectShape("load", await json([...plain, "--save", base, "--json"]));
    const gated = await json(
      [
        ...plain,
        "--fail-on",
        "p99>0.001ms,errors>1%,rps<1",
        "--expect-status",
        "200",
        "--slo",
        "node-express",
        "--json",
      ],
      1,
    );
    expectShape("load", gated);
    expect(gated).toMatchObject({ exitCode: 1, verdict: { passed: false } });
    expectShape("load", await json([...plain, "--baseline", base, "--json"]));
  });

  it("a run against nothing listening stops early with report.deadTarget", async () => {
    const dead = await json(["load", "http://127.0.0.1:1/", "-d", "10", "--json"], 1);
    expectShape("load", dead);
    expect(dead).toMatchObject({ exitCode: 1, report: { deadTarget: { address: "127.0.0.1:1" } } });
  });

  it("open loop with a ramp, and an expected rate limit", async () => {
    const ramp = [
      "--rate",
      "200",
      "--ramp",
      "500ms:100,500ms:200",
      "--duration",
      "1",
      "--workers",
      "1",
    ];
    expectShape("load", await json(["load", `${url}/`, ...ramp, "--json"]));
    const limited = await json([
      "load",
      `${url}/limited`,
      "--requests",
      "100",
      "--expect-rate-limit",
      "--json",
    ]);
    expectShape("load", limited);
    expect(limited).toMatchObject({ report: { rateLimit: { headers: { "retry-after": "1" } } } });
  });

  it("two URLs with --compare", async () => {
    const out = await json([
      "load",
      `${url}/a`,
      `${url}/b`,
      "--compare",
      "--requests",
      "200",
      "--workers",
      "1",
      "--json",
    ]);
    expectShape("load-compare", out);
  });
});

describe("db --json matches its schemas", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("sb_json_schemas");
    await db.exec(`
      CREATE TABLE customers (id serial PRIMARY KEY, email varchar(200) NOT NULL UNIQUE,
        plan text NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro')), note text CHECK (lower(note) = note));
      CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int REFERENCES customers (id));
      CREATE TABLE page_views (at timestamptz NOT NULL DEFAULT now(), path text NOT NULL);`);
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
  });

  it("compare two files: refused destructive changes (exit 2, no migration)", async () => {
    const sides = [
      "db",
      "--from",
      "snapshots/demo/v1.sql",
      "--to",
      "snapshots/demo/v2.sql",
      "--json",
    ];
    const refused = await json(sides, 2);
    expectShape("db-compare", refused);
    expect(refused).toMatchObject({
      migration: null,
      refused: expect.arrayContaining([expect.any(String)]),
    });
  });

  it("compare a live database with a file, snapshot, analyze, suggest-indexes", async () => {
    const live = ["db", "--connection", db.url];
    expectShape(
      "db-compare",
      await json([...live, "--compare", "snapshots/demo/v2.sql", "--allow-destructive", "--json"]),
    );
    expectShape(
      "db-snapshot",
      await json([...live, "--snapshot", join(dir, "snap.json"), "--json"]),
    );
    expectShape("db-analyze", await json([...live, "--analyze", "--json"]));
    expectShape(
      "db-analyze",
      await json(
        ["db", "--analyze", "--from", "snapshots/demo/v2.sql", "--fail-on", "warning", "--json"],
        1,
      ),
    );
    const suggested = await json([
      ...live,
      "--suggest-indexes",
      "--output",
      join(dir, "suggested"),
      "--json",
    ]);
    expectShape("db-suggest-indexes", suggested);
    expect((suggested as { indexes: unknown[] }).indexes.length).toBeGreaterThan(0);
  });

  it("migrate: dry run, apply, apply again, down", async () => {
    const file = join(dir, "20260115000000_add_name.sql");
    await writeFile(
      file,
      [
        "-- migrate:up",
        "ALTER TABLE customers ADD COLUMN name text;",
        "-- migrate:up transaction:false",
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_idx ON orders (customer_id);",
        "-- migrate:down transaction:false",
        "DROP INDEX CONCURRENTLY IF EXISTS orders_customer_idx;",
        "-- migrate:down",
        "ALTER TABLE customers DROP COLUMN name;",
        "",
      ].join("\n"),
    );
    const migrate = ["db", "--connection", db.url, "--migrate", file, "--json"];
    const dry = await json([...migrate, "--dry-run"]);
    expectShape("db-migrate", dry);
    expect(dry).toMatchObject({
      status: "dry-run",
      changes: expect.any(Array),
      locks: expect.any(Array),
    });
    expectShape("db-migrate", await json(migrate));
    expectShape("db-migrate", await json(migrate));
    expectShape("db-migrate", await json([...migrate, "--down"]));

    // A folder: status, apply every pending file, roll back the last one; lint with findings.
    const folder = join(dir, "migrations");
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, "20260115000000_add_name.sql"), await readFile(file, "utf8"));
    await writeFile(
      join(folder, "20260116000000_risky.sql"),
      "-- migrate:up\nCREATE INDEX orders_total_idx ON orders (id);\n-- migrate:down\nDROP INDEX orders_total_idx;\n",
    );
    const status = await json(["db", "--connection", db.url, "--status", folder, "--json"]);
    expectShape("db-status", status);
    expect(status).toMatchObject({ counts: { pending: 2 } });
    const all = ["db", "--connection", db.url, "--migrate", folder, "--json"];
    expectShape("db-migrate-folder", await json(all));
    expectShape("db-migrate-folder", await json([...all, "--down", "1"]));
    const lint = await json(["db", "--lint", folder, "--json"], 1);
    expectShape("db-lint", lint);
    expect(lint).toMatchObject({ failed: true, counts: { error: 1 } });
  });

  it("scaffold --from-db", async () => {
    const out = await json([
      "scaffold",
      "--from-db",
      db.url,
      "--output",
      join(dir, "from-db"),
      "--json",
    ]);
    expectShape("scaffold-from-db", out);
    expect(out).toMatchObject({ mode: "from-db", readOnlyTables: ["public.page_views"] });
  });
});

describe("scaffold and audit --json match their schemas", () => {
  it("scaffold from a spec, for each framework, and --check", async () => {
    const spec = "test/fixtures/openapi/petstore-3.0.yaml";
    for (const framework of ["express", "fastify", "koa"]) {
      const output = join(dir, `routes-${framework}`);
      expectShape(
        "scaffold",
        await json(["scaffold", spec, "--framework", framework, "--output", output, "--json"]),
      );
    }
    const upToDate = await json([
      "scaffold",
      spec,
      "--output",
      join(dir, "routes-express"),
      "--check",
      "--json",
    ]);
    expectShape("scaffold", upToDate);
    expect(upToDate).toMatchObject({ upToDate: true, check: true });
  });

  it("scaffold --generate-spec, to stdout and to a file with --check", async () => {
    const routes = "test/fixtures/routes/fastify";
    expectShape(
      "scaffold-generate-spec",
      await json(["scaffold", routes, "--generate-spec", "--json"]),
    );
    const output = join(dir, "openapi.yaml");
    expectShape(
      "scaffold-generate-spec",
      await json(["scaffold", routes, "--generate-spec", "--output", output, "--json"]),
    );
    const check = await json([
      "scaffold",
      routes,
      "--generate-spec",
      "--output",
      output,
      "--check",
      "--json",
    ]);
    expectShape("scaffold-generate-spec", check);
    expect(check).toMatchObject({ upToDate: true });
    expect(check).not.toHaveProperty("document");
  });

  describe("audit", () => {
    let weak: LocalServer;
    let careful: LocalServer;
    beforeAll(async () => {
      [weak, careful] = await Promise.all([weakServer(), carefulServer()]);
    });
    afterAll(async () => {
      await Promise.all([weak?.close(), careful?.close()]);
    });

    it("with a spec against a weak server, without one against a careful server, and cut short", async () => {
      const spec = "test/fixtures/audit/users.openapi.yaml";
      const weakRun = await json(["audit", weak.url, "--spec", spec, "--burst", "10", "--json"], 1);
      expectShape("audit", weakRun);
      expect(weakRun).toMatchObject({ spec, failed: true });
      expectShape("audit", await json(["audit", careful.url, "--burst", "10", "--json"]));
      const cut = await json(["audit", weak.url, "--max-requests", "3", "--json"], 1);
      expectShape("audit", cut);
      expect(cut).toMatchObject({
        stoppedEarly: "max-requests",
        status: "incomplete",
        failed: true,
      });
      const twoUsers = await json(
        [
          "audit",
          weak.url,
          "--spec",
          spec,
          "--auth",
          "Bearer a.b.c",
          "--auth-b",
          "Bearer d.e.f",
          "--burst",
          "5",
          "--json",
        ],
        1,
      );
      expectShape("audit", twoUsers);
      expect((twoUsers as { checksRun: string[] }).checksRun).toEqual(
        expect.arrayContaining(["auth", "authorization", "responses"]),
      );
    });
  });
});

describe("the schemas", () => {
  it("fail on a renamed or a missing field of a real output", async () => {
    const out = (await json([
      ...DECIDE,
      "--language-preference",
      "typescript",
      "--json",
    ])) as Record<string, unknown>;
    const { best, ...rest } = out;
    const validate = ajv.getSchema("https://senior-backend.local/json/decide.schema.json");
    expect(validate?.({ ...rest, bestFit: best })).toBe(false);
    expect(validate?.(rest)).toBe(false);
    const renamedDeep = structuredClone(out) as { best: { score: Record<string, unknown> } };
    renamedDeep.best.score.fit = renamedDeep.best.score.fitScore;
    delete renamedDeep.best.score.fitScore;
    expect(validate?.(renamedDeep)).toBe(false);
  });

  it("every schema in docs/json/ is checked against a real output, here or in a test naming it", async () => {
    const testFiles = (await readdir(join(repoRoot, "test"), { recursive: true })).filter(
      (f) => /\.test\.tsx?$/.test(f) && !f.endsWith("json-schemas.test.ts"),
    );
    const elsewhere = (
      await Promise.all(testFiles.map((f) => readFile(join(repoRoot, "test", f), "utf8")))
    ).join("\n");
    const unchecked = (await readdir(schemaDir))
      .filter((f) => f.endsWith(".schema.json"))
      .filter((f) => !validated.has(f.replace(/\.schema\.json$/, "")) && !elsewhere.includes(f));
    expect(unchecked).toEqual([]);
  });
});

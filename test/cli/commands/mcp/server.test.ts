import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type LocalServer, listen, weakServer } from "../../../helpers/audit-servers.js";
import { cliPath, repoRoot } from "../../../helpers/cli.js";
import { createTestDatabase, type TestDatabase } from "../../../helpers/pg.js";
import { tempDir } from "../../../helpers/temp-dir.js";

/**
 * The agent server as an agent host sees it: the SDK's own client starts the built program over
 * stdio and calls every tool against local fixtures.
 */
// biome-ignore lint/suspicious/noExplicitAny: the tools' JSON documents, read in assertions
type Doc = Record<string, any>;

const SECRET = "sk-test-very-secret-token-4711";
const dir = tempDir("mcp");
let client: Client;
let api: LocalServer;
let weak: LocalServer;
let db: TestDatabase;
let target: TestDatabase;

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args }, undefined, {
    timeout: 90_000,
  })) as CallToolResult;
}
const text = (r: CallToolResult) => (r.content[0] as { text: string }).text;
const structured = (r: CallToolResult) => r.structuredContent as Doc;

beforeAll(async () => {
  api = await listen((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
  });
  weak = await weakServer();
  db = await createTestDatabase("sb_mcp");
  await db.exec(`CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
    CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users(id));`);
  target = await createTestDatabase("sb_mcp_v2");
  await target.exec(`CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text);
    CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users(id));
    CREATE INDEX orders_user_id_idx ON orders (user_id);`);
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [cliPath, "mcp", "--transcript-dir", dir],
    cwd: repoRoot,
    env: { ...(process.env as Record<string, string>), NO_COLOR: "1" },
    stderr: "pipe",
  });
  client = new Client({ name: "senior-backend-test", version: "1.0.0" });
  await client.connect(transport);
});

afterAll(async () => {
  await client?.close();
  await api?.close();
  await weak?.close();
  await db?.drop();
  await target?.drop();
});

describe("senior-backend mcp (SDK client over stdio)", () => {
  it("lists one tool per capability, with enums, units and descriptions", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      "audit",
      "db_analyze",
      "db_compare",
      "db_lint",
      "db_migrate",
      "decide",
      "grill",
      "load",
      "scaffold",
    ]);
    for (const tool of tools) {
      expect(tool.description?.length).toBeGreaterThan(40);
      expect(tool.outputSchema).toBeDefined();
      for (const [key, prop] of Object.entries(tool.inputSchema.properties ?? {})) {
        expect((prop as { description?: string }).description, `${tool.name}.${key}`).toBeTruthy();
      }
    }
    const load = tools.find((t) => t.name === "load")!.inputSchema.properties as Doc;
    expect(load.method.enum).toContain("POST");
    expect(load.durationSeconds.maximum).toBe(60);
    const decide = tools.find((t) => t.name === "decide")!.inputSchema.properties as Doc;
    expect(decide.answers.properties.tenancy.enum).toEqual([
      "single-tenant",
      "shared-multi-tenant",
      "isolated-multi-tenant",
    ]);
    expect(decide.answers.properties.qpsP99.description).toContain("req/s");
  });

  it("grill: answers in → transcript and review out", async () => {
    const answers = parse(readFileSync(join(repoRoot, "examples/answers.yaml"), "utf8"));
    const r = await call("grill", { answers });
    expect(r.isError).toBeFalsy();
    const s = structured(r);
    expect(s.status).toBe("complete");
    expect(existsSync(s.transcript.path)).toBe(true);
    expect(s.transcript.path.startsWith(dir)).toBe(true);
    expect(s.review.status).toBe("recommended");
    expect(s.review.bestFit.profile).toBe("node-express");
    expect(text(r)).toMatch(/Status: recommended\. Best fit: node-express/);
  });

  it("grill: one turn at a time with the state passed back", async () => {
    const first = structured(await call("grill", {}));
    expect(first.nextTurn.id).toBe("load");
    expect(first.nextTurn.required).toEqual(["readWriteRatio", "qpsP99"]);
    const second = structured(
      await call("grill", { state: first.state, answer: { readWriteRatio: 20, qpsP99: 50 } }),
    );
    expect(second.answered).toBe(1);
    expect(second.nextTurn.id).toBe("tenancy");
    const invalid = await call("grill", { state: second.state, answer: { tenancy: "everyone" } });
    expect(invalid.isError).toBe(true);
    expect(text(invalid)).toMatch(/^error: .*tenancy|Tenancy/i);
  });

  it("decide: structured decision; a bad argument is an isError result and the server keeps serving", async () => {
    const bad = await call("decide", { answers: { tenancy: "multi" } });
    expect(bad.isError).toBe(true);
    expect(text(bad)).toMatch(/tenancy/);
    const missing = await call("decide", { answers: { teamSize: 8 } });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toMatch(/^error: missing required inputs: readWriteRatio/);
    const r = await call("decide", {
      answers: {
        teamSize: 8,
        qpsP99: 50,
        readWriteRatio: 20,
        tenancy: "shared-multi-tenant",
        dataSensitivity: "pii",
        pattern: "modular-monolith",
        languagePreference: "typescript",
      },
    });
    expect(r.isError).toBeFalsy();
    expect(structured(r).status).toBe("recommended");
    expect(structured(r).decision.ranking[0].profile).toBe("node-express");
  });

  it("decide: a tie names the question that separates the profiles", async () => {
    const r = await call("decide", {
      answers: {
        teamSize: 8,
        qpsP99: 50,
        readWriteRatio: 20,
        tenancy: "shared-multi-tenant",
        dataSensitivity: "pii",
        pattern: "modular-monolith",
        languagePreference: "python",
      },
    });
    expect(r.isError, text(r)).toBeFalsy();
    const s = structured(r);
    expect(s.status).toBe("tie");
    expect(s.decision.tied).toEqual(["django-monolith", "fastapi-python"]);
    expect(s.nextSteps[0]).toContain("--needs-admin-panel");
    expect(text(r)).toMatch(/^Status: tie\. No best fit: /);
  });

  it("load: a bounded run against a local server; the Authorization value is masked", async () => {
    const r = await call("load", {
      url: `${api.url}/health`,
      durationSeconds: 1,
      concurrency: 2,
      headers: [`Authorization: Bearer ${SECRET}`],
    });
    expect(r.isError, text(r)).toBeFalsy();
    const s = structured(r);
    expect(s.report.requests).toBeGreaterThan(0);
    expect(s.report.latency.success.p99).toBeGreaterThan(0);
    expect(s.passed).toBe(true);
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it("load and audit refuse a target outside loopback before sending anything", async () => {
    for (const [tool, url] of [
      ["load", "http://example.com/"],
      ["load", "http://10.1.2.3:8080/health"],
      ["audit", "https://api.example.org"],
    ] as const) {
      const r = await call(tool, { url });
      expect(r.isError, `${tool} ${url}`).toBe(true);
      expect(text(r)).toMatch(/is not a loopback address.*--allow-host/);
    }
    const burst = await call("audit", { url: weak.url, rateLimitPath: "http://example.com/login" });
    expect(burst.isError).toBe(true);
    expect(text(burst)).toContain("rateLimitPath");
  });

  it("audit: findings from a weak local API, within the request cap; the credential is masked", async () => {
    const before = weak.requests;
    const r = await call("audit", {
      url: weak.url,
      maxRequests: 40,
      only: ["headers", "cors", "cookies"],
      auth: `Bearer ${SECRET}`,
    });
    expect(r.isError, text(r)).toBeFalsy();
    const s = structured(r);
    expect(s.counts.error + s.counts.warning).toBeGreaterThan(0);
    expect(s.requestsSent).toBeLessThanOrEqual(40);
    expect(weak.requests - before).toBeLessThanOrEqual(40);
    expect(s.failed).toBe(true);
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it("db_analyze: the missing foreign-key index of the test database", async () => {
    const r = await call("db_analyze", { connection: db.url });
    expect(r.isError, text(r)).toBeFalsy();
    const findings = structured(r).findings as Array<{ object: string; check: string }>;
    expect(findings.some((f) => f.object.includes("orders") && /fk|foreign/i.test(f.check))).toBe(
      true,
    );
  });

  it("a database that cannot be reached: isError with the password masked", async () => {
    const r = await call("db_analyze", { connection: `postgres://app:${SECRET}@127.0.0.1:1/app` });
    expect(r.isError).toBe(true);
    expect(text(r)).toMatch(
      /^error: cannot connect to postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/app/,
    );
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it("db_compare plans only; db_migrate dry-runs it and refuses to apply without --allow-apply", async () => {
    const compare = await call("db_compare", { connection: db.url, to: target.url });
    expect(compare.isError, text(compare)).toBeFalsy();
    const migration = structured(compare).migration as { fileName: string; text: string };
    expect(migration.text).toMatch(/CREATE INDEX/);
    const file = join(dir, migration.fileName);
    writeFileSync(file, migration.text);

    const dry = await call("db_migrate", { connection: db.url, file });
    expect(dry.isError, text(dry)).toBeFalsy();
    expect(structured(dry).status).toBe("dry-run");

    const apply = await call("db_migrate", { connection: db.url, file, dryRun: false });
    expect(apply.isError).toBe(true);
    expect(text(apply)).toMatch(/--allow-apply/);
    const again = await call("db_compare", { connection: db.url, to: target.url });
    expect((structured(again).changes as unknown[]).length).toBeGreaterThan(0);
  });

  it("db_lint: hazards of hand-written SQL, from a file and from text", async () => {
    const file = join(dir, "20260101T000000Z_risky.sql");
    writeFileSync(
      file,
      "ALTER TABLE orders ALTER COLUMN user_id TYPE text;\nCREATE INDEX orders_x ON orders (id);\n",
    );
    const r = await call("db_lint", { path: file, failOn: "warning" });
    expect(r.isError, text(r)).toBeFalsy();
    const rules = (structured(r).findings as Array<{ rule: string }>).map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(["alter-column-type", "non-concurrent-index"]));
    expect(structured(r).failed).toBe(true);
    const clean = await call("db_lint", {
      sql: "SET lock_timeout = '5s';\nCREATE TABLE t (id int);\n",
    });
    expect(clean.isError, text(clean)).toBeFalsy();
    expect(structured(clean).counts.error).toBe(0);
    const neither = await call("db_lint", {});
    expect(neither.isError).toBe(true);
  });

  it("started with --allow-apply, db_migrate applies for real", async () => {
    const compare = structured(await call("db_compare", { connection: db.url, to: target.url }));
    const file = join(dir, `apply-${compare.migration.fileName}`);
    writeFileSync(file, compare.migration.text);
    const applying = new Client({ name: "senior-backend-test-apply", version: "1.0.0" });
    await applying.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [cliPath, "mcp", "--allow-apply"],
        cwd: repoRoot,
        env: { ...(process.env as Record<string, string>), NO_COLOR: "1" },
        stderr: "pipe",
      }),
    );
    try {
      const r = (await applying.callTool({
        name: "db_migrate",
        arguments: { connection: db.url, file, dryRun: false },
      })) as CallToolResult;
      expect(r.isError, text(r)).toBeFalsy();
      expect(structured(r).status).toBe("applied");
    } finally {
      await applying.close();
    }
    const after = structured(await call("db_compare", { connection: db.url, to: target.url }));
    expect(after.changes).toEqual([]);
  });

  it("scaffold: routes from an OpenAPI spec into a temp folder", async () => {
    const out = join(dir, "routes");
    const r = await call("scaffold", {
      spec: join(repoRoot, "test/fixtures/openapi/petstore-3.0.yaml"),
      framework: "fastify",
      outputDir: out,
    });
    expect(r.isError, text(r)).toBeFalsy();
    expect(text(r)).toMatch(/^Generated \d+ route handlers?/);
    expect(structured(r).framework).toBe("fastify");
    expect(existsSync(join(out, "app.ts"))).toBe(true);
    const neither = await call("scaffold", { outputDir: out });
    expect(neither.isError).toBe(true);
  });

  it("resources: the references and profiles; prompt: the review", async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain("senior-backend://references/forcing_questions.md");
    expect(uris).toContain("senior-backend://profiles/node-express.json");
    const profile = await client.readResource({
      uri: "senior-backend://profiles/node-express.json",
    });
    expect(JSON.parse((profile.contents[0] as { text: string }).text).name).toBe("node-express");
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toContain("backend-review");
    const prompt = await client.getPrompt({
      name: "backend-review",
      arguments: { service: "a B2B invoicing SaaS" },
    });
    const body = (prompt.messages[0]!.content as { text: string }).text;
    expect(body).toContain("a B2B invoicing SaaS");
    expect(body).toMatch(/200 words/);
  });
});

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  carefulServer,
  type LocalServer,
  listen,
  otherOriginServer,
  weakServer,
} from "../../helpers/audit-servers.js";
import { runCli } from "../../helpers/cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

const dir = tempDir("audit-guards");

function spec(name: string, paths: Record<string, string>): string {
  const file = join(dir, name);
  const lines = ["openapi: 3.0.3", "info: { title: t, version: '1' }", "paths:"];
  for (const [path, op] of Object.entries(paths)) {
    lines.push(
      `  ${JSON.stringify(path)}:`,
      "    get:",
      `      operationId: ${op}`,
      "      security: [{ bearer: [] }]",
      "      responses:",
      '        "200": { description: ok }',
    );
  }
  lines.push("components:", "  securitySchemes:", "    bearer: { type: http, scheme: bearer }");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("senior-backend audit: guards a user can see", () => {
  const servers: LocalServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it("off-target spec paths and --rate-limit-path are error findings; the other host gets zero requests, the credential never leaves", async () => {
    const other = await otherOriginServer();
    const api = await carefulServer();
    servers.push(other, api);
    const host = other.url.replace("http://", "");
    const file = spec("off-target.yaml", {
      "/users": "listUsers",
      [`//${host}/a`]: "slashSlash",
      [`/\\${host}/b`]: "backslash",
      [`/..//${host}/c`]: "dotDot",
    });
    const run = await runCli([
      "audit",
      api.url,
      "--spec",
      file,
      "--auth",
      "Bearer TOPSECRET-TOKEN",
      "--rate-limit-path",
      `//${host}/burst`,
      "--burst",
      "5",
      "--json",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const ids = report.findings.map((f: { id: string }) => f.id);
    expect(ids.filter((id: string) => id === "origin.spec-path-off-target")).toHaveLength(3);
    expect(ids).toContain("origin.flag-off-target");
    expect(other.requests).toBe(0);
    expect(run.stdout).not.toContain("TOPSECRET");
  });

  it("a target URL whose path another parser would read as a host is a one-line error, nothing sent", async () => {
    const other = await otherOriginServer();
    const api = await carefulServer();
    servers.push(other, api);
    const run = await runCli(["audit", `${api.url}//${other.url.replace("http://", "")}/x`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error: the URL's path \/\/127\.0\.0\.2:\d+\/x starts with \/\/.*\nhint: /,
    );
    expect(api.requests + other.requests).toBe(0);
  });

  it("a YAML alias bomb in a spec example stops with a one-line error before any request", async () => {
    const api = await carefulServer();
    servers.push(api);
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, n] of [..."bcdefghi"].entries()) {
      const prev = i === 0 ? "a" : "bcdefghi"[i - 1];
      levels.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    const file = join(dir, "bomb.yaml");
    writeFileSync(
      file,
      [
        "openapi: 3.0.3",
        "info: { title: bomb, version: '1' }",
        "paths:",
        "  /x:",
        "    get:",
        "      responses:",
        '        "200":',
        "          description: ok",
        "          content:",
        "            application/json:",
        "              example:",
        ...levels.map((l) => `                ${l}`),
      ].join("\n"),
    );
    const run = await runCli(["audit", api.url, "--spec", file, "--json"], { timeoutMs: 60_000 });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /^error: .*bomb\.yaml: YAML aliases expand past \d+ copies.*\nhint: [^\n]+\n$/,
    );
    expect(api.requests).toBe(0);
  });

  it("never prints the target URL's password or the --auth value, in text or JSON", async () => {
    const api = await weakServer();
    servers.push(api);
    const target = api.url.replace("http://", "http://admin:hunter2pass@");
    for (const extra of [["--json"], []]) {
      const run = await runCli([
        "audit",
        target,
        "--auth",
        "Bearer SECRET-AUTH-VALUE",
        "--auth-b",
        "Bearer SECRET-B",
        "--burst",
        "3",
        ...extra,
      ]);
      expect(run.code).toBe(1);
      for (const secret of ["hunter2pass", "SECRET-AUTH-VALUE", "SECRET-B"]) {
        expect(run.stdout + run.stderr).not.toContain(secret);
      }
      expect(run.stdout).toContain("admin:***@127.0.0.1");
    }
    // The URL's credentials reached the target as Basic auth, and only there.
    expect(api.log.some((r) => r.authorization === `Bearer SECRET-AUTH-VALUE`)).toBe(true);
  });

  it("a budget that cuts checks short makes the run incomplete: exit 1 at every --fail-on level", async () => {
    const api = await carefulServer();
    servers.push(api);
    for (const level of ["error", "warning"]) {
      const run = await runCli([
        "audit",
        api.url,
        "--spec",
        "test/fixtures/audit/users.openapi.yaml",
        "--max-requests",
        "8",
        "--fail-on",
        level,
        "--json",
      ]);
      expect(run.code, level).toBe(1);
      const report = JSON.parse(run.stdout);
      expect(report.status).toBe("incomplete");
      expect(report.failed).toBe(true);
      const incomplete = report.checks.filter((c: { status: string }) => c.status !== "complete");
      expect(incomplete.length).toBeGreaterThan(0);
      expect(incomplete.every((c: { reason: string }) => c.reason === "max-requests")).toBe(true);
      expect(report.requestsSent).toBeLessThanOrEqual(8);
    }
    const text = await runCli([
      "audit",
      api.url,
      "--spec",
      "test/fixtures/audit/users.openapi.yaml",
      "--max-requests",
      "8",
      "--no-tui",
    ]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^incomplete: .*\(not run: request budget\)/m);
    expect(text.stdout).toMatch(/fails --fail-on error: the audit is incomplete$/m);
  });

  it("a per-request timeout that cuts a check short makes it incomplete", async () => {
    const api = await listen((req, res) => {
      // The target answers; one path never does.
      if (req.url?.startsWith("/__audit_missing")) return;
      res
        .writeHead(404, { "content-type": "application/json" })
        .end('{"error":{"code":"NOT_FOUND"}}');
    });
    servers.push(api);
    const run = await runCli([
      "audit",
      api.url,
      "--only",
      "headers,error-leakage",
      "--timeout",
      "1",
      "--json",
    ]);
    const report = JSON.parse(run.stdout);
    expect(report.checks).toEqual([
      { id: "headers", status: "complete", requests: 1 },
      { id: "error-leakage", status: "incomplete", reason: "timeout", requests: 2 },
    ]);
    expect(report.status).toBe("incomplete");
    expect(run.code).toBe(1);
  });
});

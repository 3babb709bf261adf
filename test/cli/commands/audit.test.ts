import { afterEach, describe, expect, it } from "vitest";
import { carefulServer, type LocalServer, weakServer } from "../../helpers/audit-servers.js";
import { runCli } from "../../helpers/cli.js";

const spec = "test/fixtures/audit/users.openapi.yaml";

describe("senior-backend audit", () => {
  let server: LocalServer | undefined;
  afterEach(async () => server?.close());

  it("exits 1 on a weak server and prints one JSON document with the findings", async () => {
    server = await weakServer();
    const run = await runCli(["audit", server.url, "--spec", spec, "--json", "--burst", "10"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.failed).toBe(true);
    expect(report.counts.error).toBeGreaterThan(0);
    const ids = report.findings.map((f: { id: string }) => f.id);
    expect(ids).toContain("cors.reflected-origin");
    expect(ids).toContain("input-validation.accepted-extra-property");
    expect(report.findings[0]).toMatchObject({
      severity: "error",
      evidence: { request: expect.any(String), response: expect.any(String) },
      fix: expect.any(String),
      reference: expect.stringMatching(/^references\/backend_security_practices\.md#/),
    });
  });

  it("exit code follows --fail-on: a careful server passes at warning level", async () => {
    server = await carefulServer();
    const run = await runCli(["audit", server.url, "--spec", spec, "--fail-on", "warning"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/0 error\(s\), 0 warning\(s\), \d+ info — passes --fail-on warning/);
  });

  it("warnings fail only with --fail-on warning", async () => {
    server = await weakServer();
    const onlyHeaders = ["audit", server.url, "--only", "headers"];
    expect((await runCli(onlyHeaders)).code).toBe(0);
    expect((await runCli([...onlyHeaders, "--fail-on", "warning"])).code).toBe(1);
  });

  it("gives one-line errors for bad input", async () => {
    const notUrl = await runCli(["audit", "not a url"]);
    expect(notUrl.code).toBe(2);
    expect(notUrl.stderr).toMatch(/^error: not a URL: not a url\n/);
    const refused = await runCli(["audit", "http://127.0.0.1:9"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: cannot reach http:\/\/127\.0\.0\.1:9\/: ECONNREFUSED/);
    const badSpec = await runCli(["audit", "http://127.0.0.1:9", "--spec", "no-such-spec.yaml"]);
    expect(badSpec.code).toBe(2);
    expect(badSpec.stderr.split("\n")[0]).toMatch(/^error: .*no-such-spec\.yaml/);
    expect(badSpec.stderr).not.toMatch(/\n\s+at /);
  });
});

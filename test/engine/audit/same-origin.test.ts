import { afterEach, describe, expect, it } from "vitest";
import { type AuditOperation, runAudit } from "../../../src/engine/audit/index.js";
import {
  OffOriginError,
  resolveOnTarget,
  specPathProblem,
} from "../../../src/engine/audit/target-origin.js";
import { type LocalServer, listen, otherOriginServer } from "../../helpers/audit-servers.js";

const target = new URL("http://127.0.0.1:4000/api/");

describe("resolveOnTarget: the one place request URLs are built", () => {
  it.each([
    "//127.0.0.2:9/x",
    "/\\127.0.0.2:9/x",
    "\\\\127.0.0.2:9/x",
    "/..//127.0.0.2:9/x",
    "/api/../..//127.0.0.2/x",
    "/%2e%2e//127.0.0.2/x",
    "http://127.0.0.2:9/x",
    "https://127.0.0.1:4000/x",
    "http://127.0.0.1:4001/x",
    "/a\t/b",
    "javascript:alert(1)",
  ])("refuses %j", (value) => {
    expect(() => resolveOnTarget(target, value)).toThrow(OffOriginError);
  });

  it.each([
    ["/users", "http://127.0.0.1:4000/users"],
    ["/api/users/1?x=1", "http://127.0.0.1:4000/api/users/1?x=1"],
    ["users", "http://127.0.0.1:4000/api/users"],
    ["http://127.0.0.1:4000/login", "http://127.0.0.1:4000/login"],
    ["/api/users/%2F", "http://127.0.0.1:4000/api/users/%2F"],
  ])("keeps %j on the target", (value, href) => {
    expect(resolveOnTarget(target, value).href).toBe(href);
  });

  it("never carries the target's user info in the URL (credentials travel as a header)", () => {
    const url = resolveOnTarget(new URL("http://u:secret@127.0.0.1:4000/"), "/x");
    expect(url.href).toBe("http://127.0.0.1:4000/x");
  });

  it("judges spec path templates", () => {
    expect(specPathProblem("/users/{id}")).toBeUndefined();
    for (const bad of [
      "//h/x",
      "/\\h/x",
      "/../x",
      "/a/./b",
      "/a//b",
      "http://h/x",
      "users",
      "/%2e%2e/x",
      "/a%2Fb",
    ])
      expect(specPathProblem(bad), bad).toBeDefined();
  });
});

describe("the audit never leaves the target's origin", () => {
  const servers: LocalServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it("reports off-target spec paths and flags, and sends nothing (and no credential) to the other host", async () => {
    const other = await otherOriginServer();
    const api = await listen((req, res) => {
      // Every answer redirects to the other host: the audit must not follow.
      res.writeHead(302, { location: `${other.url}/stolen${req.url}` });
      res.end();
    });
    servers.push(other, api);
    const host = other.url.replace("http://", "");
    const bad = [
      `//${host}/x`,
      `/\\${host}/x`,
      `/..//${host}/x`,
      `${other.url}/x`,
      `/\\\\${host}/x`,
    ];
    const operations: AuditOperation[] = [
      { id: "ok", method: "GET", path: "/things", parameters: [], secured: true },
      ...bad.map((path, i) => ({
        id: `bad${i}`,
        method: "GET",
        path,
        parameters: [],
        secured: true,
      })),
      {
        id: "badPost",
        method: "POST",
        path: `//${host}/create`,
        parameters: [],
        secured: true,
        body: {
          contentType: "application/json",
          required: true,
          schema: { type: "object", properties: { a: { type: "string" } } },
        },
      },
    ];
    const report = await runAudit({
      target: api.url,
      operations,
      auth: "Bearer secret-token-a",
      authB: "Bearer secret-token-b",
      rateLimitPath: `//${host}/burst`,
      burst: 10,
      maxRequests: 200,
      timeoutMs: 2_000,
    });
    expect(other.requests).toBe(0);
    const offSpec = report.findings.filter((f) => f.id === "origin.spec-path-off-target");
    expect(offSpec.map((f) => f.evidence.request).sort()).toEqual(
      [...bad.map((p) => `GET ${p}`), `POST //${host}/create`].sort(),
    );
    expect(offSpec.every((f) => f.severity === "error")).toBe(true);
    expect(report.findings.map((f) => f.id)).toContain("origin.flag-off-target");
    // The target itself got requests, none of them with a path another parser would read as a host.
    expect(api.requests).toBeGreaterThan(10);
    expect(api.log.filter((r) => r.url.startsWith("//") || r.url.includes("\\"))).toEqual([]);
    expect(api.log.some((r) => r.url === "/things" && r.authorization === undefined)).toBe(true);
  });

  it("a spec's header parameters cannot set Host or forwarding headers, nor replace the credential", async () => {
    const seen: Array<Record<string, string | string[] | undefined>> = [];
    const api = await listen((req, res) => {
      seen.push(req.headers);
      res.writeHead(404).end();
    });
    servers.push(api);
    const header = (name: string) => ({
      name,
      in: "header" as const,
      required: true,
      schema: { type: "string", example: "127.0.0.2" },
    });
    await runAudit({
      target: api.url,
      auth: "Bearer real-token",
      operations: [
        {
          id: "x",
          method: "GET",
          path: "/x",
          parameters: ["Host", "X-Forwarded-Host", "Forwarded", "Authorization", "X-Tenant"].map(
            header,
          ),
          secured: true,
        },
      ],
      burst: 3,
      maxRequests: 60,
      timeoutMs: 2_000,
    });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.every((h) => h.host === api.url.replace("http://", ""))).toBe(true);
    expect(seen.some((h) => h["x-forwarded-host"] !== undefined || h.forwarded !== undefined)).toBe(
      false,
    );
    expect(seen.some((h) => h.authorization === "127.0.0.2")).toBe(false);
    expect(seen.some((h) => h["x-tenant"] === "127.0.0.2")).toBe(true);
  });

  it("a target URL under a base path keeps spec paths under it", async () => {
    const other = await otherOriginServer();
    const api = await listen((_req, res) => res.writeHead(404).end());
    servers.push(other, api);
    const host = other.url.replace("http://", "");
    const report = await runAudit({
      target: `${api.url}/v1`,
      operations: [{ id: "x", method: "GET", path: `//${host}/x`, parameters: [], secured: false }],
      rateLimitPath: other.url,
      burst: 3,
      maxRequests: 50,
      timeoutMs: 2_000,
    });
    expect(other.requests).toBe(0);
    expect(report.findings.map((f) => f.id)).toEqual(
      expect.arrayContaining(["origin.spec-path-off-target", "origin.flag-off-target"]),
    );
    expect(api.log.every((r) => r.url.startsWith("/v1") || !r.url.startsWith("//"))).toBe(true);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import {
  type AuditOperation,
  type AuditReport,
  FINDING_CATALOG,
  failsGate,
  findingAnchor,
  runAudit,
} from "../../../src/engine/audit/index.js";
import {
  carefulServer,
  type LocalServer,
  listen,
  weakServer,
} from "../../helpers/audit-servers.js";

const operations: AuditOperation[] = [
  {
    id: "listUsers",
    method: "GET",
    path: "/users",
    parameters: [],
    secured: false,
    responses: [
      {
        status: "200",
        contentType: "application/json",
        schema: {
          type: "object",
          required: ["data"],
          properties: { data: { type: "array", items: { type: "object" } } },
        },
      },
    ],
  },
  {
    id: "createUser",
    method: "POST",
    path: "/users",
    parameters: [],
    secured: false,
    body: {
      contentType: "application/json",
      required: true,
      schema: {
        type: "object",
        additionalProperties: false,
        required: ["email"],
        properties: {
          email: { type: "string", format: "email" },
          age: { type: "integer", minimum: 0, maximum: 150 },
        },
      },
    },
  },
  {
    id: "getUser",
    method: "GET",
    path: "/users/{id}",
    parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
    secured: false,
  },
  { id: "getMe", method: "GET", path: "/me", parameters: [], secured: true },
];

/** The same operations as a spec that documents its responses (the weak server breaks them). */
const documented: AuditOperation[] = [
  ...operations.map((op) =>
    op.id === "getUser"
      ? {
          ...op,
          secured: true,
          responses: [
            {
              status: "200",
              contentType: "application/json",
              schema: {
                type: "object",
                required: ["data"],
                properties: { data: { type: "object", required: ["id"] } },
              },
            },
            { status: "404", contentType: "application/json" },
          ],
        }
      : op,
  ),
  {
    id: "listOrders",
    method: "GET",
    path: "/orders",
    parameters: [],
    secured: false,
    responses: [{ status: "200", contentType: "application/json" }],
  },
];

// header.payload.signature of an unsigned token: {"alg":"none"} {"sub":"1","iat":0,"exp":86400}
const unsignedJwt = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString("base64url")}.${Buffer.from('{"sub":"1","iat":0,"exp":86400}').toString("base64url")}.`;

const ids = (r: AuditReport) => new Set(r.findings.map((f) => f.id));

describe("audit engine against local servers", () => {
  let server: LocalServer | undefined;
  afterEach(async () => server?.close());

  it("finds every planted weakness in a weak server", async () => {
    server = await weakServer();
    const report = await runAudit({
      target: server.url,
      operations: documented,
      auth: `Bearer ${unsignedJwt}`,
      authB: "Bearer user-b-token",
      burst: 25,
      maxRequests: 300,
      timeoutMs: 5_000,
    });
    const found = ids(report);
    for (const id of [
      "headers.missing-csp",
      "headers.missing-nosniff",
      "headers.missing-frame-protection",
      "headers.missing-referrer-policy",
      "headers.x-powered-by",
      "headers.server-version",
      "cors.reflected-origin",
      "cors.broad-preflight",
      "methods.trace-enabled",
      "cookies.missing-attributes",
      "error-leakage.stack-trace",
      "error-leakage.file-path",
      "error-leakage.framework-banner",
      "input-validation.accepted-missing-required",
      "input-validation.accepted-wrong-type",
      "input-validation.accepted-out-of-range",
      "input-validation.accepted-extra-property",
      "input-validation.server-error",
      "rate-limit.none",
      "auth.missing-credential-accepted",
      "auth.expired-token-accepted",
      "auth.tampered-token-accepted",
      "auth.alg-none-accepted",
      "auth.jwt-alg-none",
      "auth.jwt-long-lifetime",
      "authorization.bola",
      "error-leakage.debug-page",
      "error-leakage.sql-error",
      "error-leakage.exception-message",
      "error-leakage.version-banner",
      "error-leakage.version-header",
      "responses.schema-mismatch",
      "responses.undocumented-status",
      "responses.server-error",
    ]) {
      expect(found, `expected finding ${id}`).toContain(id);
    }
    // Every finding has an id from the catalog, a severity it is documented with, and a doc link.
    for (const f of report.findings) {
      expect(FINDING_CATALOG[f.id]?.severity, f.id).toContain(f.severity);
      expect(f.doc).toBe(`docs/audit-findings.md#${findingAnchor(f.id)}`);
    }
    // The Express error page of the issue: a stack trace inside HTML.
    const stack = report.findings.find((f) => f.id === "error-leakage.stack-trace");
    expect(stack?.evidence.response).toContain("/var/task/src/routes/orders.js:41:11");
    expect(report.status).toBe("complete");
    expect(report.findings.find((f) => f.id === "cors.reflected-origin")?.severity).toBe("error");
    expect(failsGate(report, "error")).toBe(true);
    expect(report.requestsSent).toBeLessThanOrEqual(300);
    expect(report.requestsSent).toBe(server.requests);
    // Errors come first.
    expect(report.findings[0]?.severity).toBe("error");
  });

  it("reports no warnings or errors for a careful server, and sees its rate limiting", async () => {
    server = await carefulServer();
    const report = await runAudit({
      target: server.url,
      operations,
      burst: 30,
      maxRequests: 300,
      timeoutMs: 5_000,
    });
    const problems = report.findings.filter((f) => f.severity !== "info");
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
    const limited = report.findings.find((f) => f.id === "rate-limit.active");
    // The server allows 20 requests per path; some of those went to the target before the burst.
    const after = Number(/began after (\d+) requests/.exec(limited?.title ?? "")?.[1]);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThanOrEqual(21);
    expect(limited?.evidence.response).toContain("retry-after: 1");
    expect(failsGate(report, "warning")).toBe(false);
  });

  it("never sends more than --max-requests and says it stopped early", async () => {
    server = await weakServer();
    const report = await runAudit({
      target: server.url,
      operations,
      burst: 50,
      maxRequests: 12,
      timeoutMs: 5_000,
    });
    expect(server.requests).toBe(12);
    expect(report.requestsSent).toBe(12);
    expect(report.stoppedEarly).toBe("max-requests");
    expect(report.status).toBe("incomplete");
  });

  it("without a spec, still probes malformed JSON and oversized bodies at the URL", async () => {
    server = await weakServer();
    const report = await runAudit({
      target: `${server.url}/users`,
      burst: 5,
      maxRequests: 100,
      timeoutMs: 5_000,
    });
    const found = ids(report);
    expect(found).toContain("input-validation.server-error");
    expect(found).toContain("input-validation.no-body-limit");
  });

  it("a server that echoes the credential in its errors never gets it into the report", async () => {
    server = await listen((req, res) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(
        `Error: token ${req.headers.authorization} rejected\n    at verify (/app/src/auth.js:12:3)`,
      );
    });
    const report = await runAudit({
      target: server.url.replace("http://", "http://admin:pa55word-x@"),
      auth: "Bearer SECRET-TOKEN-123",
      only: ["headers", "error-leakage"],
      burst: 5,
      maxRequests: 20,
      timeoutMs: 5_000,
    });
    const text = JSON.stringify(report);
    expect(report.findings.map((f) => f.id)).toContain("error-leakage.stack-trace");
    expect(text).not.toContain("SECRET-TOKEN-123");
    expect(text).not.toContain("pa55word-x");
    expect(text).toContain("*** rejected");
  });

  it("names a target that never answers as a timeout, not a bare DOMException code", async () => {
    server = await listen(() => {}); // accepts, reads, never answers
    const audit = runAudit({ target: server.url, burst: 5, maxRequests: 20, timeoutMs: 300 });
    await expect(audit).rejects.toThrow(
      /^cannot reach http:\/\/127\.0\.0\.1:\d+\/?: no response within 0\.3 s$/,
    );
  });

  it("stops at once when interrupted and keeps what it found", async () => {
    server = await weakServer();
    const controller = new AbortController();
    const report = await runAudit({
      target: server.url,
      operations,
      burst: 25,
      maxRequests: 300,
      timeoutMs: 5_000,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === "check-done" && e.check === "cors") controller.abort();
      },
    });
    expect(report.stoppedEarly).toBe("interrupted");
    expect(report.checksRun).toEqual(["headers", "cors"]);
    expect(ids(report)).toContain("headers.missing-csp");
  });
});

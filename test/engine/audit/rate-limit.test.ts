import { afterEach, describe, expect, it } from "vitest";
import { readDeclaredLimit } from "../../../src/engine/audit/checks/rate-limit-headers.js";
import { type AuditOperation, runAudit } from "../../../src/engine/audit/index.js";
import { type LocalServer, listen } from "../../helpers/audit-servers.js";

/** A server that allows `limit` requests per client and says so in the given header style. */
function limitedServer(
  limit: number,
  style: "policy" | "structured" | "x" | "none",
): Promise<LocalServer> {
  let count = 0;
  return listen((req, res) => {
    count += 1;
    const remaining = Math.max(0, limit - count);
    if (style === "policy") {
      res.setHeader("RateLimit-Policy", `${limit};w=60`);
      res.setHeader("RateLimit", `limit=${limit}, remaining=${remaining}, reset=60`);
    } else if (style === "structured") {
      res.setHeader("RateLimit-Policy", `"default";q=${limit};w=60`);
      res.setHeader("RateLimit", `"default";r=${remaining};t=60`);
    } else if (style === "x") {
      res.setHeader("X-RateLimit-Limit", String(limit));
      res.setHeader("X-RateLimit-Remaining", String(remaining));
      res.setHeader("X-RateLimit-Reset", String(Math.floor(Date.now() / 1000) + 60));
    }
    if (count > limit) {
      if (style !== "none") res.setHeader("Retry-After", "60");
      res
        .writeHead(429, { "content-type": "application/json" })
        .end('{"error":{"code":"RATE_LIMITED"}}');
      return;
    }
    const path = (req.url ?? "/").split("?")[0];
    res.writeHead(path === "/health" || path === "/items" ? 200 : 404, {
      "content-type": "application/json",
    });
    res.end("{}");
  });
}

const ops: AuditOperation[] = [
  {
    id: "search",
    method: "GET",
    path: "/search",
    parameters: [{ name: "q", in: "query", required: true, schema: { type: "string" } }],
    secured: false,
  },
  {
    id: "getItem",
    method: "GET",
    path: "/items/{id}",
    parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
    secured: false,
  },
  { id: "listItems", method: "GET", path: "/items", parameters: [], secured: false },
  { id: "createItem", method: "POST", path: "/items", parameters: [], secured: false },
];

const rateFindings = (target: string, extra: Partial<Parameters<typeof runAudit>[0]> = {}) =>
  runAudit({
    target,
    only: ["rate-limit"],
    burst: 30,
    maxRequests: 300,
    timeoutMs: 5_000,
    ...extra,
  }).then((r) => r.findings.filter((f) => f.check === "rate-limit"));

describe("rate limits as declared", () => {
  let server: LocalServer | undefined;
  afterEach(async () => server?.close());

  it.each(["policy", "structured", "x"] as const)(
    "a declared limit of 100 per minute above a burst of 30 is info with the numbers (%s headers), not missing",
    async (style) => {
      server = await limitedServer(100, style);
      const found = await rateFindings(`${server.url}/health`);
      expect(found.map((f) => f.id)).toEqual(["rate-limit.declared"]);
      expect(found[0]!.severity).toBe("info");
      expect(found[0]!.title).toMatch(/100 requests(?: per 60 s)?, 70 remaining/);
    },
  );

  it("in a full audit, a declared 100 per minute is never reported as missing", async () => {
    server = await limitedServer(100, "policy");
    const report = await runAudit({
      target: server.url,
      operations: ops,
      burst: 30,
      maxRequests: 300,
      timeoutMs: 5_000,
    });
    const ids = report.findings.filter((f) => f.check === "rate-limit").map((f) => f.id);
    expect(ids.length).toBe(1);
    expect(["rate-limit.declared", "rate-limit.active"]).toContain(ids[0]);
  });

  it("a limit the burst exceeds ends in 429: info with when it began and a non-zero rate for a short burst", async () => {
    server = await limitedServer(10, "policy");
    const [active, ...rest] = await rateFindings(`${server.url}/health`);
    expect(rest).toEqual([]);
    expect(active!.id).toBe("rate-limit.active");
    expect(active!.title).toMatch(
      /^Rate limiting began after 10 requests \(about (\d+(\.\d)?) req\/s\)$/,
    );
    expect(Number(/about ([\d.]+) req/.exec(active!.title)![1])).toBeGreaterThan(0);
    expect(active!.evidence.response).toContain("retry-after: 60");
  });

  it("429 without any header is a warning", async () => {
    server = await limitedServer(5, "none");
    const ids = (await rateFindings(`${server.url}/health`)).map((f) => f.id);
    expect(ids.sort()).toEqual(["rate-limit.active", "rate-limit.no-headers"]);
  });

  it("no limit at all is a warning, and a sub-second burst reports its real rate, not 0 req/s", async () => {
    server = await listen((_req, res) => res.writeHead(200).end("{}"));
    const [none] = await rateFindings(server.url, { burst: 12 });
    expect(none!.id).toBe("rate-limit.none");
    expect(none!.title).toMatch(
      /^No rate limiting after a burst of 12 requests \(about [\d.]+ req\/s\)$/,
    );
    expect(none!.title).not.toContain("about 0 req/s");
  });

  it("a declared limit the burst passes without a 429 is a warning (not enforced)", async () => {
    server = await listen((_req, res) => {
      res.setHeader("X-RateLimit-Limit", "10");
      res.setHeader("X-RateLimit-Remaining", "0");
      res.writeHead(200).end("{}");
    });
    const ids = (await rateFindings(server.url)).map((f) => f.id);
    expect(ids).toEqual(["rate-limit.not-enforced"]);
  });

  it("bursts the cheapest GET operation of the spec, not GET /", async () => {
    server = await limitedServer(1000, "policy");
    await rateFindings(server.url, { operations: ops, burst: 15 });
    const paths = new Set(server.log.map((r) => `${r.method} ${r.url}`));
    expect([...paths]).toEqual(["GET /items"]);
    expect(server.requests).toBe(15);
  });

  it("--rate-limit-path wins over the spec", async () => {
    server = await limitedServer(1000, "policy");
    await rateFindings(server.url, { operations: ops, burst: 5, rateLimitPath: "/health" });
    expect(new Set(server.log.map((r) => r.url))).toEqual(new Set(["/health"]));
  });
});

describe("readDeclaredLimit", () => {
  it.each([
    [{ "ratelimit-policy": "100;w=60" }, 100, 60],
    [{ "ratelimit-policy": "10;w=1, 1000;w=3600" }, 10, 1],
    [{ "ratelimit-policy": '"burst";q=100;w=60,"daily";q=1000;w=86400' }, 100, 60],
    [{ ratelimit: "limit=50, remaining=10, reset=5" }, 50, undefined],
    [{ "ratelimit-limit": "25" }, 25, undefined],
    [{ "x-ratelimit-limit": "5000" }, 5000, undefined],
  ])("%j → %d per %s s", (headers, limit, window) => {
    const d = readDeclaredLimit(headers);
    expect(d?.limit).toBe(limit);
    expect(d?.windowSeconds).toBe(window);
  });

  it("reads Retry-After as seconds or a date, and epoch resets as seconds from now", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(readDeclaredLimit({ "retry-after": "120" }, now)?.retryAfterSeconds).toBe(120);
    expect(
      readDeclaredLimit({ "retry-after": "Thu, 01 Jan 2026 00:01:00 GMT" }, now)?.retryAfterSeconds,
    ).toBe(60);
    expect(
      readDeclaredLimit({ "x-ratelimit-reset": String(now / 1000 + 30) }, now)?.resetSeconds,
    ).toBe(30);
    expect(readDeclaredLimit({ "content-type": "text/plain" }, now)).toBeUndefined();
  });
});

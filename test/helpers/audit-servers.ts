import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/** A local HTTP server on 127.0.0.1 with an ephemeral port; `url` is its origin. */
export interface LocalServer {
  url: string;
  requests: number;
  close(): Promise<void>;
}

export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<LocalServer> {
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests += 1;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= 4 * 1024 * 1024) chunks.push(c);
    });
    req.on("end", () => handler(req, res, Buffer.concat(chunks).toString("utf8")));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const STACK = `SyntaxError: Unexpected end of JSON input
    at JSON.parse (<anonymous>)
    at parseBody (/app/src/server.js:42:17)
    at Server.<anonymous> (/app/src/server.js:10:5)`;

/**
 * Everything an audit should catch: no security headers, a framework banner, reflected CORS with
 * credentials, TRACE, a cookie without flags, stack traces, no validation, no rate limit, no auth.
 */
export function weakServer(): Promise<LocalServer> {
  return listen((req, res, body) => {
    res.setHeader("X-Powered-By", "Express");
    res.setHeader("Server", "nginx/1.18.0");
    if (req.headers.origin) {
      res.setHeader("Access-Control-Allow-Origin", req.headers.origin);
      res.setHeader("Access-Control-Allow-Credentials", "true");
    }
    res.setHeader("Set-Cookie", "session=abc123def456; Path=/");
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "OPTIONS") {
      res.setHeader("Access-Control-Allow-Methods", "*");
      res.setHeader("Access-Control-Allow-Headers", "*");
      res.writeHead(204).end();
      return;
    }
    if (req.method === "TRACE") {
      res.writeHead(200, { "content-type": "message/http" });
      res.end(
        `TRACE ${req.url} HTTP/1.1\r\n${Object.entries(req.headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join("\r\n")}`,
      );
      return;
    }
    if (body) {
      try {
        JSON.parse(body);
      } catch {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(STACK);
        return;
      }
    }
    if (path === "/users" || path?.startsWith("/users/") || path === "/me") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: [{ id: 1, email: "a@example.com" }] }));
      return;
    }
    res.writeHead(404, { "content-type": "text/html" });
    res.end(`<!DOCTYPE html><html><body><pre>Cannot ${req.method} ${path}</pre></body></html>`);
  });
}

/** A careful API: security headers, strict CORS, JSON errors, validation, 429 with Retry-After past 20 requests per path. */
export function carefulServer(): Promise<LocalServer> {
  const perPath = new Map<string, number>();
  return listen((req, res, body) => {
    const key = (req.url ?? "/").split("?")[0] ?? "/";
    const count = (perPath.get(key) ?? 0) + 1;
    perPath.set(key, count);
    res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "no-referrer");
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    const error = (status: number, code: string, message: string) =>
      json(status, { error: { code, message, details: [] } });
    if (count > 20) {
      res.setHeader("Retry-After", "1");
      res.setHeader("RateLimit-Limit", "20");
      return error(429, "RATE_LIMITED", "too many requests");
    }
    const path = (req.url ?? "/").split("?")[0];
    if (!["GET", "POST"].includes(req.method ?? ""))
      return error(405, "METHOD_NOT_ALLOWED", "method not allowed");
    if (path === "/users" && req.method === "GET") return json(200, { data: [] });
    if (path === "/users" && req.method === "POST") {
      if (!/application\/json/.test(req.headers["content-type"] ?? ""))
        return error(415, "UNSUPPORTED_MEDIA_TYPE", "use JSON");
      if (body.length > 1024 * 1024) return error(413, "PAYLOAD_TOO_LARGE", "body too large");
      let value: unknown;
      try {
        value = JSON.parse(body);
      } catch {
        return error(400, "VALIDATION_ERROR", "malformed JSON");
      }
      const v = value as Record<string, unknown>;
      const keys = Object.keys(v ?? {});
      if (
        typeof v?.email !== "string" ||
        v.email.length > 200 ||
        keys.some((k) => !["email", "age"].includes(k))
      )
        return error(400, "VALIDATION_ERROR", "email");
      if (v.age !== undefined && (typeof v.age !== "number" || v.age < 0 || v.age > 150))
        return error(400, "VALIDATION_ERROR", "age");
      return json(201, { data: v });
    }
    if (/^\/users\/\d+$/.test(path ?? "")) return json(200, { data: { id: 1 } });
    if (path?.startsWith("/users/")) return error(400, "VALIDATION_ERROR", "id must be a number");
    return error(404, "NOT_FOUND", "not found");
  });
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/** A local HTTP server on a loopback address (127.0.0.1 by default) with an ephemeral port; `url` is its origin. */
export interface LocalServer {
  url: string;
  requests: number;
  /** Every request line and its Authorization header, in arrival order. */
  log: Array<{ method: string; url: string; authorization?: string }>;
  close(): Promise<void>;
}

export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => void,
  host = "127.0.0.1",
): Promise<LocalServer> {
  const state = { requests: 0 };
  const log: LocalServer["log"] = [];
  const server: Server = createServer((req, res) => {
    state.requests += 1;
    log.push({
      method: req.method ?? "",
      url: req.url ?? "",
      authorization: req.headers.authorization,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= 4 * 1024 * 1024) chunks.push(c);
    });
    req.on("end", () => handler(req, res, Buffer.concat(chunks).toString("utf8")));
  });
  await new Promise<void>((r) => server.listen(0, host, r));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://${host}:${port}`,
    log,
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

/** A server on another loopback address that only counts: the audit must never reach it. */
export function otherOriginServer(): Promise<LocalServer> {
  return listen((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"data":[]}');
  }, "127.0.0.2");
}

/** Express's default (development) error page, as finalhandler renders it: the stack in HTML. */
const EXPRESS_ERROR_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Error</title>
</head>
<body>
<pre>SyntaxError: Unexpected end of JSON input<br> &nbsp; &nbsp;at JSON.parse (&lt;anonymous&gt;)<br> &nbsp; &nbsp;at handler (/var/task/src/routes/orders.js:41:11)</pre>
</body>
</html>
`;

const DJANGO_DEBUG_PAGE = `<!DOCTYPE html><html><head><title>ValueError at /orders/</title></head><body>
<div id="summary"><h1>ValueError at /orders/</h1><table class="meta"><tr><th>Django Version:</th><td>4.2.7</td></tr></table></div>
<div id="explanation"><p>You&#39;re seeing this error because you have <code>DEBUG = True</code> in your Django settings file.</p></div>
</body></html>`;

/**
 * Everything an audit should catch: no security headers, a framework banner, reflected CORS with
 * credentials, TRACE, a cookie without flags, stack traces (in an HTML error page), a debug page,
 * database errors, exception messages, version banners, no validation, no rate limit, no auth (any
 * token, forged or none, is accepted), and any user reads any object.
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
    const url = req.url ?? "/";
    const path = url.split("?")[0];
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
    if (/%E0%A4%A$/i.test(path ?? "")) {
      res.writeHead(400, { "content-type": "text/html" });
      res.end(DJANGO_DEBUG_PAGE);
      return;
    }
    if (/'|%27/.test(url)) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          error: `SQLSTATE[42601]: Syntax error: 7 ERROR:  unterminated quoted string at or near "'" LINE 1: SELECT * FROM users WHERE id = 1'`,
        }),
      );
      return;
    }
    if (body && !/json/.test(req.headers["content-type"] ?? "")) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          statusCode: 500,
          error: "Internal Server Error",
          message: "Cannot read properties of undefined (reading 'email')",
        }),
      );
      return;
    }
    if (body) {
      try {
        JSON.parse(body);
      } catch {
        res.writeHead(500, { "content-type": "text/html; charset=utf-8" });
        res.end(EXPRESS_ERROR_PAGE);
        return;
      }
    }
    if (path === "/orders") {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal Server Error");
      return;
    }
    if (path === "/users" || path?.startsWith("/users/") || path === "/me") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: [{ id: 1, email: "a@example.com" }] }));
      return;
    }
    res.setHeader("X-AspNet-Version", "4.0.30319");
    res.writeHead(404, { "content-type": "text/html" });
    res.end(
      `<!DOCTYPE html><html><body><pre>Cannot ${req.method} ${path}</pre><address>Apache/2.4.41 (Ubuntu) Server at 127.0.0.1 Port 80</address></body></html>`,
    );
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

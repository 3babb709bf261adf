import { afterEach, describe, expect, it } from "vitest";
import { type AuditOperation, runAudit } from "../../../src/engine/audit/index.js";
import { type LocalServer, listen } from "../../helpers/audit-servers.js";

const user = {
  type: "object",
  required: ["id", "email"],
  additionalProperties: false,
  properties: { id: { type: "integer" }, email: { type: "string", format: "email" } },
};

const operations: AuditOperation[] = [
  {
    id: "getUser",
    method: "GET",
    path: "/users/{id}",
    parameters: [
      { name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
    ],
    secured: false,
    responses: [
      { status: "200", contentType: "application/json", schema: user },
      { status: "4XX", contentType: "application/json" },
    ],
  },
  {
    id: "listUsers",
    method: "GET",
    path: "/users",
    parameters: [],
    secured: false,
    responses: [
      { status: "200", contentType: "application/json", schema: { type: "array", items: user } },
    ],
  },
];

function api(bodies: {
  user: unknown;
  list: unknown;
  listStatus?: number;
  listType?: string;
}): Promise<LocalServer> {
  return listen((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    if (/^\/users\/\d+$/.test(path))
      return res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify(bodies.user));
    if (path === "/users")
      return res
        .writeHead(bodies.listStatus ?? 200, {
          "content-type": bodies.listType ?? "application/json",
        })
        .end(JSON.stringify(bodies.list));
    res
      .writeHead(404, { "content-type": "application/json" })
      .end('{"error":{"code":"NOT_FOUND"}}');
  });
}

const audit = (server: LocalServer) =>
  runAudit({
    target: server.url,
    operations,
    only: ["responses"],
    burst: 5,
    maxRequests: 50,
    timeoutMs: 5_000,
  }).then((r) => r.findings.map((f) => [f.id, f.severity, f.title]));

describe("responses checked against the spec", () => {
  let server: LocalServer | undefined;
  afterEach(async () => server?.close());

  it("a body longer than the 64 KiB read limit is not judged against the schema (it was cut)", async () => {
    server = await api({
      user: { id: 1, email: "a@example.com" },
      list: Array.from({ length: 3000 }, (_, i) => ({ id: i + 1, email: `u${i}@example.com` })),
    });
    expect(await audit(server)).toEqual([]);
  });

  it("conforming responses give no finding", async () => {
    server = await api({ user: { id: 1, email: "a@example.com" }, list: [] });
    expect(await audit(server)).toEqual([]);
  });

  it("a body that breaks the schema is an error on a 2xx, named by the failing keyword", async () => {
    server = await api({
      user: { id: "1", email: "a@example.com", password: "x" },
      list: [{ id: 1, email: "not-an-email" }],
    });
    const found = await audit(server);
    expect(found).toEqual(
      expect.arrayContaining([
        [
          "responses.schema-mismatch",
          "error",
          expect.stringMatching(
            /^getUser: Response violates schema — HTTP 200: .*(\/id must be integer|additional)/,
          ),
        ],
        [
          "responses.schema-mismatch",
          "error",
          expect.stringMatching(
            /^listUsers: Response violates schema — HTTP 200: \/0\/email must match format "email"/,
          ),
        ],
      ]),
    );
  });

  it("an undocumented status code and an undocumented content type are warnings; a 5xx on a valid request is an error", async () => {
    server = await api({ user: { id: 1, email: "a@example.com" }, list: "oops", listStatus: 503 });
    const found = await audit(server);
    expect(found).toEqual(
      expect.arrayContaining([
        [
          "responses.undocumented-status",
          "warning",
          "listUsers: Undocumented HTTP status code — received 503, documented: 200",
        ],
        [
          "responses.server-error",
          "error",
          "listUsers: Server error — HTTP 503 on a valid request",
        ],
      ]),
    );
    await server.close();
    server = await api({
      user: { id: 1, email: "a@example.com" },
      list: [],
      listType: "text/html",
    });
    expect(await audit(server)).toEqual([
      [
        "responses.undocumented-content-type",
        "warning",
        "listUsers: Undocumented Content-Type — received text/html with HTTP 200, documented: application/json",
      ],
    ]);
  });
});

import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { type AuditOperation, runAudit } from "../../../src/engine/audit/index.js";
import { type LocalServer, listen } from "../../helpers/audit-servers.js";

const KEY = "test-signing-key";
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
const sign = (data: string) => createHmac("sha256", KEY).update(data).digest("base64url");

function token(sub: string, exp = Math.floor(Date.now() / 1000) + 600): string {
  const data = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ sub, iat: exp - 600, exp })}`;
  return `${data}.${sign(data)}`;
}

type Verify = "strict" | "accepts-alg-none" | "forbidden-not-401";

/** Who is calling, by a verifier that can be made weak in one way; undefined when refused. */
function caller(authorization: string | undefined, verify: Verify): string | undefined {
  const m = /^Bearer (.+)$/.exec(authorization ?? "");
  if (!m) return undefined;
  const [h, p, s] = m[1]!.split(".");
  try {
    const header = JSON.parse(Buffer.from(h!, "base64url").toString());
    const payload = JSON.parse(Buffer.from(p!, "base64url").toString());
    const signed = header.alg === "none" ? verify === "accepts-alg-none" : s === sign(`${h}.${p}`);
    if (!signed) return undefined;
    if (payload.exp < Date.now() / 1000) return undefined;
    return String(payload.sub);
  } catch {
    return undefined;
  }
}

/** Notes owned by their creator; `shareAll` makes any user read any note (broken object-level authorization). */
function notesServer(verify: Verify, shareAll = false): Promise<LocalServer> {
  const notes = new Map<string, { id: string; owner: string; text: string }>();
  let next = 1;
  return listen((req, res, body) => {
    const json = (status: number, v: unknown) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(v));
    const user = caller(req.headers.authorization, verify);
    if (!user)
      return json(verify === "forbidden-not-401" ? 403 : 401, {
        error: { code: "UNAUTHENTICATED" },
      });
    const path = (req.url ?? "/").split("?")[0]!;
    if (path === "/notes" && req.method === "POST") {
      const id = String(next++);
      notes.set(id, { id, owner: user, text: String(JSON.parse(body || "{}").text ?? "") });
      return json(201, { data: { id } });
    }
    const m = /^\/notes\/(\w+)$/.exec(path);
    if (m && req.method === "GET") {
      const note = notes.get(m[1]!);
      if (!note || (note.owner !== user && !shareAll))
        return json(404, { error: { code: "NOT_FOUND" } });
      return json(200, { data: note });
    }
    if (m && req.method === "DELETE") {
      notes.delete(m[1]!);
      return res.writeHead(204).end();
    }
    return json(404, { error: { code: "NOT_FOUND" } });
  });
}

const operations: AuditOperation[] = [
  {
    id: "createNote",
    method: "POST",
    path: "/notes",
    parameters: [],
    secured: true,
    body: {
      contentType: "application/json",
      required: true,
      schema: { type: "object", properties: { text: { type: "string" } } },
    },
  },
  {
    id: "getNote",
    method: "GET",
    path: "/notes/{id}",
    parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
    secured: true,
  },
  {
    id: "deleteNote",
    method: "DELETE",
    path: "/notes/{id}",
    parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
    secured: true,
  },
];

async function audit(server: LocalServer, only: Array<"auth" | "authorization">, authB?: string) {
  const report = await runAudit({
    target: server.url,
    operations,
    only,
    auth: `Bearer ${token("alice")}`,
    authB,
    burst: 5,
    maxRequests: 100,
    timeoutMs: 5_000,
  });
  return report.findings.filter((f) => !f.id.startsWith("auth.jwt-"));
}

describe("authentication probed with --auth", () => {
  let server: LocalServer | undefined;
  afterEach(async () => server?.close());

  it("a verifier that refuses no token, an expired token, a tampered signature and alg:none with 401 has no findings", async () => {
    server = await notesServer("strict");
    expect(await audit(server, ["auth"])).toEqual([]);
    // Each forged credential was really sent.
    const sent = server.log.map((r) => r.authorization);
    expect(sent).toContain(undefined);
    const headers = sent
      .filter(Boolean)
      .map((a) => JSON.parse(Buffer.from(a!.slice(7).split(".")[0]!, "base64url").toString()));
    expect(headers.map((h) => h.alg)).toEqual(expect.arrayContaining(["HS256", "none"]));
    expect(sent.filter((a) => a && /^Bearer .+\..+\.$/.test(a)).length).toBeGreaterThan(0);
    // Forged credentials only go to safe methods when the spec has a secured GET.
    expect(new Set(server.log.map((r) => r.method))).toEqual(new Set(["GET"]));
  });

  it("accepting alg:none is an error", async () => {
    server = await notesServer("accepts-alg-none");
    const found = await audit(server, ["auth"]);
    expect(found.map((f) => [f.id, f.severity])).toEqual([["auth.alg-none-accepted", "error"]]);
  });

  it("refusing with 403 instead of 401 is a warning", async () => {
    server = await notesServer("forbidden-not-401");
    const found = await audit(server, ["auth"]);
    expect(found.map((f) => [f.id, f.severity])).toEqual([["auth.wrong-status", "warning"]]);
    expect(found[0]!.title).toMatch(/answers 403 \(not 401\)/);
  });
});

describe("object-level authorization with --auth and --auth-b", () => {
  let server: LocalServer | undefined;
  afterEach(async () => server?.close());

  it("what A created is not readable by B: no finding, and A's object is deleted afterwards", async () => {
    server = await notesServer("strict");
    const found = await audit(server, ["authorization"], `Bearer ${token("bob")}`);
    expect(found).toEqual([]);
    const lines = server.log.map((r) => `${r.method} ${r.url}`);
    expect(lines).toEqual(["POST /notes", "GET /notes/1", "GET /notes/1", "DELETE /notes/1"]);
  });

  it("B reading A's object is an error", async () => {
    server = await notesServer("strict", true);
    const found = await audit(server, ["authorization"], `Bearer ${token("bob")}`);
    expect(found.map((f) => [f.id, f.severity])).toEqual([["authorization.bola", "error"]]);
    expect(found[0]!.title).toContain("the object user A created");
  });

  it("is not run without --auth-b", async () => {
    server = await notesServer("strict", true);
    expect(await audit(server, ["authorization"])).toEqual([]);
    expect(server.requests).toBe(0);
  });
});

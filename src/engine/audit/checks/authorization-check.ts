import type { Check, CheckContext } from "../check-context.js";
import type { AuditOperation } from "../operations.js";
import { describeRequest, describeStatus, header } from "../prober.js";
import { REFERENCE } from "../reference-links.js";
import { sampleFor } from "../schema-sample.js";
import type { FindingDraft, ProbeExchange } from "../types.js";
import { concretePath, validRequest } from "./request-builder.js";

const MAX_OBJECTS = 5;
const ok = (ex: ProbeExchange) => ex.status !== undefined && ex.status >= 200 && ex.status < 300;

/**
 * Object-level authorization (OWASP API1), with two credentials (--auth for user A, --auth-b for B):
 * for each GET operation with a path id, A creates an object through the collection's POST when the
 * spec has one (else uses a sample id) and reads it; B then asks for the same object and must not get it.
 */
export const authorizationCheck: Check = async (ctx) => {
  if (!ctx.options.auth || !ctx.options.authB) return [];
  const ops = ctx.options.operations ?? [];
  const items = ops
    .filter((op) => op.method === "GET" && op.parameters.some((p) => p.in === "path"))
    .slice(0, MAX_OBJECTS);
  const findings: FindingDraft[] = [];
  const base = new URL(ctx.options.target).pathname;
  let readByA = 0;
  for (const item of items) {
    const param = item.parameters.filter((p) => p.in === "path").at(-1)!;
    const created = await createAsA(ctx, ops, item, param.name);
    const id = created?.id ?? String(sampleFor(param.schema) ?? "1");
    const path = concretePath(base, item, { name: param.name, value: id });
    const get = (headers: Record<string, string>) =>
      ctx.prober.send({ method: "GET", path, headers, operationId: item.id, intent: "valid" });
    const a = await get(ctx.authHeaders());
    if (ok(a)) {
      readByA += 1;
      const b = await get(ctx.authHeadersB());
      if (ok(b)) {
        const same = b.body === a.body;
        findings.push({
          id: "authorization.bola",
          check: "authorization",
          severity: "error",
          title: `User B can read ${created ? "the object user A created" : "an object user A can read"} (${item.method} ${item.path}, id ${id})`,
          evidence: {
            request: `${describeRequest(b.request)} with --auth-b${created ? `, after A's ${created.via}` : ""}`,
            response: `${describeStatus(a)} for A, ${describeStatus(b)} for B${same ? ", the same body" : ""}`,
          },
          fix: "Check in every handler that takes an id that the object belongs to (or is shared with) the caller; answer 404 (or 403) otherwise.",
          reference: REFERENCE.authorization,
        });
      }
    }
    if (created?.remove) await ctx.prober.send({ ...created.remove, headers: ctx.authHeaders() });
  }
  if (items.length > 0 && readByA === 0) {
    findings.push({
      id: "authorization.inconclusive",
      check: "authorization",
      severity: "info",
      title: "User A could read no object by id, so object-level authorization was not compared",
      evidence: {
        request: items.map((op) => `${op.method} ${op.path}`).join(", "),
        response: "no 2xx for user A",
      },
      fix: "Give --auth a credential that owns objects, or a spec whose collections have a POST that creates them.",
      reference: REFERENCE.authorization,
    });
  }
  return findings;
};

/** A creates an object through `POST <collection>` when the spec has one; its id from the body or Location. */
async function createAsA(
  ctx: CheckContext,
  ops: AuditOperation[],
  item: AuditOperation,
  param: string,
): Promise<{ id: string; via: string; remove?: { method: string; path: string } } | undefined> {
  const collection = item.path.replace(/\/\{[^}]+\}\/?$/, "");
  const create = ops.find(
    (op) =>
      op.method === "POST" && op.path === collection && !op.parameters.some((p) => p.in === "path"),
  );
  if (!create) return undefined;
  const base = new URL(ctx.options.target).pathname;
  const req = {
    ...validRequest(base, create, ctx.authHeaders()),
    operationId: create.id,
    intent: "valid" as const,
  };
  const res = await ctx.prober.send(req);
  if (!ok(res)) return undefined;
  const id = idFrom(res, param);
  if (id === undefined) return undefined;
  const del = ops.find((op) => op.method === "DELETE" && op.path === item.path);
  return {
    id,
    via: `POST ${collection}`,
    remove: del
      ? { method: "DELETE", path: concretePath(base, del, { name: param, value: id }) }
      : undefined,
  };
}

function idFrom(res: ProbeExchange, param: string): string | undefined {
  try {
    const body = JSON.parse(res.body) as Record<string, unknown>;
    for (const obj of [body, body?.data as Record<string, unknown> | undefined]) {
      if (!obj || typeof obj !== "object") continue;
      for (const key of [param, "id", "uuid", "_id"]) {
        const v = obj[key];
        if (typeof v === "string" || typeof v === "number") return String(v);
      }
    }
  } catch {
    // Not JSON: fall back to the Location header.
  }
  const location = header(res, "location");
  return location
    ? decodeURIComponent(location.split("?")[0]!.split("/").filter(Boolean).at(-1) ?? "") ||
        undefined
    : undefined;
}

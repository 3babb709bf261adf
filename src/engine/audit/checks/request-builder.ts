import type { AuditOperation, JsonSchema } from "../operations.js";
import { sampleFor } from "../schema-sample.js";
import type { ProbeRequest } from "../types.js";
import { joinPath } from "./methods-check.js";

const RESERVED_HEADERS = new Set([
  "host",
  "authorization",
  "cookie",
  "forwarded",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-for",
  "x-original-url",
  "x-rewrite-url",
  "x-host",
  "content-length",
  "transfer-encoding",
  "connection",
]);

/** The operation's path with every path parameter replaced by a valid sample value. */
export function concretePath(
  base: string,
  op: AuditOperation,
  override?: { name: string; value: string },
): string {
  let path = op.path;
  for (const p of op.parameters.filter((x) => x.in === "path")) {
    const value = override?.name === p.name ? override.value : String(sampleFor(p.schema) ?? "1");
    path = path.replace(`{${p.name}}`, encodeURIComponent(value));
  }
  const query = op.parameters
    .filter((p) => p.in === "query" && p.required && p.name !== override?.name)
    .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(sampleFor(p.schema)))}`);
  return joinPath(base, path) + (query.length ? `?${query.join("&")}` : "");
}

/** A valid request for the operation (valid path, query, headers and body) with `body` replaced when given. */
export function validRequest(
  base: string,
  op: AuditOperation,
  extraHeaders: Record<string, string>,
  body?: unknown,
): ProbeRequest {
  const headers: Record<string, string> = { ...extraHeaders };
  for (const p of op.parameters.filter((x) => x.in === "header" && x.required)) {
    // A spec cannot route the request elsewhere (Host, forwarding headers) or replace the credential.
    if (RESERVED_HEADERS.has(p.name.toLowerCase())) continue;
    headers[p.name.toLowerCase()] = String(sampleFor(p.schema));
  }
  const cookies = op.parameters
    .filter((x) => x.in === "cookie" && x.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(sampleFor(p.schema)))}`);
  if (cookies.length) headers.cookie = cookies.join("; ");
  const req: ProbeRequest = {
    method: op.method.toUpperCase(),
    path: concretePath(base, op),
    headers,
  };
  if (op.body) {
    headers["content-type"] = "application/json";
    req.body = JSON.stringify(body === undefined ? sampleFor(op.body.schema) : body);
  }
  return req;
}

export function bodyObjectSchema(op: AuditOperation): JsonSchema | undefined {
  const schema = op.body?.schema;
  if (!schema || !/json/.test(op.body?.contentType ?? "")) return undefined;
  if (schema.properties) return schema;
  const merged = schema.allOf?.find((s) => s.properties);
  return merged;
}

import type { Check } from "../check-context.js";
import type { AuditOperation } from "../operations.js";
import { describeRequest, describeStatus, header } from "../prober.js";
import { REFERENCE } from "../reference-links.js";
import type { FindingDraft, ProbeExchange } from "../types.js";
import { validRequest } from "./request-builder.js";
import { documentedResponse, ResponseValidator } from "./response-schema.js";

const MAX_VALID_PROBES = 15;
const MAX_FINDINGS_PER_ID = 10;

/**
 * Responses against the spec, as Schemathesis checks them (and worded as its checks are:
 * "Undocumented HTTP status code", "Undocumented Content-Type", "Response violates schema", "Server error"): every status code the API answers an
 * operation with must be documented (exactly, as `2XX`, or by `default`); a documented JSON body
 * must match its schema and its content type; a valid request must not fail with a 5xx.
 * Sends a valid request to each GET operation, then reads every exchange the audit tied to an operation.
 */
export const responsesCheck: Check = async (ctx) => {
  const ops = (ctx.options.operations ?? []).filter((op) => op.responses?.length);
  if (ops.length === 0) return [];
  const base = new URL(ctx.options.target).pathname;
  const probes = ops
    .filter((op) => op.method === "GET" && (!op.secured || ctx.options.auth))
    .slice(0, MAX_VALID_PROBES);
  for (const op of probes) {
    await ctx.prober.send({
      ...validRequest(base, op, ctx.authHeaders()),
      operationId: op.id,
      intent: "valid",
    });
  }
  const byId = new Map(ops.map((op) => [op.id, op]));
  const validator = new ResponseValidator();
  const findings: FindingDraft[] = [];
  const seen = new Set<string>();
  const perId = new Map<string, number>();
  const add = (key: string, f: FindingDraft) => {
    if (seen.has(key) || (perId.get(f.id) ?? 0) >= MAX_FINDINGS_PER_ID) return;
    seen.add(key);
    perId.set(f.id, (perId.get(f.id) ?? 0) + 1);
    findings.push(f);
  };
  for (const ex of ctx.prober.exchanges) {
    const op = ex.request.operationId ? byId.get(ex.request.operationId) : undefined;
    if (!op || ex.status === undefined || ex.status === 429) continue;
    for (const [key, f] of judge(op, ex, validator)) add(key, f);
  }
  return findings;
};

function judge(
  op: AuditOperation,
  ex: ProbeExchange,
  validator: ResponseValidator,
): Array<[string, FindingDraft]> {
  const status = ex.status!;
  const base = {
    check: "responses" as const,
    reference: REFERENCE.responses,
  };
  const evidence = (response: string) => ({
    request: `${describeRequest(ex.request)}  (${op.id}${ex.request.intent === "invalid" ? ", invalid input" : ""})`,
    response,
  });
  const out: Array<[string, FindingDraft]> = [];
  const valid = ex.request.intent === "valid";
  if (valid && status >= 500 && status !== 501) {
    out.push([
      `5xx:${op.id}`,
      {
        ...base,
        id: "responses.server-error",
        severity: "error",
        title: `${op.id}: Server error — HTTP ${status} on a valid request`,
        evidence: evidence(describeStatus(ex)),
        fix: "Find the failing handler in the logs; a request that matches the spec must not end in a 5xx.",
      },
    ]);
  }
  const documented = documentedResponse(op.responses ?? [], status);
  if (!documented) {
    const list = (op.responses ?? []).map((r) => r.status).join(", ");
    out.push([
      `status:${op.id}:${status}`,
      {
        ...base,
        id: "responses.undocumented-status",
        severity: "warning",
        title: `${op.id}: Undocumented HTTP status code — received ${status}, documented: ${list}`,
        evidence: evidence(describeStatus(ex)),
        fix: `Document the ${status} response in the spec (or a \`default\` response), or stop sending it.`,
      },
    ]);
    return out;
  }
  const contentType = (header(ex, "content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const expected = documented.contentType?.toLowerCase();
  if (expected && contentType && ex.body.length > 0 && !mediaMatches(expected, contentType)) {
    out.push([
      `type:${op.id}:${status}`,
      {
        ...base,
        id: "responses.undocumented-content-type",
        severity: "warning",
        title: `${op.id}: Undocumented Content-Type — received ${contentType} with HTTP ${status}, documented: ${expected}`,
        evidence: evidence(`${describeStatus(ex)}, Content-Type: ${contentType}`),
        fix: "Send the content type the spec documents, or document the one you send.",
      },
    ]);
    return out;
  }
  // A body cut at the read limit is not the whole document: its schema cannot be judged.
  if (!documented.schema || ex.bodyCut || !/json/.test(contentType || expected || "")) return out;
  let body: unknown;
  try {
    body = JSON.parse(ex.body);
  } catch {
    out.push([
      `json:${op.id}:${status}`,
      {
        ...base,
        id: "responses.schema-mismatch",
        severity: status < 300 ? "error" : "warning",
        title: `${op.id}: Response violates schema — the HTTP ${status} body is not valid JSON`,
        evidence: evidence(`${describeStatus(ex)}: ${ex.body.slice(0, 80)}`),
        fix: "Send the JSON body the spec documents.",
      },
    ]);
    return out;
  }
  const why = validator.mismatch(documented.schema, body);
  if (why) {
    out.push([
      `schema:${op.id}:${status}`,
      {
        ...base,
        id: "responses.schema-mismatch",
        severity: status >= 200 && status < 300 ? "error" : "warning",
        title: `${op.id}: Response violates schema — HTTP ${status}: ${why}`,
        evidence: evidence(
          `${describeStatus(ex)}: ${ex.body.length > 120 ? `${ex.body.slice(0, 117)}…` : ex.body}`,
        ),
        fix: "Make the handler return what the spec documents (or correct the spec); clients generated from it will break.",
      },
    ]);
  }
  return out;
}

/** `application/json` matches `application/json`, `application/*`, `*\/*`, and `+json` suffixes for JSON. */
function mediaMatches(expected: string, actual: string): boolean {
  if (expected === actual || expected === "*/*") return true;
  const [type, sub] = expected.split("/");
  if (sub === "*") return actual.startsWith(`${type}/`);
  const json = (t: string) => t === "application/json" || t.endsWith("+json");
  return json(expected) && json(actual);
}

import type { Check } from "../check-context.js";
import { describeRequest, describeStatus, header } from "../prober.js";
import { REFERENCE } from "../reference-links.js";
import type { FindingDraft } from "../types.js";

/** An origin no real deployment allows; only sent as a header value, never contacted. */
const FOREIGN_ORIGIN = "https://audit-foreign-origin.invalid";

/** CORS: wildcard with credentials, reflected arbitrary origins, overly broad preflight answers. */
export const corsCheck: Check = async (ctx) => {
  const url = new URL(ctx.options.target);
  const path = url.pathname + url.search;
  const findings: FindingDraft[] = [];
  const simple = { method: "GET", path, headers: { ...ctx.authHeaders(), origin: FOREIGN_ORIGIN } };
  const res = await ctx.prober.send(simple);
  const allowOrigin = header(res, "access-control-allow-origin");
  const credentials =
    (header(res, "access-control-allow-credentials") ?? "").toLowerCase() === "true";
  const evidence = (r: typeof res) =>
    `${describeStatus(r)}, Access-Control-Allow-Origin: ${header(r, "access-control-allow-origin") ?? "-"}, Access-Control-Allow-Credentials: ${header(r, "access-control-allow-credentials") ?? "-"}`;

  if (allowOrigin === "*" && credentials) {
    findings.push({
      id: "cors.wildcard-with-credentials",
      check: "cors",
      severity: "error",
      title: "Wildcard origin with credentials",
      evidence: { request: describeRequest(simple), response: evidence(res) },
      fix: "Never combine `*` with credentials; allow a fixed list of trusted origins.",
      reference: REFERENCE.cors,
    });
  } else if (allowOrigin === FOREIGN_ORIGIN) {
    findings.push({
      id: "cors.reflected-origin",
      check: "cors",
      severity: credentials ? "error" : "warning",
      title: credentials
        ? "Any origin is reflected, with credentials: any site can read authenticated responses"
        : "Any origin is reflected in Access-Control-Allow-Origin",
      evidence: { request: describeRequest(simple), response: evidence(res) },
      fix: "Compare the Origin header against an allow-list; answer other origins without CORS headers.",
      reference: REFERENCE.cors,
    });
  } else if (allowOrigin === "null") {
    findings.push({
      id: "cors.null-origin",
      check: "cors",
      severity: "warning",
      title: "The `null` origin is allowed (sandboxed iframes and file: pages can read responses)",
      evidence: { request: describeRequest(simple), response: evidence(res) },
      fix: "Do not allow the `null` origin.",
      reference: REFERENCE.cors,
    });
  }

  const preflight = {
    method: "OPTIONS",
    path,
    headers: {
      origin: FOREIGN_ORIGIN,
      "access-control-request-method": "DELETE",
      "access-control-request-headers": "x-audit-probe",
    },
  };
  const pre = await ctx.prober.send(preflight);
  const methods = header(pre, "access-control-allow-methods") ?? "";
  const headers = header(pre, "access-control-allow-headers") ?? "";
  const preOrigin = header(pre, "access-control-allow-origin");
  const allowsForeign = preOrigin === "*" || preOrigin === FOREIGN_ORIGIN;
  if (
    allowsForeign &&
    (methods.trim() === "*" || /\b(TRACE|CONNECT)\b/i.test(methods) || headers.trim() === "*")
  ) {
    findings.push({
      id: "cors.broad-preflight",
      check: "cors",
      severity: "warning",
      title: "Preflight allows any method or header from a foreign origin",
      evidence: {
        request: describeRequest(preflight),
        response: `${describeStatus(pre)}, Allow-Methods: ${methods || "-"}, Allow-Headers: ${headers || "-"}`,
      },
      fix: "List only the methods and headers the API uses, for allowed origins only.",
      reference: REFERENCE.cors,
    });
  }
  return findings;
};

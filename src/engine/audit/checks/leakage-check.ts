import type { Check } from "../check-context.js";
import { describeRequest, describeStatus, header } from "../prober.js";
import { REFERENCE } from "../reference-links.js";
import type { FindingDraft } from "../types.js";
import { findLeaks } from "./leakage-patterns.js";
import { concretePath } from "./request-builder.js";

const FIXES: Record<string, string> = {
  "stack-trace":
    "Log the stack server-side with the request id; answer clients with a generic error envelope.",
  "debug-page":
    "Turn the framework's debug mode off in production (DEBUG=False, NODE_ENV=production, ASPNETCORE_ENVIRONMENT=Production, display_errors=Off) and install a JSON error handler.",
  "sql-error":
    "Catch database errors in the error handler; map them to a generic 500 (or 409 for conflicts) without the driver's text.",
  "file-path": "Do not include file paths in responses; log them instead.",
  "exception-message":
    "Answer unexpected errors with a generic message; keep the exception's text in the logs.",
  "framework-banner":
    "Replace the framework's default error pages with your own JSON error handler.",
  "version-banner":
    "Drop version numbers from error pages and banners (server_tokens off; ServerTokens Prod).",
};

/** Response headers that name a platform version (X-Powered-By itself is reported by the headers check). */
const VERSION_HEADERS = ["x-aspnet-version", "x-aspnetmvc-version", "x-powered-by", "x-generator"];

/**
 * Provokes errors (an unknown path, a malformed path encoding, a quote in a path parameter) and
 * scans every response the audit received so far, HTML and JSON alike, for stack traces, debug
 * pages, database errors, file paths, exception messages and version banners.
 */
export const leakageCheck: Check = async (ctx) => {
  const origin = new URL(ctx.options.target);
  const base = origin.pathname.replace(/\/$/, "");
  const probes = [`${base}/__audit_missing_${Date.now().toString(36)}`, `${base}/%E0%A4%A`];
  const withParam = ctx.options.operations?.find(
    (op) => op.method === "GET" && op.parameters.some((p) => p.in === "path"),
  );
  if (withParam) {
    const param = withParam.parameters.find((p) => p.in === "path")!;
    probes.push(concretePath(origin.pathname, withParam, { name: param.name, value: `1'"` }));
  }
  for (const path of probes) {
    await ctx.prober.send({ method: "GET", path, headers: ctx.authHeaders() });
  }
  const seen = new Set<string>();
  const findings: FindingDraft[] = [];
  const scanned = new Set<string>();
  for (const ex of ctx.prober.exchanges) {
    // Identical bodies (a 404 page, a burst's answers) are read once.
    if (ex.status === undefined || scanned.has(ex.body)) continue;
    scanned.add(ex.body);
    for (const leak of findLeaks(ex.body)) {
      if (seen.has(leak.pattern.id)) continue;
      seen.add(leak.pattern.id);
      findings.push({
        id: `error-leakage.${leak.pattern.id}`,
        check: "error-leakage",
        severity: leak.pattern.severity,
        title: `A response reveals ${leak.pattern.label}`,
        evidence: {
          request: describeRequest(ex.request),
          response: `${describeStatus(ex)}: …${leak.excerpt}…`,
        },
        fix: FIXES[leak.pattern.id] ?? "Do not send internal detail to clients.",
        reference: REFERENCE.errorLeakage,
      });
    }
  }
  const first = ctx.prober.exchanges[0];
  for (const ex of ctx.prober.exchanges) {
    for (const name of VERSION_HEADERS) {
      const value = header(ex, name);
      // X-Powered-By on the first response is the headers check's finding; here: any other version header.
      if (!value || !/\d/.test(value) || seen.has(`header:${name}`)) continue;
      if (name === "x-powered-by" && ex === first) continue;
      seen.add(`header:${name}`);
      findings.push({
        id: "error-leakage.version-header",
        check: "error-leakage",
        severity: "warning",
        title: `The ${name} header reveals a platform version`,
        evidence: {
          request: describeRequest(ex.request),
          response: `${describeStatus(ex)}, ${name}: ${value}`,
        },
        fix: "Remove version headers (ASP.NET: enableVersionHeader=false, MvcHandler.DisableMvcResponseHeader; PHP: expose_php=Off).",
        reference: REFERENCE.errorLeakage,
      });
    }
  }
  return findings;
};

import type { Check } from "../check-context.js";
import { describeRequest, describeStatus } from "../prober.js";
import { REFERENCE } from "../reference-links.js";
import type { Finding } from "../types.js";
import { findLeaks } from "./leakage-patterns.js";

const FIXES: Record<string, string> = {
  "stack-trace":
    "Log the stack server-side with the request id; answer clients with a generic error envelope.",
  "sql-error":
    "Catch database errors in the error handler; map them to a generic 500 (or 409 for conflicts) without the driver's text.",
  "file-path": "Do not include file paths in responses; log them instead.",
  "framework-banner":
    "Replace the framework's default error pages with your own JSON error handler.",
};

/**
 * Provokes errors (an unknown path, a malformed path encoding) and scans every response the audit
 * received so far for stack traces, SQL errors, file paths and framework banners.
 */
export const leakageCheck: Check = async (ctx) => {
  const origin = new URL(ctx.options.target);
  const base = origin.pathname.replace(/\/$/, "");
  for (const path of [`${base}/__audit_missing_${Date.now().toString(36)}`, `${base}/%E0%A4%A`]) {
    await ctx.prober.send({ method: "GET", path, headers: ctx.authHeaders() });
  }
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const ex of ctx.prober.exchanges) {
    if (ex.status === undefined) continue;
    for (const leak of findLeaks(ex.body)) {
      if (seen.has(leak.pattern.id)) continue;
      seen.add(leak.pattern.id);
      findings.push({
        id: `error-leakage.${leak.pattern.id}`,
        check: "error-leakage",
        severity: "error",
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
  return findings;
};

import type { Check } from "../check-context.js";
import { describeRequest, describeStatus } from "../prober.js";
import { REFERENCE } from "../reference-links.js";
import type { FindingDraft } from "../types.js";

const ok = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

/** TRACE must be off; methods the API does not declare must not succeed. */
export const methodsCheck: Check = async (ctx) => {
  const url = new URL(ctx.options.target);
  const path = url.pathname + url.search;
  const findings: FindingDraft[] = [];
  const trace = { method: "TRACE", path, headers: { "x-audit-trace": "echo-check" } };
  const res = await ctx.prober.send(trace);
  if (ok(res.status)) {
    findings.push({
      id: "methods.trace-enabled",
      check: "methods",
      severity: "warning",
      title: "TRACE is enabled",
      evidence: {
        request: describeRequest(trace),
        response: `${describeStatus(res)}${res.body.includes("echo-check") ? ", request echoed back" : ""}`,
      },
      fix: "Reject TRACE (405) at the proxy or framework.",
      reference: REFERENCE.methods,
    });
  }
  // Methods the spec does not declare for a path (or a made-up method without a spec) must not get a 2xx.
  const probes: Array<{ method: string; path: string }> = [];
  if (ctx.options.operations?.length) {
    const byPath = new Map<string, Set<string>>();
    for (const op of ctx.options.operations) {
      if (op.parameters.some((p) => p.in === "path")) continue;
      const set = byPath.get(op.path) ?? new Set<string>();
      set.add(op.method.toUpperCase());
      byPath.set(op.path, set);
    }
    for (const [p, methods] of byPath) {
      const undeclared = ["DELETE", "PUT", "PATCH", "POST"].find((m) => !methods.has(m));
      if (undeclared) probes.push({ method: undeclared, path: joinPath(url.pathname, p) });
      if (probes.length >= 5) break;
    }
  } else {
    probes.push({ method: "FOO", path });
  }
  for (const probe of probes) {
    const req = { ...probe, headers: ctx.authHeaders() };
    const r = await ctx.prober.send(req);
    if (ok(r.status)) {
      findings.push({
        id: "methods.unexpected-accepted",
        check: "methods",
        severity: "warning",
        title: `${probe.method} ${probe.path} succeeds although the API does not declare it`,
        evidence: { request: describeRequest(req), response: describeStatus(r) },
        fix: "Answer undeclared methods with 405 Method Not Allowed (and an Allow header).",
        reference: REFERENCE.methods,
      });
    }
  }
  return findings;
};

/** Join the target's base path and a spec path template with concrete values left as they are. */
export function joinPath(base: string, path: string): string {
  const b = base.replace(/\/$/, "");
  return `${b}${path.startsWith("/") ? "" : "/"}${path}`;
}

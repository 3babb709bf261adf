import { checkRateLimit, planLoad, runLoad } from "../../load/index.js";
import type { Check } from "../check-context.js";
import { describeRequest } from "../prober.js";
import { REFERENCE } from "../reference-links.js";
import type { Finding } from "../types.js";

const CONCURRENCY = 8;

/**
 * A bounded burst to one endpoint must end in 429 with RateLimit-* or Retry-After headers.
 * The burst is the load engine's `--requests N --expect-rate-limit` run, charged to the audit's budget.
 */
export const rateLimitCheck: Check = async (ctx) => {
  const url = ctx.prober.url(ctx.options.rateLimitPath ?? ctx.options.target);
  const burst = Math.min(ctx.options.burst, ctx.prober.remaining());
  // A burst cut short by --max-requests is still judged, and the report says the budget ran out.
  if (burst < ctx.options.burst) ctx.prober.truncated = true;
  if (burst <= 0) return [];
  const headers = Object.entries(ctx.authHeaders()).map(([k, v]) => `${k}: ${v}`);
  const plan = planLoad({
    url: url.toString(),
    headers,
    requests: burst,
    concurrency: Math.min(CONCURRENCY, burst),
    workers: 1,
    timeout: "10s",
    expectRateLimit: true,
  });
  const report = await runLoad(plan, { signal: ctx.signal });
  ctx.prober.charge(report.requests);
  const tally = Object.entries(report.statuses)
    .map(([status, n]) => `${status}×${n}`)
    .concat(Object.entries(report.errors).map(([kind, n]) => `${kind}×${n}`))
    .join(", ");
  const request = `${describeRequest({ method: "GET", path: url.pathname + url.search })} ×${report.requests} (burst, ${plan.concurrency} at a time)`;
  const verdict = checkRateLimit(report);
  if (!verdict.passed) {
    return [
      {
        id: "rate-limit.none",
        check: "rate-limit",
        severity: "warning",
        title: `No rate limiting after a burst of ${report.requests} requests`,
        evidence: { request, response: `statuses: ${tally}; ${verdict.detail}` },
        fix: "Limit requests per client (token bucket at the gateway or middleware) and answer 429 with RateLimit-* / Retry-After.",
        reference: REFERENCE.rateLimit,
      },
    ];
  }
  const limited = report.rateLimit!;
  const before = report.requests - limited.count;
  const findings: Finding[] = [
    {
      id: "rate-limit.active",
      check: "rate-limit",
      severity: "info",
      title: `Rate limiting began after ${before} requests (about ${Math.round(limited.rpsAtStart)} req/s)`,
      evidence: { request, response: `statuses: ${tally}; ${verdict.detail}` },
      fix: "Nothing to fix.",
      reference: REFERENCE.rateLimit,
    },
  ];
  if (Object.keys(limited.headers).length === 0) {
    findings.push({
      id: "rate-limit.no-headers",
      check: "rate-limit",
      severity: "warning",
      title: "429 responses carry no RateLimit-* or Retry-After header",
      evidence: { request, response: "HTTP 429 without RateLimit-* / Retry-After" },
      fix: "Send `Retry-After` (seconds) and the `RateLimit-Limit/Remaining/Reset` headers so clients can back off.",
      reference: REFERENCE.rateLimit,
    });
  }
  return findings;
};

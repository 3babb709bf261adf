import type { Check } from "../check-context.js";
import { describeRequest, header } from "../prober.js";
import { REFERENCE } from "../reference-links.js";
import type { Finding, ProbeExchange } from "../types.js";

const CONCURRENCY = 8;

/**
 * A bounded burst to one endpoint must end in 429 with RateLimit-* or Retry-After headers.
 * Reports the request rate at which limiting began.
 */
export const rateLimitCheck: Check = async (ctx) => {
  const target = ctx.options.rateLimitPath ?? ctx.options.target;
  const url = ctx.prober.url(target);
  const req = { method: "GET", path: url.pathname + url.search, headers: ctx.authHeaders() };
  const burst = Math.min(ctx.options.burst, ctx.prober.remaining());
  // A burst cut short by --max-requests is still judged, and the report says the budget ran out.
  if (burst < ctx.options.burst) ctx.prober.truncated = true;
  if (burst <= 0) return [];
  const started = performance.now();
  let next = 0;
  let firstLimited: { index: number; at: number; exchange: ProbeExchange } | undefined;
  const statuses = new Map<string, number>();
  const worker = async () => {
    while (next < burst && !firstLimited) {
      const index = next++;
      const ex = await ctx.prober.send(req);
      const key = ex.status === undefined ? (ex.error ?? "error") : String(ex.status);
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      if (ex.status === 429 && !firstLimited)
        firstLimited = { index: index + 1, at: performance.now(), exchange: ex };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, burst) }, worker));
  const sent = [...statuses.values()].reduce((a, b) => a + b, 0);
  const tally = [...statuses.entries()].map(([k, v]) => `${k}×${v}`).join(", ");
  const evidenceRequest = `${describeRequest(req)} ×${sent} (burst, ${Math.min(CONCURRENCY, burst)} at a time)`;

  if (!firstLimited) {
    return [
      {
        id: "rate-limit.none",
        check: "rate-limit",
        severity: "warning",
        title: `No rate limiting after a burst of ${sent} requests`,
        evidence: { request: evidenceRequest, response: `statuses: ${tally}` },
        fix: "Limit requests per client (token bucket at the gateway or middleware) and answer 429 with RateLimit-* / Retry-After.",
        reference: REFERENCE.rateLimit,
      },
    ];
  }
  const seconds = Math.max((firstLimited.at - started) / 1000, 0.001);
  const rate = Math.round(firstLimited.index / seconds);
  const ex = firstLimited.exchange;
  const limitHeaders = Object.keys(ex.headers).filter((h) =>
    /^(x-)?ratelimit|^retry-after$/i.test(h),
  );
  const findings: Finding[] = [
    {
      id: "rate-limit.active",
      check: "rate-limit",
      severity: "info",
      title: `Rate limiting began after ${firstLimited.index} requests (about ${rate} req/s)`,
      evidence: {
        request: evidenceRequest,
        response: `statuses: ${tally}; headers on the first 429: ${limitHeaders.map((h) => `${h}: ${header(ex, h)}`).join("; ") || "none"}`,
      },
      fix: "Nothing to fix.",
      reference: REFERENCE.rateLimit,
    },
  ];
  if (limitHeaders.length === 0) {
    findings.push({
      id: "rate-limit.no-headers",
      check: "rate-limit",
      severity: "warning",
      title: "429 responses carry no RateLimit-* or Retry-After header",
      evidence: {
        request: evidenceRequest,
        response: `HTTP 429 without RateLimit-* / Retry-After`,
      },
      fix: "Send `Retry-After` (seconds) and the `RateLimit-Limit/Remaining/Reset` headers so clients can back off.",
      reference: REFERENCE.rateLimit,
    });
  }
  return findings;
};

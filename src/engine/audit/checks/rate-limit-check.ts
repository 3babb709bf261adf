import type { Check, CheckContext } from "../check-context.js";
import type { AuditOperation } from "../operations.js";
import { describeRequest } from "../prober.js";
import { REFERENCE } from "../reference-links.js";
import type { FindingDraft, ProbeExchange, ProbeRequest } from "../types.js";
import { type DeclaredLimit, describeDeclared, readDeclaredLimit } from "./rate-limit-headers.js";
import { validRequest } from "./request-builder.js";

const CONCURRENCY = 8;

/**
 * A bounded burst to the spec's cheapest GET operation (or --rate-limit-path, or the target) must
 * end in 429 with RateLimit-* or Retry-After headers, unless the server declares a limit the burst
 * cannot reach: that is reported with the declared numbers, not as missing.
 */
export const rateLimitCheck: Check = async (ctx) => {
  const probe = burstRequest(ctx);
  const wanted = ctx.options.burst;
  const n = Math.min(wanted, ctx.prober.remaining());
  if (n <= 0) {
    ctx.prober.truncated = true;
    return [];
  }
  const run = await burst(ctx, probe, n);
  if (run.limitedAt === undefined && n < wanted) ctx.prober.truncated = true;
  const sent = run.exchanges.length;
  const elapsed = run.exchanges.at(-1)?.atMs ?? 0;
  const tally = Object.entries(countBy(run.exchanges.map((e) => e.ex.status ?? e.ex.error ?? "?")))
    .map(([status, k]) => `${status}×${k}`)
    .join(", ");
  const request = `${describeRequest(probe)} ×${sent} (burst, ${Math.min(CONCURRENCY, n)} at a time)`;
  const base = { check: "rate-limit" as const, reference: REFERENCE.rateLimit };

  if (run.limitedAt !== undefined) {
    const limited = run.exchanges[run.limitedAt]!;
    const before = run.exchanges.filter((e, i) => i < run.limitedAt! && e.ex.status !== 429).length;
    const declared = readDeclaredLimit(limited.ex.headers);
    const findings: FindingDraft[] = [
      {
        ...base,
        id: "rate-limit.active",
        severity: "info",
        title: `Rate limiting began after ${before} requests (about ${rate(before, limited.atMs)})`,
        evidence: {
          request,
          response: `statuses: ${tally}; first 429 after ${seconds(limited.atMs)}${declared ? `; headers: ${declared.source.join("; ")}` : ""}`,
        },
        fix: "Nothing to fix.",
      },
    ];
    if (!declared) {
      findings.push({
        ...base,
        id: "rate-limit.no-headers",
        severity: "warning",
        title: "429 responses carry no RateLimit-* or Retry-After header",
        evidence: {
          request,
          response: "HTTP 429 without RateLimit / RateLimit-Policy / X-RateLimit-* / Retry-After",
        },
        fix: "Send `Retry-After` (seconds) and `RateLimit-Policy` / `RateLimit` so clients can back off.",
      });
    }
    return findings;
  }

  const declared =
    lastDeclared(run.exchanges.map((e) => e.ex)) ?? lastDeclared(ctx.prober.exchanges);
  const response = `statuses: ${tally} in ${seconds(elapsed)}`;
  if (declared?.limit !== undefined) {
    const exhausted = declared.remaining !== undefined && declared.remaining <= 0;
    if (declared.limit > sent && !exhausted) {
      return [
        {
          ...base,
          id: "rate-limit.declared",
          severity: "info",
          title: `The declared limit (${describeDeclared(declared)}) is above the burst of ${sent}; it was not exceeded`,
          evidence: { request, response: `${response}; ${declared.source.join("; ")}` },
          fix: `Nothing to fix; raise --burst above ${declared.limit} to see the limiter answer 429.`,
        },
      ];
    }
    return [
      {
        ...base,
        id: "rate-limit.not-enforced",
        severity: "warning",
        title: `The API declares ${describeDeclared(declared)} but answered all ${sent} requests of the burst without 429`,
        evidence: { request, response: `${response}; ${declared.source.join("; ")}` },
        fix: "Enforce the limit the headers announce (answer 429 with Retry-After once it is used up).",
      },
    ];
  }
  return [
    {
      ...base,
      id: "rate-limit.none",
      severity: "warning",
      title: `No rate limiting after a burst of ${sent} requests (about ${rate(sent, elapsed)})`,
      evidence: {
        request,
        response: `${response}; no 429 and no RateLimit / X-RateLimit-* header`,
      },
      fix: "Limit requests per client (token bucket at the gateway or middleware) and answer 429 with RateLimit-Policy / Retry-After.",
    },
  ];
};

interface Timed {
  ex: ProbeExchange;
  /** When the response arrived, in ms since the burst started. */
  atMs: number;
}

/** `n` requests, CONCURRENCY at a time; no new request once a 429 has arrived. Responses in arrival order. */
async function burst(
  ctx: CheckContext,
  probe: ProbeRequest,
  n: number,
): Promise<{ exchanges: Timed[]; limitedAt?: number }> {
  const started = performance.now();
  const exchanges: Timed[] = [];
  let limitedAt: number | undefined;
  let next = 0;
  const worker = async () => {
    while (next < n && limitedAt === undefined) {
      next += 1;
      const ex = await ctx.prober.send(probe);
      exchanges.push({ ex, atMs: performance.now() - started });
      if (ex.status === 429 && limitedAt === undefined) limitedAt = exchanges.length - 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, n) }, worker));
  return { exchanges, limitedAt };
}

/** The request the burst repeats: the flag's path, else the cheapest GET of the spec, else the target. */
function burstRequest(ctx: CheckContext): ProbeRequest {
  const target = new URL(ctx.options.target);
  const headers = ctx.authHeaders();
  if (ctx.options.rateLimitPath !== undefined)
    return { method: "GET", path: ctx.options.rateLimitPath, headers };
  const gets = (ctx.options.operations ?? []).filter((op) => op.method === "GET");
  const cheapest = gets.sort((a, b) => cost(a, ctx) - cost(b, ctx))[0];
  if (cheapest)
    return {
      ...validRequest(target.pathname, cheapest, headers),
      operationId: cheapest.id,
      intent: "valid",
    };
  return { method: "GET", path: target.pathname + target.search, headers };
}

/** Fewer parameters to fill is cheaper; a secured operation without a credential only measures the 401 path. */
function cost(op: AuditOperation, ctx: CheckContext): number {
  const required = op.parameters.filter((p) => p.required).length;
  const secured = op.secured && !ctx.options.auth ? 10 : 0;
  return required * 2 + secured + op.path.split("/").length * 0.01;
}

function lastDeclared(exchanges: ProbeExchange[]): DeclaredLimit | undefined {
  for (let i = exchanges.length - 1; i >= 0; i--) {
    const d = readDeclaredLimit(exchanges[i]!.headers);
    if (d) return d;
  }
  return undefined;
}

function countBy(values: Array<string | number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}

/** A rate that stays honest for bursts shorter than a second: count over the measured milliseconds. */
export function rate(requests: number, ms: number): string {
  if (requests === 0) return "0 req/s";
  const perSecond = requests / (Math.max(ms, 1) / 1000);
  return `${perSecond >= 10 ? Math.round(perSecond) : perSecond.toFixed(1)} req/s`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

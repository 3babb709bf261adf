import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import {
  type Gates,
  judgeRun,
  parseFailOn,
  planLoad,
  runLoad,
} from "../../../../engine/load/index.js";
import { percentileLine, runHeadline, verdictLines } from "../../../../report/load-report-text.js";
import { resolveSlo } from "../../../../report/slo-target.js";
import { assertTargetAllowed, LIMITS, type McpPolicy } from "../policy.js";
import { guarded, toolResult } from "../result.js";

const L = LIMITS.load;

const inputSchema = {
  url: z
    .string()
    .max(2048)
    .describe(
      "target URL, e.g. http://127.0.0.1:3000/health (loopback only unless the server allows the host)",
    ),
  method: z
    .enum(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
    .default("GET")
    .describe("HTTP method"),
  headers: z
    .array(z.string().max(8192))
    .max(32)
    .optional()
    .describe(
      'request headers as "Name: Value" lines (Authorization values are masked in the result)',
    ),
  body: z
    .string()
    .max(1_000_000)
    .optional()
    .describe("request body (JSON gets content-type application/json)"),
  concurrency: z
    .number()
    .int()
    .min(1)
    .max(L.maxConcurrency)
    .optional()
    .describe(`connections, closed loop (default 10, at most ${L.maxConcurrency})`),
  durationSeconds: z
    .number()
    .positive()
    .max(L.maxDurationSeconds)
    .default(L.defaultDurationSeconds)
    .describe(
      `measured seconds (default ${L.defaultDurationSeconds}, at most ${L.maxDurationSeconds})`,
    ),
  requests: z
    .number()
    .int()
    .min(1)
    .max(L.maxRequests)
    .optional()
    .describe(`stop after this many measured requests (at most ${L.maxRequests})`),
  rate: z
    .number()
    .positive()
    .max(L.maxRate)
    .optional()
    .describe(`open loop: requests per second (at most ${L.maxRate})`),
  timeoutSeconds: z
    .number()
    .positive()
    .max(L.maxTimeoutSeconds)
    .optional()
    .describe(`per-request timeout in seconds (default 10, at most ${L.maxTimeoutSeconds})`),
  expectStatus: z
    .number()
    .int()
    .min(100)
    .max(599)
    .optional()
    .describe("pass only when every response has this status"),
  expectRateLimit: z.boolean().optional().describe("pass only when the target answers 429"),
  failOn: z.string().max(200).optional().describe('gates, e.g. "p99>250ms,errors>1%,rps<500"'),
  slo: z
    .string()
    .max(4096)
    .optional()
    .describe(
      "judge latency against a profile's SLO floor (profile name) or a grill transcript (path)",
    ),
};

const outputSchema = z.looseObject({
  passed: z.boolean(),
  report: z
    .unknown()
    .describe("requests, rps, error rate, latency percentiles (ms), statuses, errors, timeline"),
  verdict: z.unknown(),
  recommendations: z.array(z.unknown()),
});

export function registerLoadTool(server: McpServer, policy: McpPolicy): void {
  server.registerTool(
    "load",
    {
      title: "HTTP load test",
      description: `Load an HTTP endpoint and report throughput (req/s), latency percentiles (ms, P50/P95/P99), errors, a verdict against gates and scaling recommendations. Bounded: at most ${L.maxDurationSeconds} s, ${L.maxConcurrency} connections, ${L.maxRequests} requests; only loopback targets unless the server was started with --allow-host.`,
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: false, openWorldHint: true },
    },
    (args, extra) =>
      guarded(extra.signal, LIMITS.callSeconds + args.durationSeconds, async (signal) => {
        assertTargetAllowed(policy, args.url, "url");
        const plan = planLoad({
          url: args.url,
          method: args.method,
          headers: args.headers,
          body: args.body,
          concurrency: args.concurrency,
          duration: String(args.durationSeconds),
          requests: args.requests,
          rate: args.rate,
          timeout: args.timeoutSeconds,
          expectStatus: args.expectStatus,
          expectRateLimit: args.expectRateLimit,
        });
        const gates: Gates = {
          failOn: args.failOn ? parseFailOn(args.failOn) : undefined,
          expectRateLimit: args.expectRateLimit,
          expectStatus: plan.expectStatus,
          slo: args.slo ? await resolveSlo(args.slo, policy.profilesDir) : undefined,
        };
        const outcome = judgeRun(await runLoad(plan, { signal }), gates);
        const { report } = outcome;
        const text = [
          runHeadline(report),
          `${report.requests} requests, ${report.rps.toFixed(1)} req/s, ${(report.errorRate * 100).toFixed(2)}% failed`,
          percentileLine(report.latency.success, "no successful responses"),
          ...verdictLines(outcome),
        ].join("\n");
        return toolResult(text, {
          passed: outcome.verdict.passed,
          report,
          verdict: outcome.verdict,
          recommendations: outcome.recommendations,
        });
      }),
  );
}

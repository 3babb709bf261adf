import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import {
  type AuditOperation,
  failsGate,
  operationsFromSpec,
  parseTarget,
  runAudit,
} from "../../../../engine/audit/index.js";
import { assertTargetAllowed, LIMITS, type McpPolicy } from "../policy.js";
import { guarded, toolResult } from "../result.js";

const A = LIMITS.audit;

const CHECKS = [
  "headers",
  "cors",
  "methods",
  "auth",
  "input-validation",
  "error-leakage",
  "cookies",
  "rate-limit",
] as const;

const inputSchema = {
  url: z
    .string()
    .max(2048)
    .describe(
      "base URL of the running API, e.g. http://127.0.0.1:3000 (loopback only unless the server allows the host)",
    ),
  spec: z
    .string()
    .max(4096)
    .optional()
    .describe("path of an OpenAPI spec: negative requests are derived from every operation"),
  auth: z
    .string()
    .max(8192)
    .optional()
    .describe('Authorization header value, e.g. "Bearer eyJ…" (masked in the result)'),
  only: z.array(z.enum(CHECKS)).min(1).optional().describe("run only these checks"),
  failOn: z
    .enum(["warning", "error"])
    .default("error")
    .describe("`failed` is true when a finding is at or above this severity"),
  maxRequests: z
    .number()
    .int()
    .min(1)
    .max(A.maxRequests)
    .default(A.defaultMaxRequests)
    .describe(`never send more than this many requests (at most ${A.maxRequests})`),
  burst: z
    .number()
    .int()
    .min(1)
    .max(A.maxBurst)
    .default(A.defaultBurst)
    .describe(`requests in the rate-limit burst (at most ${A.maxBurst})`),
  rateLimitPath: z
    .string()
    .max(2048)
    .optional()
    .describe("path (or URL on an allowed host) the rate-limit burst goes to"),
  timeoutSeconds: z
    .number()
    .positive()
    .max(A.maxTimeoutSeconds)
    .default(A.defaultTimeoutSeconds)
    .describe(`per-request timeout in seconds (at most ${A.maxTimeoutSeconds})`),
};

const outputSchema = z.looseObject({
  failed: z.boolean(),
  failOn: z.enum(["warning", "error"]),
  counts: z.object({ info: z.number(), warning: z.number(), error: z.number() }),
  requestsSent: z.number(),
  findings: z.array(z.unknown()),
  report: z.unknown(),
});

export function registerAuditTool(server: McpServer, policy: McpPolicy): void {
  server.registerTool(
    "audit",
    {
      title: "Security audit of a running API",
      description: `Probe a running API for the security basics: headers, CORS, methods, auth, input validation, error leakage, cookies, rate limiting. Findings with severity, evidence and fix. Bounded by maxRequests (at most ${A.maxRequests}); only loopback targets unless the server was started with --allow-host.`,
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: false, openWorldHint: true },
    },
    (args, extra) =>
      guarded(extra.signal, LIMITS.callSeconds, async (signal) => {
        assertTargetAllowed(policy, args.url, "url");
        if (args.rateLimitPath && /^[a-z][a-z0-9+.-]*:/i.test(args.rateLimitPath))
          assertTargetAllowed(policy, args.rateLimitPath, "rateLimitPath");
        const target = parseTarget(args.url);
        let operations: AuditOperation[] | undefined;
        let expectsAsymmetricJwt = false;
        if (args.spec) ({ operations, expectsAsymmetricJwt } = await operationsFromSpec(args.spec));
        const report = await runAudit({
          target,
          spec: args.spec,
          operations,
          expectsAsymmetricJwt,
          auth: args.auth,
          burst: args.burst,
          rateLimitPath: args.rateLimitPath,
          maxRequests: args.maxRequests,
          timeoutMs: args.timeoutSeconds * 1000,
          only: args.only,
          signal,
        });
        const failed = failsGate(report, args.failOn);
        const c = report.counts;
        const top = report.findings.slice(0, 5).map((f) => `  ${f.severity.padEnd(7)} ${f.title}`);
        const text = [
          `audit ${report.target}: ${c.error} error(s), ${c.warning} warning(s), ${c.info} info; ${report.requestsSent} requests${report.stoppedEarly ? ` (stopped early: ${report.stoppedEarly})` : ""}`,
          ...top,
          report.findings.length > top.length
            ? `  … ${report.findings.length - top.length} more in structuredContent.findings`
            : "",
          failed
            ? `failed: findings at or above ${args.failOn}`
            : `passed: nothing at or above ${args.failOn}`,
        ]
          .filter(Boolean)
          .join("\n");
        return toolResult(text, {
          failed,
          failOn: args.failOn,
          counts: c,
          requestsSent: report.requestsSent,
          findings: report.findings,
          report: { ...report, findings: undefined },
        });
      }),
  );
}

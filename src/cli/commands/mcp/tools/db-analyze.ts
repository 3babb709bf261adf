import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { analyzeDatabase, failsAt } from "../../../../engine/schema/index.js";
import { connectionArgument, openDatabase, schemasArgument } from "../db-connection.js";
import { LIMITS } from "../policy.js";
import { guarded, toolResult } from "../result.js";

const inputSchema = {
  connection: connectionArgument,
  schemas: schemasArgument,
  excludeSchemas: schemasArgument.describe("leave these schemas out"),
  failOn: z
    .enum(["warning", "error"])
    .optional()
    .describe("`failed` is true when a finding is at or above this severity"),
};

const outputSchema = z.looseObject({
  database: z.string(),
  failed: z.boolean(),
  counts: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
  findings: z.array(z.unknown()),
  checks: z.array(z.unknown()),
  skipped: z.array(z.unknown()),
});

export function registerDbAnalyzeTool(server: McpServer): void {
  server.registerTool(
    "db_analyze",
    {
      title: "Analyze a PostgreSQL schema",
      description:
        "Read-only: missing foreign-key indexes, redundant/unused/invalid indexes, column type smells, missing primary keys, sequence overflow, N+1 candidates, each with why, a fix and a guide.",
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args, extra) =>
      guarded(extra.signal, LIMITS.callSeconds, async (signal) => {
        const db = await openDatabase(args.connection, "db_analyze");
        try {
          const result = await analyzeDatabase(db, {
            schemas: args.schemas,
            excludeSchemas: args.excludeSchemas,
            signal,
          });
          const failed = args.failOn ? failsAt(result, args.failOn) : false;
          const c = result.counts;
          const text = [
            `analyzed ${result.database}: ${c.error} error(s), ${c.warning} warning(s), ${c.info} info`,
            ...result.findings
              .slice(0, 8)
              .map((f) => `  ${f.severity.padEnd(7)} ${f.object}: ${f.title}`),
            result.findings.length > 8
              ? `  … ${result.findings.length - 8} more in structuredContent.findings`
              : "",
            args.failOn
              ? failed
                ? `failed: findings at or above ${args.failOn}`
                : `passed: nothing at or above ${args.failOn}`
              : "",
          ]
            .filter(Boolean)
            .join("\n");
          return toolResult(text, {
            database: result.database,
            failed,
            counts: result.counts,
            findings: result.findings,
            checks: result.checks,
            skipped: result.skipped,
            statsSince: result.statsSince,
          });
        } finally {
          await db.close().catch(() => {});
        }
      }),
  );
}

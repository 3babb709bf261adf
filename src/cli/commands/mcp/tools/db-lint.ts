import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { lintFails, lintMigrationText, lintPath } from "../../../../engine/schema/index.js";
import { UserError } from "../../../../engine/shared/index.js";
import { LIMITS } from "../policy.js";
import { guarded, toolResult } from "../result.js";

const inputSchema = {
  path: z
    .string()
    .max(4096)
    .optional()
    .describe("a migration .sql file, or a folder of them (linted in name order)"),
  sql: z
    .string()
    .max(1_000_000)
    .optional()
    .describe("migration SQL to lint directly (instead of `path`)"),
  failOn: z
    .enum(["warning", "error"])
    .default("error")
    .describe("`failed` is true when a finding is at or above this severity"),
};

const outputSchema = z.looseObject({
  failed: z.boolean(),
  failOn: z.enum(["warning", "error"]),
  files: z.array(z.string()),
  counts: z.object({ warning: z.number(), error: z.number() }),
  findings: z
    .array(z.unknown())
    .describe(
      "rule id, severity, hazard, file, line, statement, message, doc (docs/db-rules/<id>.md)",
    ),
});

export function registerDbLintTool(server: McpServer): void {
  server.registerTool(
    "db_lint",
    {
      title: "Lint hand-written migrations",
      description:
        "Apply the hazard rules of generated plans to hand-written SQL: table rewrites, locks on big tables, non-concurrent index builds, NOT NULL without a default, type changes, missing lock_timeout … Each finding names its rule and the page that explains it. Reads only.",
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args, extra) =>
      guarded(extra.signal, LIMITS.callSeconds, async () => {
        if (Boolean(args.path) === Boolean(args.sql)) {
          throw new UserError("db_lint needs `path` (a file or folder) or `sql`, one of them", {
            hint: 'e.g. {"path": "migrations/"}',
          });
        }
        const result = args.path
          ? await lintPath(args.path)
          : await (async () => {
              const findings = await lintMigrationText(args.sql as string, "(sql)");
              const count = (s: "warning" | "error") =>
                findings.filter((f) => f.severity === s).length;
              return {
                files: ["(sql)"],
                findings,
                counts: { warning: count("warning"), error: count("error") },
              };
            })();
        const failed = lintFails(result, args.failOn);
        const lines = [
          `linted ${result.files.length} file(s): ${result.counts.error} error(s), ${result.counts.warning} warning(s)`,
          ...result.findings
            .slice(0, 8)
            .map((f) => `  ${f.severity.padEnd(7)} ${f.file}:${f.line} [${f.rule}] ${f.message}`),
          result.findings.length > 8
            ? `  … ${result.findings.length - 8} more in structuredContent.findings`
            : "",
          failed
            ? `failed: findings at or above ${args.failOn}`
            : `passed: nothing at or above ${args.failOn}`,
        ];
        return toolResult(lines.filter(Boolean).join("\n"), {
          failed,
          failOn: args.failOn,
          ...result,
        });
      }),
  );
}

import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import {
  compareSources,
  resolveConnectionString,
  type SchemaChange,
} from "../../../../engine/schema/index.js";
import { redactConnectionString, UserError } from "../../../../engine/shared/index.js";
import { connectionArgument, schemasArgument } from "../db-connection.js";
import { LIMITS } from "../policy.js";
import { guarded, toolResult } from "../result.js";

const source = (side: string) =>
  z
    .string()
    .max(4096)
    .describe(
      `${side}: a postgres:// URL, a .sql file, a folder of migrations, or a snapshot .json`,
    );

const inputSchema = {
  connection: connectionArgument.describe(
    "the live database as the old side (default: the server's DATABASE_URL); ignored when `from` is given",
  ),
  from: source("old side (instead of `connection`)").optional(),
  to: source("new side, the schema you want"),
  renames: z
    .array(z.string().max(300))
    .max(100)
    .optional()
    .describe("confirmed renames: [schema.]table=new or [schema.]table.column=new"),
  allowDestructive: z
    .boolean()
    .default(false)
    .describe("plan changes that lose data (drops, narrowing types)"),
  schemas: schemasArgument,
  excludeSchemas: schemasArgument.describe("leave these schemas out"),
};

const outputSchema = z.looseObject({
  from: z.string(),
  to: z.string(),
  changes: z.array(z.unknown()),
  destructive: z.array(z.string()),
  refused: z.array(z.string()),
  renameCandidates: z.array(z.unknown()),
  migration: z.unknown().describe("{name, fileName, text} of the planned migration, or null"),
});

function describe(c: SchemaChange): string {
  const verb = c.change === "removed" ? "drop" : "change";
  return `${verb} ${c.kind} ${[c.schema, c.table, c.name].filter(Boolean).join(".")}`;
}

export function registerDbCompareTool(server: McpServer): void {
  server.registerTool(
    "db_compare",
    {
      title: "Compare schemas and plan a migration",
      description:
        "Diff the database (or `from`) to `to` and plan the migration: ordered changes, hazards, rename candidates and the up/down SQL. Plan only: nothing is written or applied.",
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args, extra) =>
      guarded(extra.signal, LIMITS.callSeconds, async (signal) => {
        const fromSpec = args.from ?? resolveConnectionString(args.connection);
        if (!fromSpec)
          throw new UserError("db_compare needs an old side", {
            hint: "pass `connection` (the live database) or `from` (a .sql file, folder or snapshot)",
          });
        const result = await compareSources(fromSpec, args.to, {
          filters: { include: args.schemas, exclude: args.excludeSchemas },
          renames: args.renames,
          allowDestructive: args.allowDestructive,
          signal,
        });
        const { diff, plan } = result;
        const planned = diff.changes.length > 0 && diff.refused.length === 0;
        const lines = [
          `${redactConnectionString(result.from.label)} → ${redactConnectionString(result.to.label)}: ${diff.changes.length} change(s)${diff.destructive.length ? `, ${diff.destructive.length} destructive` : ""}`,
        ];
        if (diff.refused.length > 0) {
          lines.push(
            `refused (destructive): ${diff.refused.map(describe).join(", ")}`,
            diff.renameCandidates.length > 0
              ? `if it is a rename, pass renames: ${diff.renameCandidates.map((r) => r.flag.replace(/^--rename\s+/, "")).join(", ")}; else allowDestructive: true`
              : "pass allowDestructive: true to plan a migration that drops data",
          );
        } else if (planned)
          lines.push(
            `planned migration ${plan.fileName} (SQL in structuredContent.migration.text)`,
          );
        else lines.push("no differences");
        return toolResult(lines.join("\n"), {
          from: redactConnectionString(result.from.label),
          to: redactConnectionString(result.to.label),
          changes: diff.changes,
          destructive: diff.destructive.map((c) => c.id),
          refused: diff.refused.map((c) => c.id),
          renameCandidates: diff.renameCandidates,
          migration: planned ? { name: plan.name, fileName: plan.fileName, text: plan.text } : null,
        });
      }),
  );
}

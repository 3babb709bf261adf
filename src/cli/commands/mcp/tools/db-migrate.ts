import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { runMigration } from "../../../../engine/schema/index.js";
import { UserError } from "../../../../engine/shared/index.js";
import { connectionArgument, openDatabase } from "../db-connection.js";
import { LIMITS, type McpPolicy } from "../policy.js";
import { guarded, toolResult } from "../result.js";

const inputSchema = {
  connection: connectionArgument,
  file: z
    .string()
    .max(4096)
    .describe("the migration file (as written by db_compare / `db --compare --output`)"),
  direction: z
    .enum(["up", "down"])
    .default("up")
    .describe("up applies the migration, down reverts it"),
  dryRun: z
    .boolean()
    .default(true)
    .describe(
      "run inside a transaction that is rolled back and report what would change and which locks it takes (false applies for real, only when the server was started with --allow-apply)",
    ),
  lockTimeoutSeconds: z
    .number()
    .min(0)
    .max(LIMITS.db.maxLockTimeoutSeconds)
    .default(10)
    .describe(
      `seconds to wait for another run's migration lock (at most ${LIMITS.db.maxLockTimeoutSeconds})`,
    ),
};

const outputSchema = z.looseObject({
  status: z.enum(["applied", "dry-run", "already-applied", "not-applied"]),
  dryRun: z.boolean(),
  message: z.string(),
  changes: z.array(z.unknown()).optional(),
  locks: z.array(z.unknown()).optional(),
  units: z.array(z.unknown()),
  notes: z.array(z.string()),
});

export function registerDbMigrateTool(server: McpServer, policy: McpPolicy): void {
  server.registerTool(
    "db_migrate",
    {
      title: "Run a migration (dry run by default)",
      description: `Run a migration file's up or down part. A dry run (the default${policy.allowApply ? "" : ", and the only mode this server allows"}) executes it inside a transaction that is rolled back and reports the catalog changes and the locks taken.`,
      inputSchema,
      outputSchema,
      annotations: {
        readOnlyHint: !policy.allowApply,
        destructiveHint: policy.allowApply,
        openWorldHint: false,
      },
    },
    (args, extra) =>
      guarded(extra.signal, LIMITS.callSeconds + args.lockTimeoutSeconds, async (signal) => {
        if (!args.dryRun && !policy.allowApply) {
          throw new UserError(
            "this server only runs migrations as dry runs: it was started without --allow-apply",
            {
              hint: "call again with dryRun: true, or ask the operator to restart it with `senior-backend mcp --allow-apply`",
            },
          );
        }
        const db = await openDatabase(args.connection, "db_migrate");
        try {
          const result = await runMigration(db, {
            file: args.file,
            direction: args.direction,
            dryRun: args.dryRun,
            lockTimeoutMs: args.lockTimeoutSeconds * 1000,
            signal,
          });
          const lines = [result.message];
          if (result.changes)
            lines.push(
              `would change: ${result.changes.map((c) => `${c.change} ${c.kind} ${c.name}`).join(", ") || "nothing in the schema"}`,
            );
          if (result.locks) {
            const blocking = result.locks.filter((l) => !l.createdByMigration);
            lines.push(
              `locks on existing tables: ${blocking.map((l) => `${l.mode} on ${l.relation}`).join(", ") || "none"}`,
            );
          }
          const skipped = result.units.filter((u) => u.outcome === "skipped-dry-run").length;
          if (skipped)
            lines.push(
              `${skipped} part(s) run outside a transaction were not executed by the dry run`,
            );
          lines.push(...result.notes.map((n) => `note: ${n}`));
          return toolResult(lines.join("\n"), { ...result });
        } finally {
          await db.close().catch(() => {});
        }
      }),
  );
}

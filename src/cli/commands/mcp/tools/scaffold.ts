import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import {
  FRAMEWORKS,
  generate,
  loadSpec,
  scaffoldFromDb,
} from "../../../../engine/scaffold/index.js";
import { UserError } from "../../../../engine/shared/index.js";
import { fromDbJson } from "../../../../report/scaffold-from-db-text.js";
import { scaffoldResultJson, scaffoldSummary } from "../../../../report/scaffold-result-text.js";
import { connectionArgument } from "../db-connection.js";
import { LIMITS } from "../policy.js";
import { guarded, toolResult } from "../result.js";

const inputSchema = {
  spec: z
    .string()
    .max(4096)
    .optional()
    .describe("OpenAPI 3.0/3.1 spec file (YAML or JSON) to generate from"),
  fromDb: z
    .boolean()
    .default(false)
    .describe(
      "generate CRUD routes for every table of the database in `connection` instead of a spec",
    ),
  connection: connectionArgument,
  framework: z.enum(FRAMEWORKS).default("express").describe("framework of the generated code"),
  outputDir: z
    .string()
    .min(1)
    .max(4096)
    .describe(
      "folder the files go to, e.g. src/routes/ (created if missing; user-owned files are never overwritten)",
    ),
  check: z
    .boolean()
    .default(false)
    .describe("write nothing; report whether the generated files are out of date"),
};

const outputSchema = z.looseObject({
  mode: z.string(),
  framework: z.enum(FRAMEWORKS),
  outputDir: z.string(),
  upToDate: z.boolean(),
  summary: z.string(),
  handlers: z.number(),
  files: z.array(z.unknown()),
});

export function registerScaffoldTool(server: McpServer): void {
  server.registerTool(
    "scaffold",
    {
      title: "Scaffold routes, validation and types",
      description:
        "Generate Express, Fastify or Koa routes, request validation and TypeScript types from an OpenAPI spec, or CRUD routes from a PostgreSQL database (fromDb). Tool-owned files are rewritten; user-owned handlers are created once and never overwritten.",
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
    },
    (args, extra) =>
      guarded(extra.signal, LIMITS.callSeconds, async (signal) => {
        if (args.fromDb === Boolean(args.spec)) {
          throw new UserError(
            args.fromDb
              ? "give `spec` or `fromDb`, not both"
              : "scaffold needs `spec` (an OpenAPI file) or `fromDb: true`",
            {
              hint: 'e.g. {"spec": "openapi.yaml", "framework": "express", "outputDir": "src/routes/"}',
            },
          );
        }
        if (args.fromDb) {
          const result = await scaffoldFromDb({
            connectionString: args.connection,
            framework: args.framework,
            outputDir: args.outputDir,
            check: args.check,
            signal,
          });
          const doc = fromDbJson(result, args.check);
          return toolResult(
            `${doc.summary} from ${result.tables.length} table(s) into ${args.outputDir}${args.check ? (doc.upToDate ? " (up to date)" : " (out of date)") : ""}`,
            doc,
          );
        }
        const spec = args.spec as string;
        const { model } = await loadSpec(spec, { signal });
        if (model.operations.length === 0) {
          throw new UserError(`${spec} has no operations under "paths"`, {
            hint: "add at least one path with a method, e.g. `/users: { get: … }`",
          });
        }
        const result = await generate(model, {
          framework: args.framework,
          outputDir: args.outputDir,
          check: args.check,
          signal,
        });
        const changed = result.files.filter(
          (f) => f.status === "written" || f.status === "created",
        ).length;
        const text = args.check
          ? `${result.outOfDate ? "out of date" : "up to date"}: ${changed} file(s) would change in ${args.outputDir}`
          : `${scaffoldSummary(result)} (${args.framework}, ${changed} file(s) written or created in ${args.outputDir})`;
        return toolResult(
          text,
          scaffoldResultJson(result, { mode: "openapi", input: spec, check: args.check }),
        );
      }),
  );
}

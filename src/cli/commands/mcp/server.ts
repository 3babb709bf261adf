import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { packageVersion } from "../../../engine/shared/index.js";
import type { McpPolicy } from "./policy.js";
import { registerReviewPrompt } from "./prompt.js";
import { registerResources } from "./resources.js";
import { registerAuditTool } from "./tools/audit.js";
import { registerDbAnalyzeTool } from "./tools/db-analyze.js";
import { registerDbCompareTool } from "./tools/db-compare.js";
import { registerDbLintTool } from "./tools/db-lint.js";
import { registerDbMigrateTool } from "./tools/db-migrate.js";
import { registerDecideTool } from "./tools/decide.js";
import { registerGrillTool } from "./tools/grill.js";
import { registerLoadTool } from "./tools/load.js";
import { registerScaffoldTool } from "./tools/scaffold.js";

const INSTRUCTIONS = `senior-backend: what a senior backend colleague brings to a new service.
Start with the grill (or the backend-review prompt), then decide; the review names the next tools: scaffold (OpenAPI → routes), db_analyze / db_compare / db_migrate / db_lint (PostgreSQL), load (HTTP load test), audit (security basics of a running API).
load and audit reach only loopback targets unless the operator allowed a host; db_migrate is a dry run unless the server was started with --allow-apply.`;

/** The agent server: one tool per capability, the references and profiles as resources, the review prompt. */
export function createMcpServer(policy: McpPolicy): McpServer {
  const server = new McpServer(
    { name: "senior-backend", version: packageVersion() },
    { instructions: INSTRUCTIONS },
  );
  registerGrillTool(server, policy);
  registerDecideTool(server, policy);
  registerLoadTool(server, policy);
  registerDbAnalyzeTool(server);
  registerDbCompareTool(server);
  registerDbMigrateTool(server, policy);
  registerDbLintTool(server);
  registerScaffoldTool(server);
  registerAuditTool(server, policy);
  registerResources(server, policy);
  registerReviewPrompt(server);
  return server;
}

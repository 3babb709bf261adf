import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { Command } from "commander";
import { DEFAULT_TRANSCRIPT_DIR } from "../../../engine/grill/index.js";
import { action } from "../../action.js";
import type { CliContext } from "../../context.js";
import { EXIT, isInteractive, writeStatus } from "../../output.js";
import { normaliseAllowedHost } from "./policy.js";
import { createMcpServer } from "./server.js";

interface McpFlags {
  allowHost: string[];
  allowApply?: boolean;
  profilesDir?: string;
  transcriptDir: string;
}

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  normaliseAllowedHost(value),
];

export function registerMcpCommand(program: Command, ctx: CliContext): void {
  program
    .command("mcp")
    .description("serve the tools to an agent host over MCP (stdio)")
    .option(
      "--allow-host <host>",
      "let load and audit reach HOST (or HOST:PORT) besides loopback (repeatable)",
      collect,
      [],
    )
    .option("--allow-apply", "let db_migrate apply migrations (otherwise dry runs only)")
    .option(
      "--profiles-dir <dir>",
      "profiles for grill/decide and the profiles resources (default: the bundled ones)",
    )
    .option(
      "--transcript-dir <dir>",
      "where finished grill transcripts are written",
      DEFAULT_TRANSCRIPT_DIR,
    )
    .action(action((flags: McpFlags) => serve(flags, ctx)));
}

async function serve(flags: McpFlags, ctx: CliContext): Promise<number> {
  const server = createMcpServer({
    allowHosts: flags.allowHost,
    allowApply: Boolean(flags.allowApply),
    profilesDir: flags.profilesDir,
    transcriptDir: flags.transcriptDir,
  });
  if (isInteractive()) {
    writeStatus(
      "senior-backend mcp: serving MCP on stdin/stdout (an agent host starts this; Ctrl+C stops it)",
    );
  }
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((done) => {
    transport.onclose = done;
    process.stdin.once("end", done);
    ctx.signal.addEventListener("abort", () => done(), { once: true });
  });
  await server.connect(transport);
  await closed;
  await server.close().catch(() => {});
  return ctx.signal.aborted ? EXIT.interrupted : EXIT.ok;
}

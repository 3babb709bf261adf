import type { Command } from "commander";
import type { CliContext } from "../context.js";

type Register = (program: Command, ctx: CliContext) => void;

/**
 * Every tool's command, in help order. Modules load lazily: a run of one command loads only that
 * command's module (and its engine), so `senior-backend load …` does not pay for the schema engine.
 */
const COMMANDS: Array<{ name: string; load: () => Promise<Register> }> = [
  { name: "grill", load: async () => (await import("./grill.js")).registerGrillCommand },
  { name: "decide", load: async () => (await import("./decide.js")).registerDecideCommand },
  { name: "load", load: async () => (await import("./load.js")).registerLoadCommand },
  { name: "db", load: async () => (await import("./db/index.js")).registerDbCommand },
  {
    name: "scaffold",
    load: async () => (await import("./scaffold/index.js")).registerScaffoldCommand,
  },
  { name: "audit", load: async () => (await import("./audit.js")).registerAuditCommand },
  { name: "review", load: async () => (await import("./review/index.js")).registerReviewCommand },
  { name: "mcp", load: async () => (await import("./mcp/index.js")).registerMcpCommand },
];

/** Register the command named first in `args` (or all of them, for help and unknown names). */
export async function registerCommands(
  program: Command,
  ctx: CliContext,
  args: string[],
): Promise<void> {
  const first = args.find((a) => !a.startsWith("-"));
  // `--version` needs no command at all.
  if (!first && !args.includes("--help") && !args.includes("-h")) return;
  const named = COMMANDS.filter((c) => c.name === first);
  for (const command of named.length > 0 ? named : COMMANDS) (await command.load())(program, ctx);
}

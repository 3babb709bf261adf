import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { registerAuditCommand } from "./audit.js";
import { registerDbCommand } from "./db.js";
import { registerDecideCommand } from "./decide.js";
import { registerGrillCommand } from "./grill.js";
import { registerLoadCommand } from "./load.js";
import { registerScaffoldCommand } from "./scaffold.js";

/** Each tool's command module registers itself here (one line per tool). */
// biome-ignore format: one tool per line keeps concurrent additions apart
const registrations: Array<(program: Command, ctx: CliContext) => void> = [
  registerGrillCommand,
  registerDecideCommand,
  registerAuditCommand,
  registerLoadCommand,
  registerScaffoldCommand,
  registerDbCommand,
];

export function registerCommands(program: Command, ctx: CliContext): void {
  for (const register of registrations) register(program, ctx);
}

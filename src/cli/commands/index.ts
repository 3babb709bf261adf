import type { Command } from "commander";
import type { CliContext } from "../context.js";

/** Each tool's command module registers itself here (one line per tool). */
const registrations: Array<(program: Command, ctx: CliContext) => void> = [];

export function registerCommands(program: Command, ctx: CliContext): void {
  for (const register of registrations) register(program, ctx);
}

import type { Command } from "commander";
import type { Framework } from "../../../engine/scaffold/index.js";
import type { CliContext } from "../../context.js";

/** Flags every scaffold mode sees (modes add their own through `options`). */
export interface ScaffoldFlags {
  framework: Framework;
  output?: string;
  check?: boolean;
  json?: boolean;
  [flag: string]: unknown;
}

/**
 * One way into scaffold: from an OpenAPI spec (the default), from a database (`--from-db`),
 * routes → spec (`--generate-spec`). Each lives in its own `scaffold/<mode>.ts`; adding one is an
 * import and an entry in `modes` in scaffold/index.ts.
 */
export interface ScaffoldMode {
  /** Registers the mode's own flags on the command. */
  options?(command: Command): void;
  /** Whether this mode handles the invocation (checked in order; the spec mode comes last). */
  applies(input: string | undefined, flags: ScaffoldFlags): boolean;
  run(input: string | undefined, flags: ScaffoldFlags, ctx: CliContext): Promise<number>;
}

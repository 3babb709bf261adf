import { type Command, Option } from "commander";
import { FRAMEWORKS, type Framework } from "../../../engine/scaffold/index.js";
import { UserError } from "../../../engine/shared/index.js";
import { action } from "../../action.js";
import type { CliContext } from "../../context.js";
import { scaffoldFromDbMode } from "./from-db.js";
import { scaffoldFromSpec } from "./from-spec.js";
import { scaffoldGenerateSpec } from "./generate-spec.js";

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
 * routes → spec (`--generate-spec`). Each lives in its own `scaffold-<mode>.ts`; adding one is an
 * import and an entry in `modes` below.
 */
export interface ScaffoldMode {
  /** Registers the mode's own flags on the command. */
  options?(command: Command): void;
  /** Whether this mode handles the invocation (checked in order; the spec mode comes last). */
  applies(input: string | undefined, flags: ScaffoldFlags): boolean;
  run(input: string | undefined, flags: ScaffoldFlags, ctx: CliContext): Promise<number>;
}

// biome-ignore format: one mode per line keeps concurrent additions apart
const modes: ScaffoldMode[] = [
  scaffoldGenerateSpec,
  scaffoldFromDbMode,
  scaffoldFromSpec,
];

export function registerScaffoldCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command("scaffold")
    .description(
      "generate Express, Fastify or Koa routes, request validation and TypeScript types from an OpenAPI spec or a database (--from-db); an OpenAPI spec from route files (--generate-spec)",
    )
    .argument(
      "[input]",
      "OpenAPI 3.0/3.1 spec (YAML or JSON), e.g. openapi.yaml; with --generate-spec, the routes folder",
    )
    .addOption(
      new Option("--framework <name>", "framework of the generated code")
        .choices([...FRAMEWORKS])
        .default("express"),
    )
    .option("--output <path>", "where the generated files go (default: src/routes/)")
    .option("--check", "write nothing; exit 1 when the generated files are out of date (for CI)")
    .option("--json", "print the result as one JSON document");
  for (const mode of modes) mode.options?.(command);
  command.action(
    action(async (input: string | undefined, flags: ScaffoldFlags) => {
      const mode = modes.find((m) => m.applies(input, flags));
      if (!mode) {
        throw new UserError("scaffold needs an OpenAPI spec to read", {
          hint: "e.g. `senior-backend scaffold openapi.yaml --framework express --output src/routes/`",
        });
      }
      return mode.run(input, flags, ctx);
    }),
  );
}

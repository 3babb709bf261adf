import { type Command, Option } from "commander";
import { FRAMEWORKS } from "../../../engine/scaffold/index.js";
import { UserError } from "../../../engine/shared/index.js";
import { action } from "../../action.js";
import type { CliContext } from "../../context.js";
import { isInteractive } from "../../output.js";
import { startTui } from "../../start-tui.js";
import { scaffoldFromDbMode } from "./from-db.js";
import { scaffoldFromSpec } from "./from-spec.js";
import { scaffoldGenerateSpec } from "./generate-spec.js";
import type { ScaffoldFlags, ScaffoldMode } from "./mode.js";

export type { ScaffoldFlags, ScaffoldMode } from "./mode.js";

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
      "OpenAPI 2.0/3.0/3.1/3.2 spec (YAML or JSON), e.g. openapi.yaml; with --generate-spec, the routes folder",
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
      if (!mode && isInteractive() && !flags.json && !flags.check) {
        // No spec and no database on a terminal: the scaffold screen asks for them.
        return startTui({
          screen: "scaffold",
          params: { framework: flags.framework, outputDir: flags.output },
        });
      }
      if (!mode) {
        throw new UserError("scaffold needs an OpenAPI spec to read", {
          hint: "e.g. `senior-backend scaffold openapi.yaml --framework express --output src/routes/`",
        });
      }
      return mode.run(input, flags, ctx);
    }),
  );
}
